import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../helpers/db.ts';
import { bootstrappedDb, TEST_PUBLIC_URL as PUBLIC_URL } from '../helpers/bootstrapped-db.ts';
import { dbTemplate, type DbTemplate } from '../helpers/db-template.ts';
import { startSmtp, type TestSmtp } from '../helpers/smtp.ts';
import { importRegistry } from '../../src/lib/server/distribution/registry/import.ts';
import { inviteAllEntities, queueInvitationEmails, queueReminders } from '../../src/lib/server/distribution/invitations/bulk.ts';
import { createMailTransport, drainOutbox } from '../../src/lib/server/distribution/mail/outbox-sender.ts';
import { loadMailConfig, type MailConfig } from '../../src/lib/server/distribution/mail/mail-config.ts';
import { outboxCounts } from '../../src/lib/server/distribution/mail/outbox-store.ts';
import { resolveRespondentLink } from '../../src/lib/server/respondent/service.ts';
import { hashToken } from '../../src/lib/domain/invitation/token.ts';
import { insertSubmittedResponse } from '../../src/lib/server/analysis/demo.ts';

const REGISTRY = [
	'code,kind,name,country,language,contact_name,contact_email,contact_language,contact2_name,contact2_email',
	'MS-EGY,member_state,Egypt,EGY,ar,سارة أحمد,sara@example.org,ar,,',
	'MS-SEN,member_state,Sénégal,SEN,fr,Awa Diop,awa@example.org,fr,Moussa Fall,moussa@example.org',
	'MS-CHN,member_state,China,CHN,zh,王伟,wang@example.org,zh,,',
	'MS-ARE,member_state,United Arab Emirates,ARE,ar,Omar,omar@example.org,en,,'
].join('\n');

let template: DbTemplate;
let t: TestDb;
let smtp: TestSmtp | undefined;
let mail: MailConfig;
// Bootstrapped and the registry imported once; each test gets its own copy.
beforeAll(async () => {
	template = await dbTemplate(
		() => bootstrappedDb({ DEMO: '0' }),
		async (db) => void (await importRegistry(db, 'registry.csv', new TextEncoder().encode(REGISTRY)))
	);
});
afterAll(async () => {
	await template?.close();
});
beforeEach(async () => {
	t = await template.copy();
	mail = loadMailConfig({ MAIL_RATE_PER_MINUTE: '6000', MAIL_RETRY_BASE_MS: '10', MAIL_MAX_ATTEMPTS: '3' });
});
afterEach(async () => {
	await smtp?.close();
	smtp = undefined;
	await t.close();
});

const states = async () => await t.db.selectFrom('outbox_message').select(['to_email', 'state', 'attempts', 'last_error']).orderBy('to_email').execute();
const tokenIn = (text: string) => /\/r\/([a-z2-7]{32})/.exec(text)?.[1] ?? '';
const liveLinks = async () =>
	Number(
		(
			await t.db
				.selectFrom('invitation_link')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('revoked_at', 'is', null)
				.executeTakeFirstOrThrow()
		).n
	);
/** Until the next queued message is due again (its retry delay elapsed): no fixed sleep. */
async function untilRetryDue(): Promise<void> {
	const next = await t.db
		.selectFrom('outbox_message')
		.select((eb) => eb.fn.min('next_attempt_at').as('at'))
		.where('state', '=', 'queued')
		.executeTakeFirst();
	const ms = next?.at ? Date.parse(String(next.at)) - Date.now() : 0;
	if (ms > 0) await new Promise((r) => setTimeout(r, ms));
}

describe('invitations by e-mail through a real SMTP server', () => {
	it("invites a whole edition: one invitation per entity, one message per contact, in each contact's language; the Arabic one is right-to-left and its link opens the questionnaire", async () => {
		smtp = await startSmtp();
		const invited = await inviteAllEntities(t.db, 'rp-2026', 'test');
		expect(invited.created).toBeGreaterThan(194);
		expect(invited.withoutContact).toBe(invited.total - 4);
		expect(await inviteAllEntities(t.db, 'rp-2026', 'test')).toMatchObject({ created: 0, total: invited.total });

		expect((await queueInvitationEmails(t.db, 'rp-2026', 'test')).queued).toBe(5);
		expect((await queueInvitationEmails(t.db, 'rp-2026', 'test')).queued).toBe(0); // a rerun sends nothing twice
		expect(await liveLinks()).toBe(0); // no token exists before the message is sent

		const tally = await drainOutbox(t.db, createMailTransport(smtp.url), mail, PUBLIC_URL);
		expect(tally).toEqual({ sent: 5, retry: 0, failed: 0, cancelled: 0 });
		expect(smtp.received.map((m) => m.to).sort()).toEqual([
			'awa@example.org',
			'moussa@example.org',
			'omar@example.org',
			'sara@example.org',
			'wang@example.org'
		]);

		const arabic = smtp.received.find((m) => m.to === 'sara@example.org')!;
		expect(arabic.html).toContain('<html lang="ar" dir="rtl">');
		expect(arabic.html).toContain('السيد/السيدة سارة أحمد');
		expect(arabic.subject).toContain('استقصاء الاتحاد الدولي للاتصالات');
		const token = tokenIn(arabic.html);
		expect(arabic.text).toContain(`${PUBLIC_URL}/r/${token}`);
		const ctx = await resolveRespondentLink(t.db, token);
		expect(ctx).toMatchObject({ entity_code: 'MS-EGY', edition_slug: 'rp-2026' });
		// Only the hash is stored, never the token.
		expect(await t.db.selectFrom('invitation_link').select('token_hash').where('token_hash', '=', hashToken(token)).executeTakeFirst()).toBeTruthy();
		expect(JSON.stringify(await t.db.selectFrom('outbox_message').selectAll().execute())).not.toContain(token);

		expect(smtp.received.find((m) => m.to === 'wang@example.org')!.subject).toContain('国际电联区域代表性调查');
		expect(smtp.received.find((m) => m.to === 'omar@example.org')!.html).toContain('<html lang="en" dir="ltr">'); // contact language wins
		const senegal = smtp.received.filter((m) => m.to.endsWith('@example.org') && /Sénégal/.test(m.text));
		expect(senegal).toHaveLength(2);
		expect(tokenIn(senegal[0]!.text)).not.toBe(tokenIn(senegal[1]!.text)); // each contact has a link, to the same response
		expect(await outboxCounts(t.db, {})).toMatchObject({ sent: 5, queued: 0, failed: 0 });
	});

	it('keeps messages queued while SMTP is down and sends them when it is back', async () => {
		smtp = await startSmtp();
		const port = smtp.port;
		await smtp.close();
		smtp = undefined;
		await inviteAllEntities(t.db, 'rp-2026', 'test');
		await queueInvitationEmails(t.db, 'rp-2026', 'test');

		const down = await drainOutbox(t.db, createMailTransport(`smtp://127.0.0.1:${port}`), mail, PUBLIC_URL);
		expect(down).toEqual({ sent: 0, retry: 1, failed: 0, cancelled: 0 }); // stops at the first connection failure
		const counts = await outboxCounts(t.db, {});
		expect(counts).toMatchObject({ queued: 5, retrying: 1, sent: 0 });
		expect(counts.lastError).toMatch(/ECONNREFUSED/);
		expect(await liveLinks()).toBe(0); // the link of the undelivered message was withdrawn

		smtp = await startSmtp(() => null, port);
		await untilRetryDue();
		expect(await drainOutbox(t.db, createMailTransport(smtp.url), mail, PUBLIC_URL)).toEqual({ sent: 5, retry: 0, failed: 0, cancelled: 0 });
		expect(smtp.received).toHaveLength(5);
		expect((await states()).find((s) => s.attempts === 2)).toBeTruthy();
	});

	it('retries a refused delivery (451), and records a permanent refusal (550) against the contact', async () => {
		let refusals = 0;
		smtp = await startSmtp((to) => {
			if (to === 'wang@example.org' && refusals++ === 0) return 451;
			if (to === 'omar@example.org') return 550;
			return null;
		});
		await inviteAllEntities(t.db, 'rp-2026', 'test');
		await queueInvitationEmails(t.db, 'rp-2026', 'test');
		const transport = createMailTransport(smtp.url);
		let total = { sent: 0, retry: 0, failed: 0 };
		for (let round = 0; round < 5 && total.sent + total.failed < 5; round++) {
			const r = await drainOutbox(t.db, transport, mail, PUBLIC_URL);
			total = { sent: total.sent + r.sent, retry: total.retry + r.retry, failed: total.failed + r.failed };
			await untilRetryDue();
		}
		expect(total).toEqual({ sent: 4, retry: 1, failed: 1 });
		const byAddress = Object.fromEntries((await states()).map((s) => [s.to_email, s]));
		expect(byAddress['wang@example.org']).toMatchObject({ state: 'sent', attempts: 2 });
		expect(byAddress['omar@example.org']).toMatchObject({ state: 'failed', attempts: 1 });
		expect(byAddress['omar@example.org']!.last_error).toMatch(/^550/);
		const omar = await t.db.selectFrom('contact').select('bounced_at').where('email', '=', 'omar@example.org').executeTakeFirstOrThrow();
		expect(omar.bounced_at).not.toBeNull();
		expect(smtp.received.filter((m) => m.to === 'wang@example.org')).toHaveLength(1);
	});

	it('sends a reminder only to the non-responders of the chosen region', async () => {
		smtp = await startSmtp();
		await inviteAllEntities(t.db, 'rp-2026', 'test');
		const edition = await t.db.selectFrom('edition').select(['id', 'questionnaire_id']).where('slug', '=', 'rp-2026').executeTakeFirstOrThrow();
		const egypt = await t.db.selectFrom('entity').select('id').where('code', '=', 'MS-EGY').executeTakeFirstOrThrow();
		const now = new Date().toISOString();
		// Egypt (Arab States) has submitted; the United Arab Emirates (Arab States) has not.
		await insertSubmittedResponse(t.db, {
			id: 'resp-egy',
			editionId: edition.id,
			entityId: egypt.id,
			questionnaireId: edition.questionnaire_id,
			answers: '{}',
			locale: 'ar',
			revision: 3,
			now
		});

		const { queued } = await queueReminders(t.db, 'rp-2026', { region: 'ARB' }, 'test');
		expect(queued).toBe(1);
		await drainOutbox(t.db, createMailTransport(smtp.url), mail, PUBLIC_URL);
		expect(smtp.received.map((m) => m.to)).toEqual(['omar@example.org']);
		expect(smtp.received[0]!.subject).toMatch(/^Reminder/);

		await expect(queueReminders(t.db, 'rp-2026', { region: 'Arab' }, 'test')).rejects.toThrow(/not a region code/);
		expect((await queueReminders(t.db, 'rp-2026', { state: 'in_progress' }, 'test')).queued).toBe(0);
	});
});
