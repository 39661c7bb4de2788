import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { formPost, get, seedUsers, signInCookie } from '../helpers/access-http.ts';
import { sqlAll } from '../helpers/sql.ts';
import { createDb } from '../../src/lib/server/db/create-db.ts';
import { createEdition } from '../../src/lib/server/distribution/editions/editions.ts';
import { builtinMailTemplateJson, builtinMailText } from '../../src/lib/domain/mail/mail-texts.ts';
import { startDraftAs } from '../helpers/drafts.ts';

/**
 * The e-mail texts over real HTTP against the built server: the editor's section (copy
 * the built-in texts, edit the English, remove), the workbench statuses, XLIFF and XLSX
 * round trips of mail strings, refusals of translations that break a merge field, the
 * launch gate, and the respondent preview that never shows them.
 */
const PASSWORD = 'mail texts password 2026';
const SLUG = 'regional-presence-2026';
const MAIL = `/admin/questionnaires/${SLUG}/edit/mail`;
const WORKBENCH = `/admin/questionnaires/${SLUG}/translations`;
const TOTAL = 191 + 8;
let server: RunningServer;
let author = '';

async function withDb<T>(run: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
	const db = createDb(server.dbPath);
	try {
		return await run(db);
	} finally {
		await db.destroy();
	}
}
const draftRow = () =>
	withDb((db) =>
		db.selectFrom('questionnaire_draft').select(['id', 'definition_json', 'revision', 'updated_at']).where('slug', '=', SLUG).executeTakeFirstOrThrow()
	);
const draftJson = async () => JSON.parse((await draftRow()).definition_json);
const revision = async () => String((await draftRow()).revision);
/** Everything a refused change could touch: the draft row and its translation states. */
const snapshot = () =>
	withDb(async (db) =>
		JSON.stringify({ draft: await draftRow(), states: await db.selectFrom('translation_state').selectAll().orderBy('string_key').orderBy('locale').execute() })
	);
const decodeHtml = (html: string) =>
	html
		.replace(/&#39;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&');
const page = async (path: string) => (await get(`${server.url}${path}`, author)).text();

async function upload(locale: string, format: 'xliff' | 'xlsx', body: Uint8Array | string): Promise<{ status: number; html: string }> {
	const form = new FormData();
	form.set('locale', locale);
	form.set('format', format);
	form.set('file', new Blob([body as BlobPart]), format === 'xliff' ? 'file.xlf' : 'file.xlsx');
	const res = await fetch(`${server.url}${WORKBENCH}?/import`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', origin: server.url, cookie: author },
		body: form
	});
	return { status: res.status, html: await res.text() };
}
async function exportFile(locale: string, format: 'xliff' | 'xlsx'): Promise<Uint8Array> {
	const res = await get(`${server.url}${WORKBENCH}/export?lang=${locale}&format=${format}`, author);
	expect(res.status).toBe(200);
	return new Uint8Array(await res.arrayBuffer());
}
/** Sets the target (and state) of one unit of an XLIFF 2.0 file. */
const setUnit = (xml: string, key: string, target: string, state = 'reviewed') => {
	// A new state without the exported subState (which would mean "status as exported").
	const re = new RegExp(`(<unit id="${key.replace(/\./g, '\\.')}">[\\s\\S]*?<segment)[^>]*(>[\\s\\S]*?<target>)[^<]*(</target>)`);
	const out = xml.replace(re, `$1 state="${state}"$2${target.replace(/\$/g, '$$$$')}$3`);
	expect(out).not.toBe(xml);
	return out;
};
const saveEnglish = async (kind: string, parts: { subject: string; body: string; button: string }, rev?: string) =>
	formPost(`${server.url}${MAIL}?/save`, { kind, revision: rev ?? (await revision()), ...parts }, { cookie: author });
const englishOf = (kind: 'invitation' | 'reminder') => builtinMailText(kind, 'en');

beforeAll(async () => {
	server = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: 'admin@mail.example.org' });
	await seedUsers(server.dbPath, [{ email: 'author@mail.example.org', role: 'author' }], PASSWORD);
	author = await signInCookie(server.url, 'author@mail.example.org', PASSWORD);
	await startDraftAs(server.dbPath, 'author@mail.example.org', SLUG);
}, 60_000);
afterAll(async () => {
	await server?.stop();
});

describe("the editor's e-mail section", () => {
	it('shows the built-in texts in a six-language preview with example merge fields, Arabic right to left', async () => {
		const html = await page(MAIL);
		expect(html).toContain('Built-in texts');
		expect(html).toContain('Use editable e-mail texts');
		expect(html.match(/<article class="mail-preview[^"]*"/g)).toHaveLength(12);
		expect(html).toMatch(/<article class="mail-preview[^"]*" lang="ar" dir="rtl" data-kind="invitation"/);
		expect(html).toContain("Enquête de l'UIT sur la présence régionale : votre lien personnel (Republic of Senegal)");
		expect(await page(`/admin/questionnaires/${SLUG}/edit`)).toContain(`href="${MAIL}"`);
	});

	it('copies the built-in texts into the draft, translations reviewed, so the workbench shows them complete', async () => {
		const stale = String(Number(await revision()) - 1);
		const before = await snapshot();
		expect((await formPost(`${server.url}${MAIL}?/use`, { revision: stale }, { cookie: author })).status).toBe(409);
		expect(await snapshot()).toBe(before);

		const r = await formPost(`${server.url}${MAIL}?/use`, { revision: await revision() }, { cookie: author });
		expect(r.status).toBe(303); // back to the page, ?saved
		const json = await draftJson();
		expect(json.mailTemplates).toEqual({ invitation: builtinMailTemplateJson('invitation'), reminder: builtinMailTemplateJson('reminder') });
		const wb = await page(`${WORKBENCH}?lang=ar`);
		expect(wb).toMatch(new RegExp(`<li data-locale="ar">[\\s\\S]*?${TOTAL}/${TOTAL}`));
		expect(wb).toContain('data-key="mail.invitation.subject" data-status="reviewed"');
		expect(wb).toContain('merge fields allowed: {contact} {entity} {link} {deadline}');
		const audit = await withDb((db) => db.selectFrom('audit_log').select('details_json').where('action', '=', 'questionnaire.draft_edit').execute());
		expect(audit.map((a) => JSON.parse(a.details_json!).operation)).toContain('mailTemplates.use');
		// Once both kinds are there, the button is gone and a second copy is refused.
		expect(await page(MAIL)).not.toContain('Use editable e-mail texts');
		expect((await formPost(`${server.url}${MAIL}?/use`, { revision: await revision() }, { cookie: author })).status).toBe(400);
	});

	it('editing the English subject marks its five translations "needs review" and leaves the others alone', async () => {
		const r = await saveEnglish('invitation', { ...englishOf('invitation'), subject: 'ITU survey 2030: your personal link ({entity})' });
		expect(r.status).toBe(303);
		const json = await draftJson();
		expect(json.mailTemplates.invitation.subject.default).toBe('ITU survey 2030: your personal link ({entity})');
		expect(json.mailTemplates.invitation.subject.fr).toBe(builtinMailText('invitation', 'fr').subject);
		for (const lang of ['ar', 'zh', 'fr', 'ru', 'es']) {
			const html = await page(`${WORKBENCH}?lang=${lang}&status=needs_review`);
			expect(html, lang).toContain(`1 of ${TOTAL} strings shown`);
			expect(html, lang).toContain('data-key="mail.invitation.subject" data-status="needs_review"');
		}
	});

	it('refuses an unknown merge field, an empty part, a two-line subject and a stale revision, saving nothing', async () => {
		const before = await snapshot();
		const unknown = await saveEnglish('reminder', { ...englishOf('reminder'), body: 'Dear {name},\n\nPlease answer.' });
		expect(unknown.status).toBe(400);
		const html = await unknown.text();
		expect(html).toContain('mailTemplates.reminder.body.default');
		expect(html).toContain('{name}');
		expect(html).toContain('Dear {name},'); // the input is shown back
		expect((await saveEnglish('reminder', { ...englishOf('reminder'), button: ' ' })).status).toBe(400);
		expect((await saveEnglish('reminder', { ...englishOf('reminder'), subject: 'one\ntwo' })).status).toBe(400);
		expect((await saveEnglish('reminder', englishOf('reminder'), String(Number(await revision()) - 1))).status).toBe(409);
		expect((await saveEnglish('welcome', englishOf('reminder'))).status).toBe(400);
		expect(await snapshot()).toBe(before);
	});

	it('the respondent preview of the draft never shows the e-mail texts', async () => {
		const html = await page(`/admin/questionnaires/${SLUG}/preview?lang=fr`);
		expect(html).toContain('<form');
		expect(html).not.toContain('votre lien personnel');
		expect(html).not.toContain('mailTemplates');
	});
});

describe('mail strings in translation files', () => {
	it('XLIFF round trip of the French subject: applied exactly, reviewed, shown in the French preview', async () => {
		const xml = new TextDecoder().decode(await exportFile('fr', 'xliff'));
		expect(xml).toMatch(/<unit id="mail\.invitation\.subject">[\s\S]*?merge fields allowed[\s\S]*?subState="rps:needs_review"/);
		const r = await upload('fr', 'xliff', setUnit(xml, 'mail.invitation.subject', "Enquête 2030 de l'UIT : votre lien personnel ({entity})"));
		expect(r.html).toContain('1 translation(s) imported');
		expect((await draftJson()).mailTemplates.invitation.subject.fr).toBe("Enquête 2030 de l'UIT : votre lien personnel ({entity})");
		expect(await page(`${WORKBENCH}?lang=fr&q=mail.invitation.subject`)).toContain('data-key="mail.invitation.subject" data-status="reviewed"');
		expect(await page(MAIL)).toContain("Enquête 2030 de l'UIT : votre lien personnel (Republic of Senegal)");
	});

	it('after the English body gains {link}, a French body without {link} is refused by id (XLIFF and cell edit); with it, accepted', async () => {
		const body = `${englishOf('invitation').body}\n\nYour link: {link}`;
		expect((await saveEnglish('invitation', { ...englishOf('invitation'), subject: 'ITU survey 2030: your personal link ({entity})', body })).status).toBe(303);
		const xml = new TextDecoder().decode(await exportFile('fr', 'xliff'));
		const before = await snapshot();
		const broken = await upload(
			'fr',
			'xliff',
			setUnit(xml, 'mail.invitation.body', 'Madame, Monsieur {contact},\n\nRépondez pour {entity} avant le {deadline}.')
		);
		expect(broken.status).toBe(422);
		expect(broken.html).toContain('Nothing was imported');
		expect(broken.html).toMatch(/line \d+ · mail.invitation.body: drops \{link\}/);
		const cell = await formPost(
			`${server.url}${WORKBENCH}?/edit`,
			{ key: 'mail.invitation.body', locale: 'fr', text: 'Sans lien {contact} {entity} {deadline}', status: 'reviewed', revision: await revision() },
			{ cookie: author }
		);
		expect(cell.status).toBe(400);
		expect(await cell.text()).toContain('mail.invitation.body (fr): the translation drops {link}');
		expect(await snapshot()).toBe(before);

		const fixed = `${builtinMailText('invitation', 'fr').body}\n\nVotre lien : {link}`;
		expect((await upload('fr', 'xliff', setUnit(xml, 'mail.invitation.body', fixed))).html).toContain('1 translation(s) imported');
		expect((await draftJson()).mailTemplates.invitation.body.fr).toBe(fixed);
		// The workbench's textarea posts CRLF: the questionnaire keeps LF, so the paragraphs stay paragraphs.
		const ru = `${builtinMailText('invitation', 'ru').body}\n\nВаша ссылка: {link}`;
		const cellOk = await formPost(
			`${server.url}${WORKBENCH}?/edit`,
			{ key: 'mail.invitation.body', locale: 'ru', text: ru.replace(/\n/g, '\r\n'), status: 'reviewed', revision: await revision() },
			{ cookie: author }
		);
		expect(cellOk.status).toBe(200);
		expect((await draftJson()).mailTemplates.invitation.body.ru).toBe(ru);
	});

	it('an XLSX whose Spanish body drops {link} is refused with its row and id, nothing applied', async () => {
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await exportFile('es', 'xlsx')) as unknown as ArrayBuffer);
		const ws = wb.getWorksheet('Translations')!;
		let row = 0;
		ws.eachRow((r, n) => {
			if (r.getCell(1).value === 'mail.invitation.body') {
				r.getCell(4).value = 'Estimado/a {contact}: responda por {entity} antes del {deadline}.';
				r.getCell(5).value = 'reviewed';
				row = n;
			}
		});
		const before = await snapshot();
		const r = await upload('es', 'xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
		expect(r.status).toBe(422);
		expect(r.html).toContain(`row ${row} · mail.invitation.body: drops {link}`);
		expect(await snapshot()).toBe(before);
	});

	it('a draft whose translations lack the English merge fields cannot be published', async () => {
		const res = await formPost(`${server.url}/admin/questionnaires/${SLUG}?/publish`, { revision: await revision() }, { cookie: author });
		expect(res.status).toBe(400);
		expect(await res.text()).toMatch(/mailTemplates\.invitation\.body\.ar: The ar translation of mail.invitation.body drops \{link\}/);
	});
});

describe('launch gate and removal', () => {
	it('counts the mail strings: a version whose Arabic reminder subject is missing keeps its edition closed', async () => {
		const json = JSON.parse(readFileSync('surveys/regional-presence-2026.json', 'utf8'));
		json.mailTemplates = { reminder: builtinMailTemplateJson('reminder') };
		delete json.mailTemplates.reminder.subject.ar;
		const file = join(mkdtempSync(join(tmpdir(), 'rps-mail-gate-')), 'mail-gate.json');
		writeFileSync(file, JSON.stringify(json));
		await withDb((db) => createEdition(db, { questionnaireFile: file, slug: 'mail-gate', open: false }, 'test'));
		const admin = await signInCookie(server.url, 'admin@mail.example.org', PASSWORD);
		expect(await (await get(`${server.url}/admin/editions/mail-gate`, admin)).text()).toMatch(
			/id="translation-gate">Translations incomplete[^<]*العربية \(ar\): 1 missing/
		);
		const open = await formPost(`${server.url}/admin/editions/mail-gate/settings?/state`, { to: 'open' }, { cookie: admin });
		expect(open.status).toBe(409);
	});

	it("shows coordinators, on the edition page, the e-mails of the pinned version with this edition's closing date", async () => {
		const json = JSON.parse(readFileSync('surveys/regional-presence-2026.json', 'utf8'));
		json.mailTemplates = { invitation: builtinMailTemplateJson('invitation') };
		json.mailTemplates.invitation.subject.fr = 'Votre lien personnel pour {entity}';
		const file = join(mkdtempSync(join(tmpdir(), 'rps-mail-shown-')), 'mail-shown.json');
		writeFileSync(file, JSON.stringify(json));
		await withDb((db) => createEdition(db, { questionnaireFile: file, slug: 'mail-shown', closes: '2027-05-01T12:00:00Z', open: false }, 'test'));
		const admin = await signInCookie(server.url, 'admin@mail.example.org', PASSWORD);
		const html = decodeHtml(await (await get(`${server.url}/admin/editions/mail-shown/invitations`, admin)).text());
		expect(html).toContain('Votre lien personnel pour Republic of Senegal');
		expect(html).toContain('Merci de répondre avant le 1 mai 2027 à 12:00 UTC');
		expect(html).toMatch(/<article class="mail-preview[^"]*" lang="ar" dir="rtl" data-kind="reminder"/);
		// The 2026 edition pins a version without texts of its own: the built-in ones.
		expect(decodeHtml(await (await get(`${server.url}/admin/editions/rp-2026/invitations`, admin)).text())).toContain(
			"Enquête de l'UIT sur la présence régionale : votre lien personnel (Republic of Senegal)"
		);
	});

	it('removes the e-mail texts after a confirmation step: the property and its states go, the workbench is back to 191', async () => {
		expect(await page(`${MAIL}?remove`)).toContain('id="confirm-remove"');
		const r = await formPost(`${server.url}${MAIL}?/remove`, { revision: await revision() }, { cookie: author });
		expect(r.status).toBe(303);
		expect((await draftJson()).mailTemplates).toBeUndefined();
		const draftId = (await draftRow()).id;
		expect(await sqlAll(server.dbPath, "select string_key from translation_state where owner_id = ? and string_key like 'mail.%'", draftId)).toEqual([]);
		expect(await page(`${WORKBENCH}?lang=fr`)).toMatch(/<li data-locale="fr">[\s\S]*?\/191/);
		expect(await page(MAIL)).toContain('Use editable e-mail texts');
		expect((await formPost(`${server.url}${MAIL}?/remove`, { revision: await revision() }, { cookie: author })).status).toBe(400);
	});
});
