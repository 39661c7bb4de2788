import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../helpers/db.ts';
import { bootstrappedDb, TEST_PUBLIC_URL as PUBLIC_URL } from '../helpers/bootstrapped-db.ts';
import { startSmtp, type TestSmtp } from '../helpers/smtp.ts';
import { importRegistry } from '../../src/lib/server/distribution/registry/import.ts';
import { inviteAllEntities, queueInvitationEmails } from '../../src/lib/server/distribution/invitations/bulk.ts';
import { createMailTransport, drainOutbox } from '../../src/lib/server/distribution/mail/outbox-sender.ts';
import { loadMailConfig } from '../../src/lib/server/distribution/mail/mail-config.ts';
import { startNextDraft } from '../../src/lib/server/authoring/library.ts';
import { publishDraft, createEditionForVersion } from '../../src/lib/server/authoring/publish.ts';
import { useEditableMailTexts } from '../../src/lib/server/authoring/mail.ts';
import { editCell } from '../../src/lib/server/translation/service.ts';
import { translationGaps } from '../../src/lib/server/translation/gate.ts';
import { changeEditionState } from '../../src/lib/server/distribution/editions/editions.ts';
import { builtinMailText } from '../../src/lib/domain/mail/mail-texts.ts';
import type { SessionUser } from '../../src/lib/server/access/session.ts';

/**
 * End to end: an edition pinning a version with its own e-mail texts sends them (French
 * here) through a real SMTP server, while the 2026 edition, pinning a version without
 * texts, keeps sending the built-in ones.
 */
const SLUG = 'regional-presence-2026';
const REGISTRY = [
	'code,kind,name,country,language,contact_name,contact_email,contact_language,contact2_name,contact2_email',
	'MS-EGY,member_state,Egypt,EGY,ar,سارة أحمد,sara@example.org,ar,,',
	'MS-SEN,member_state,Sénégal,SEN,fr,Awa Diop,awa@example.org,fr,,'
].join('\n');
const FRENCH_SUBJECT = 'Édition 2030 : votre lien pour {entity}';
const FRENCH_BODY = "Madame, Monsieur {contact},\n\nTexte propre à l'édition 2030 : répondez pour {entity} avant le {deadline}.";

let t: TestDb;
let smtp: TestSmtp | undefined;
beforeEach(async () => {
	t = await bootstrappedDb({ DEMO: '0' });
	await importRegistry(t.db, 'registry.csv', new TextEncoder().encode(REGISTRY));
});
afterEach(async () => {
	await smtp?.close();
	smtp = undefined;
	await t.close();
});

const revisionOf = async () => (await t.db.selectFrom('questionnaire_draft').select('revision').where('slug', '=', SLUG).executeTakeFirstOrThrow()).revision;

describe('e-mail texts of the pinned version, through a real SMTP server', () => {
	it('an edition pinning a version with custom texts sends them; the 2026 edition keeps the built-in texts', async () => {
		const admin = (await t.db
			.selectFrom('app_user')
			.select(['id', 'email', 'display_name', 'role', 'region_code', 'language'])
			.where('role', '=', 'admin')
			.executeTakeFirstOrThrow()) as SessionUser;
		await startNextDraft(t.db, admin, SLUG);
		await useEditableMailTexts(t.db, admin, SLUG, await revisionOf());
		for (const [key, text] of [
			['mail.invitation.subject', FRENCH_SUBJECT],
			['mail.invitation.body', FRENCH_BODY]
		]) {
			await editCell(t.db, SLUG, { key: key!, locale: 'fr', text: text!, status: 'reviewed', revision: await revisionOf() }, admin.email);
		}
		const version = await publishDraft(t.db, admin, SLUG, await revisionOf());
		expect(version.version).toBe(2);
		expect(await translationGaps(t.db, version.id)).toEqual([]); // the copied texts count as reviewed
		await createEditionForVersion(t.db, admin, {
			questionnaireSlug: SLUG,
			version: 'v2',
			slug: 'rp-2030',
			title: 'Regional presence 2030',
			opens: '',
			closes: '2030-03-31T23:59'
		});
		await changeEditionState(t.db, 'rp-2030', 'open', admin.email, { actorRole: 'admin' });

		smtp = await startSmtp();
		const transport = createMailTransport(smtp.url);
		const mail = loadMailConfig({ MAIL_RATE_PER_MINUTE: '6000', MAIL_RETRY_BASE_MS: '10', MAIL_MAX_ATTEMPTS: '3' });
		await inviteAllEntities(t.db, 'rp-2030', 'test');
		expect((await queueInvitationEmails(t.db, 'rp-2030', 'test')).queued).toBe(2);
		expect(await drainOutbox(t.db, transport, mail, PUBLIC_URL)).toMatchObject({ sent: 2, failed: 0 });

		const french = smtp.received.find((m) => m.to === 'awa@example.org')!;
		expect(french.subject).toBe('Édition 2030 : votre lien pour Sénégal');
		expect(french.text).toContain("Texte propre à l'édition 2030 : répondez pour Sénégal avant le 31 mars 2030 à 23:59 UTC.");
		expect(french.html).toContain('<p>Madame, Monsieur Awa Diop,</p>');
		expect(french.html).toContain(`>${builtinMailText('invitation', 'fr').button}</a>`);
		const arabic = smtp.received.find((m) => m.to === 'sara@example.org')!;
		expect(arabic.subject).toBe(builtinMailText('invitation', 'ar').subject.replace('{entity}', 'Egypt'));
		expect(arabic.html).toContain('<html lang="ar" dir="rtl">');

		// The 2026 edition pins v1, which has no texts of its own: the built-in French.
		smtp.received.length = 0;
		await inviteAllEntities(t.db, 'rp-2026', 'test');
		await queueInvitationEmails(t.db, 'rp-2026', 'test');
		expect(await drainOutbox(t.db, transport, mail, PUBLIC_URL)).toMatchObject({ sent: 2, failed: 0 });
		expect(smtp.received.find((m) => m.to === 'awa@example.org')!.subject).toBe(builtinMailText('invitation', 'fr').subject.replace('{entity}', 'Sénégal'));
		transport.close?.();
	});
});
