import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../helpers/db.ts';
import { bootstrappedDb, TEST_PUBLIC_URL as PUBLIC_URL } from '../helpers/bootstrapped-db.ts';
import { startSmtp } from '../helpers/smtp.ts';
import { changeEditionState } from '../../src/lib/server/distribution/editions/editions.ts';
import { addEntityContact, extendEntity, inviteEntity, reissueEntityLink } from '../../src/lib/server/distribution/invitations/invitations.ts';
import { resolveRespondentLink } from '../../src/lib/server/respondent/service.ts';
import { queueInvitationEmails } from '../../src/lib/server/distribution/invitations/bulk.ts';
import { createMailTransport, drainOutbox } from '../../src/lib/server/distribution/mail/outbox-sender.ts';
import { loadMailConfig } from '../../src/lib/server/distribution/mail/mail-config.ts';
import { ConflictError, InvalidInputError } from '../../src/lib/domain/errors.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
let t: TestDb;
beforeEach(async () => {
	t = await bootstrappedDb({ DEMO: '0' });
});
afterEach(async () => {
	await t.close();
});

const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

describe('edition states and extensions', () => {
	it('closes an edition for every link except an extended entity, until its extension ends; archiving ends everything', async () => {
		const egypt = tokenOf((await inviteEntity(t.db, 'rp-2026', 'MS-EGY', PUBLIC_URL)).url);
		const france = tokenOf((await inviteEntity(t.db, 'rp-2026', 'MS-FRA', PUBLIC_URL)).url);
		expect(await resolveRespondentLink(t.db, egypt)).not.toBeNull();

		await expect(changeEditionState(t.db, 'rp-2026', 'archived', 'test')).rejects.toBeInstanceOf(ConflictError);
		await expect(changeEditionState(t.db, 'rp-2026', 'finished', 'test')).rejects.toBeInstanceOf(InvalidInputError);
		expect((await changeEditionState(t.db, 'rp-2026', 'closed', 'test')).state).toBe('closed');
		expect(await resolveRespondentLink(t.db, egypt)).toBeNull();
		expect(await resolveRespondentLink(t.db, france)).toBeNull();
		await expect(reissueEntityLink(t.db, 'rp-2026', 'MS-EGY', PUBLIC_URL, 'test', false)).rejects.toBeInstanceOf(ConflictError);

		await expect(extendEntity(t.db, 'rp-2026', 'MS-EGY', '2020-01-01T00:00:00Z', 'test')).rejects.toThrow(/future/);
		await expect(extendEntity(t.db, 'rp-2026', 'MS-EGY', 'next week', 'test')).rejects.toBeInstanceOf(InvalidInputError);
		const until = await extendEntity(t.db, 'rp-2026', 'MS-EGY', new Date(Date.now() + DAY_MS).toISOString(), 'test');
		expect(await resolveRespondentLink(t.db, egypt)).toMatchObject({ entity_code: 'MS-EGY' });
		expect(await resolveRespondentLink(t.db, france)).toBeNull();
		expect(await resolveRespondentLink(t.db, egypt, new Date(new Date(until).getTime() + 1))).toBeNull();
		const reissued = await reissueEntityLink(t.db, 'rp-2026', 'MS-EGY', PUBLIC_URL, 'test', false);
		expect(await resolveRespondentLink(t.db, tokenOf(reissued.url!))).not.toBeNull();
		expect(await resolveRespondentLink(t.db, egypt)).toBeNull(); // the old link was revoked

		expect((await changeEditionState(t.db, 'rp-2026', 'archived', 'test')).state).toBe('archived');
		expect(await resolveRespondentLink(t.db, tokenOf(reissued.url!))).toBeNull();
		await expect(changeEditionState(t.db, 'rp-2026', 'open', 'test')).rejects.toBeInstanceOf(ConflictError);
		const audit = await t.db.selectFrom('audit_log').select('action').where('action', 'in', ['edition.state', 'invitation.extend']).execute();
		expect(audit.map((a) => a.action).sort()).toEqual(['edition.state', 'edition.state', 'invitation.extend']);
	});

	it('cancels e-mail still queued when the edition closes, and refuses to queue more', async () => {
		const smtp = await startSmtp();
		try {
			await inviteEntity(t.db, 'rp-2026', 'MS-FRA', PUBLIC_URL);
			await addEntityContact(t.db, 'MS-FRA', { name: 'Anne', email: 'anne@example.org', language: 'fr' }, 'test');
			expect((await queueInvitationEmails(t.db, 'rp-2026', 'test')).queued).toBe(1);
			await changeEditionState(t.db, 'rp-2026', 'closed', 'test');
			const tally = await drainOutbox(t.db, createMailTransport(smtp.url), loadMailConfig({}), PUBLIC_URL);
			expect(tally).toEqual({ sent: 0, retry: 0, failed: 0, cancelled: 1 });
			expect(smtp.received).toHaveLength(0);
			await expect(queueInvitationEmails(t.db, 'rp-2026', 'test')).rejects.toBeInstanceOf(ConflictError);
		} finally {
			await smtp.close();
		}
	});
});
