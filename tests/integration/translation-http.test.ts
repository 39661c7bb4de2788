import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { formPost, get, seedUsers, signInCookie } from '../helpers/access-http.ts';
import { createDb } from '../../src/lib/server/db/create-db.ts';
import { createEdition } from '../../src/lib/server/distribution/editions/editions.ts';
import { startDraftAs } from '../helpers/drafts.ts';

/**
 * The translation workbench over real HTTP against the built server: cell edits with
 * revisions, XLIFF and XLSX round trips, every import refusal leaving the draft
 * byte-identical, the launch gate and its audited override, and the role guard.
 */
const PASSWORD = 'translation password 2026';
const SLUG = 'regional-presence-2026';
const BASE = `/admin/questionnaires/${SLUG}/translations`;
let server: RunningServer;
const cookie: Record<'admin' | 'author' | 'coordinator' | 'analyst', string> = { admin: '', author: '', coordinator: '', analyst: '' };

async function withDb<T>(run: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
	const db = createDb(server.dbPath);
	try {
		return await run(db);
	} finally {
		await db.destroy();
	}
}

/** Everything an import could change: the draft row and its translation states. */
const snapshot = () =>
	withDb(async (db) => {
		const draft = await db
			.selectFrom('questionnaire_draft')
			.select(['definition_json', 'revision', 'updated_at'])
			.where('slug', '=', SLUG)
			.executeTakeFirstOrThrow();
		const states = await db.selectFrom('translation_state').selectAll().orderBy('string_key').orderBy('locale').execute();
		return JSON.stringify({ draft, states });
	});

const draftJson = () =>
	withDb(
		async (db) => (await db.selectFrom('questionnaire_draft').select('definition_json').where('slug', '=', SLUG).executeTakeFirstOrThrow()).definition_json
	);
const revision = () =>
	withDb(async (db) => (await db.selectFrom('questionnaire_draft').select('revision').where('slug', '=', SLUG).executeTakeFirstOrThrow()).revision);

async function upload(locale: string, format: 'xliff' | 'xlsx', body: Uint8Array | string, as = cookie.author): Promise<{ status: number; html: string }> {
	const form = new FormData();
	form.set('locale', locale);
	form.set('format', format);
	form.set('file', new Blob([body as BlobPart]), format === 'xliff' ? 'file.xlf' : 'file.xlsx');
	const res = await fetch(`${server.url}${BASE}?/import`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', origin: server.url, cookie: as },
		body: form
	});
	return { status: res.status, html: await res.text() };
}

async function exportFile(locale: string, format: 'xliff' | 'xliff12' | 'xlsx'): Promise<Uint8Array> {
	const res = await get(`${server.url}${BASE}/export?lang=${locale}&format=${format}`, cookie.author);
	expect(res.status).toBe(200);
	return new Uint8Array(await res.arrayBuffer());
}
const exportXliff = async (locale: string) => new TextDecoder().decode(await exportFile(locale, 'xliff'));

async function editWorkbook(data: Uint8Array, edit: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(data as unknown as ArrayBuffer);
	edit(wb.getWorksheet('Translations')!);
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

const TITLE_KEY = 'q:respondent_category.title';

beforeAll(async () => {
	server = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: 'admin@tr.example.org' });
	await seedUsers(
		server.dbPath,
		(['author', 'coordinator', 'analyst'] as const).map((role) => ({ email: `${role}@tr.example.org`, role })),
		PASSWORD
	);
	for (const role of Object.keys(cookie) as (keyof typeof cookie)[]) cookie[role] = await signInCookie(server.url, `${role}@tr.example.org`, PASSWORD);
	await startDraftAs(server.dbPath, 'author@tr.example.org', SLUG);
}, 60_000);
afterAll(async () => {
	await server?.stop();
});

describe('workbench page', () => {
	it('shows one language beside English with completeness for all six', async () => {
		const res = await get(`${server.url}${BASE}?lang=ar`, cookie.author);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toMatch(/<li data-locale="ar">[\s\S]*?191\/191/);
		expect(html).toContain('lang="ar" dir="rtl"');
		expect(html).toContain('aria-label="العربية translation of q:respondent_category.title"');
	});

	it('refuses roles without questionnaires.author (403), GET, POST and export alike', async () => {
		for (const role of ['coordinator', 'analyst'] as const) {
			expect((await get(`${server.url}${BASE}`, cookie[role])).status).toBe(403);
			expect((await get(`${server.url}${BASE}/export?lang=fr&format=xliff`, cookie[role])).status).toBe(403);
			// A small body: the guard answers before reading the upload.
			expect((await upload('fr', 'xliff', '<xliff/>', cookie[role])).status).toBe(403);
		}
		expect((await get(`${server.url}${BASE}`, cookie.admin)).status).toBe(200);
	});

	it('edits a cell with the current revision and refuses a stale one, changing nothing', async () => {
		const rev = await revision();
		const post = (text: string, r: number) =>
			formPost(`${server.url}${BASE}?/edit`, { key: TITLE_KEY, locale: 'ru', text, status: 'reviewed', revision: String(r) }, { cookie: cookie.author });
		const ok = await post('Новая формулировка', rev);
		expect(ok.status).toBe(200);
		expect(await ok.text()).toContain('id="action-result"');
		const before = await snapshot();
		const stale = await post('Другая формулировка', rev);
		expect(stale.status).toBe(409);
		expect(await stale.text()).toContain('changed by someone else');
		expect(await snapshot()).toBe(before);
		const page = await (await get(`${server.url}${BASE}?lang=ru&status=reviewed`, cookie.author)).text();
		expect(page).toContain('Новая формулировка');
		expect(page).toMatch(/data-key="q:respondent_category.title" data-status="reviewed"/);
	});

	it('refuses a cell whose text holds a bidi override (shown "live", stored "evil"), changing nothing', async () => {
		const before = await snapshot();
		const r = await formPost(
			`${server.url}${BASE}?/edit`,
			{ key: TITLE_KEY, locale: 'ar', text: '\u202Elive', status: 'draft', revision: String(await revision()) },
			{ cookie: cookie.author }
		);
		expect(r.status).toBe(400);
		expect(await r.text()).toContain('contains U+202E RIGHT-TO-LEFT OVERRIDE');
		expect(await snapshot()).toBe(before);
	});

	it('filters the missing strings of a language after a text is removed, and completeness drops', async () => {
		const r = await formPost(
			`${server.url}${BASE}?/edit`,
			{ key: TITLE_KEY, locale: 'es', text: '', status: 'draft', revision: String(await revision()) },
			{ cookie: cookie.author }
		);
		expect(r.status).toBe(200);
		const html = await (await get(`${server.url}${BASE}?lang=es&status=missing`, cookie.author)).text();
		expect(html).toMatch(/<li data-locale="es">[\s\S]*?190\/191/);
		expect(html).toContain('1 of 191 strings shown');
		expect(html).toContain(`data-key="${TITLE_KEY}" data-status="missing"`);
	});
});

describe('XLIFF import and export', () => {
	it('an untouched export imports as a no-op', async () => {
		const before = await snapshot();
		const r = await upload('fr', 'xliff', await exportXliff('fr'));
		expect(r.status).toBe(200);
		expect(r.html).toContain('0 translation(s) imported');
		expect(await snapshot()).toBe(before);
	});

	it('round trip: the edited texts are applied exactly, nothing else changes', async () => {
		const xml = await exportXliff('ar');
		const jsonBefore = JSON.parse(await draftJson());
		const edited = xml.replace(
			/(<unit id="q:respondent_category\.title">[\s\S]*?<segment state=")translated("[\s\S]*?<target>)[^<]*(<\/target>)/,
			'$1reviewed$2ما فئة الكيان الذي تمثلونه؟ (مراجعة)$3'
		);
		expect(edited).not.toBe(xml);
		const r = await upload('ar', 'xliff', edited);
		expect(r.html).toContain('1 translation(s) imported');
		const jsonAfter = JSON.parse(await draftJson());
		const titleOf = (j: { pages: { elements: { title: Record<string, string> }[] }[] }) => j.pages[0]!.elements[0]!.title;
		expect(titleOf(jsonAfter).ar).toBe('ما فئة الكيان الذي تمثلونه؟ (مراجعة)');
		titleOf(jsonBefore).ar = 'ما فئة الكيان الذي تمثلونه؟ (مراجعة)';
		expect(jsonAfter).toEqual(jsonBefore);
		const page = await (await get(`${server.url}${BASE}?lang=ar&status=reviewed`, cookie.author)).text();
		expect(page).toContain(`data-key="${TITLE_KEY}" data-status="reviewed"`);
	});

	it('XLIFF 1.2 export and import round trip too', async () => {
		const xml = new TextDecoder().decode(await exportFile('ru', 'xliff12'));
		expect(xml).toContain('version="1.2"');
		expect((await upload('ru', 'xliff', xml)).html).toContain('0 translation(s) imported');
		const edited = xml.replace(
			/(<trans-unit id="q:interaction_frequency\.title">[\s\S]*?<target state=")translated(">)[^<]*/,
			'$1signed-off$2Как часто вы взаимодействуете с МСЭ?'
		);
		expect(edited).not.toBe(xml);
		expect((await upload('ru', 'xliff', edited)).html).toContain('1 translation(s) imported');
		expect(await (await get(`${server.url}${BASE}?lang=ru&status=reviewed&q=interaction_frequency.title`, cookie.author)).text()).toContain(
			'Как часто вы взаимодействуете с МСЭ?'
		);
	});

	const refusals: [string, (xml: string) => string, string, RegExp][] = [
		['unknown id', (x) => x.replace('id="q:respondent_category.title"', 'id="q:nonexistent.title"'), 'fr', /line \d+ · q:nonexistent.title: unknown id/],
		['missing id', (x) => x.replace(/<unit id="q:respondent_category\.title">[\s\S]*?<\/unit>/, ''), 'fr', /q:respondent_category.title: missing id/],
		['duplicate id', (x) => x.replace('id="q:sectors_involved.title"', 'id="q:respondent_category.title"'), 'fr', /duplicate id/],
		['wrong language', (x) => x, 'es', /the file is for language &quot;fr&quot;, not &quot;es&quot;|the file is for language "fr", not "es"/],
		[
			'stale source',
			(x) => x.replace(/(<unit id="q:respondent_category\.title">[\s\S]*?<source>)[^<]*/, '$1An older wording'),
			'fr',
			/q:respondent_category.title: the English source differs/
		],
		['malformed XML', (x) => x.replace('</segment>', '</segmnt>'), 'fr', /line \d+, column \d+: malformed XML/],
		[
			'bidi isolate in a target',
			(x) => x.replace(/(<unit id="q:respondent_category\.title">[\s\S]*?<target>)/, '$1\u2067'),
			'fr',
			/q:respondent_category.title: the translation contains U\+2067 RIGHT-TO-LEFT ISOLATE/
		]
	];
	it.each(refusals)('refuses a file with a %s, leaving the draft byte-identical', async (_name, damage, locale, report) => {
		const xml = (await exportXliff('fr')).replace(/(<unit id="q:offices_dealt_with\.title">[\s\S]*?<target>)[^<]*/, '$1Texte qui ne doit pas arriver');
		const before = await snapshot();
		const r = await upload(locale, 'xliff', damage(xml));
		expect(r.status).toBe(422);
		expect(r.html).toContain('Nothing was imported');
		expect(r.html).toMatch(report);
		expect(await snapshot()).toBe(before);
	});
});

describe('a changed English source', () => {
	const KEY = 'q:sectors_involved.title';
	it('marks every translation "needs review", survives an untouched XLIFF round trip, and is cleared by bulk review', async () => {
		// What the questionnaire editor does: new English text in the draft JSON, revision bumped.
		await withDb(async (db) => {
			const d = await db.selectFrom('questionnaire_draft').selectAll().where('slug', '=', SLUG).executeTakeFirstOrThrow();
			const json = JSON.parse(d.definition_json);
			json.pages[0].elements.find((e: { name: string }) => e.name === 'sectors_involved').title.default = 'Which ITU Sectors has your entity worked with?';
			await db
				.updateTable('questionnaire_draft')
				.set({ definition_json: JSON.stringify(json), revision: d.revision + 1 })
				.where('id', '=', d.id)
				.execute();
		});
		for (const lang of ['ar', 'zh', 'fr', 'ru', 'es']) {
			const html = await (await get(`${server.url}${BASE}?lang=${lang}&status=needs_review`, cookie.author)).text();
			expect(html, lang).toContain('1 of 191 strings shown');
			expect(html, lang).toContain(`data-key="${KEY}" data-status="needs_review"`);
		}
		const xml = await exportXliff('fr');
		expect(xml).toMatch(/<unit id="q:sectors_involved\.title">[\s\S]*?subState="rps:needs_review"/);
		const before = await snapshot();
		expect((await upload('fr', 'xliff', xml)).html).toContain('0 translation(s) imported');
		expect(await snapshot()).toBe(before);
		const review = await formPost(`${server.url}${BASE}?/review`, { locale: 'fr', revision: String(await revision()), key: KEY }, { cookie: cookie.author });
		expect(review.status).toBe(200);
		expect(await review.text()).toContain('1 string(s) marked reviewed');
		const fr = await (await get(`${server.url}${BASE}?lang=fr`, cookie.author)).text();
		expect(fr).toContain(`data-key="${KEY}" data-status="reviewed"`);
		expect(fr).toMatch(/<li data-locale="fr">[\s\S]*?191\/191/);
		expect(fr).toMatch(/<li data-locale="ar">[\s\S]*?190\/191[\s\S]*?1 need review/);
	});
});

describe('XLSX import and export', () => {
	it('round trip: an edited target is applied, an untouched file is a no-op', async () => {
		const file = await exportFile('zh', 'xlsx');
		const before = await snapshot();
		expect((await upload('zh', 'xlsx', file)).html).toContain('0 translation(s) imported');
		expect(await snapshot()).toBe(before);
		const edited = await editWorkbook(file, (ws) => {
			ws.eachRow((row) => {
				if (row.getCell(1).value === 'q:interaction_frequency.title') {
					row.getCell(4).value = '=您多久与国际电联联系一次？';
					row.getCell(5).value = 'reviewed';
				}
			});
		});
		const r = await upload('zh', 'xlsx', edited);
		expect(r.html).toContain('1 translation(s) imported');
		const json = JSON.parse(await draftJson());
		const q = json.pages[0].elements.find((e: { name: string }) => e.name === 'interaction_frequency');
		expect(q.title['zh-cn']).toBe('=您多久与国际电联联系一次？');
	});

	const refusals: [string, (ws: ExcelJS.Worksheet) => void, RegExp][] = [
		['missing row', (ws) => ws.spliceRows(5, 1), /missing id/],
		['extra row', (ws) => ws.addRow(['q:invented.title', 'x', 'Invented', 'Inventé', 'draft']), /row 19[0-9] · q:invented.title: unknown id/],
		['wrong language header', (ws) => (ws.getCell(1, 2).value = 'ar'), /the file is for language &quot;ar&quot;|the file is for language "ar"/],
		['formula cell', (ws) => (ws.getCell(4, 4).value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue), /row 4: a cell holds a formula/]
	];
	it.each(refusals)('refuses a workbook with a %s, leaving the draft byte-identical', async (_name, damage, report) => {
		const file = await editWorkbook(await exportFile('fr', 'xlsx'), (ws) => {
			ws.getCell(3, 4).value = 'Ne doit pas arriver';
			damage(ws);
		});
		const before = await snapshot();
		const r = await upload('fr', 'xlsx', file);
		expect(r.status).toBe(422);
		expect(r.html).toMatch(report);
		expect(await snapshot()).toBe(before);
	});

	it('refuses a file that is not an XLSX', async () => {
		const before = await snapshot();
		const r = await upload('fr', 'xlsx', new TextEncoder().encode('key,context\nsurvey.title,x\n'));
		expect(r.status).toBe(422);
		expect(r.html).toContain('not an XLSX file');
		expect(await snapshot()).toBe(before);
	});
});

describe('launch gate', () => {
	const gated = 'gate-test';
	beforeAll(async () => {
		// A published version with no Arabic text for one question, pinned by a draft edition.
		const json = JSON.parse(readFileSync('surveys/regional-presence-2026.json', 'utf8'));
		delete json.pages[0].elements[0].title.ar;
		const dir = mkdtempSync(join(tmpdir(), 'rps-gate-'));
		const file = join(dir, 'gate-questionnaire.json');
		writeFileSync(file, JSON.stringify(json));
		await withDb(async (db) => {
			await createEdition(db, { questionnaireFile: file, slug: gated, open: false }, 'test');
			await createEdition(db, { questionnaireFile: file, slug: 'gate-cli', open: false }, 'test');
		});
	});
	const cli = (args: string[]) =>
		new Promise<{ code: number; out: string }>((resolve) =>
			execFile(
				process.execPath,
				['src/cli/main.ts', 'edition:state', '--edition', 'gate-cli', '--to', 'open', ...args],
				{ env: { ...process.env, DATABASE_URL: server.dbPath, DEMO: '0' } },
				(error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, out: stdout + stderr })
			)
		);
	const openAs = (role: keyof typeof cookie, extra: Record<string, string> = {}) =>
		formPost(`${server.url}/admin/editions/${gated}/settings?/state`, { to: 'open', ...extra }, { cookie: cookie[role] });
	const editionRow = () =>
		withDb((db) => db.selectFrom('edition').select(['state', 'translation_gate_overridden_by']).where('slug', '=', gated).executeTakeFirstOrThrow());

	it('says on the edition page whether the translations are complete', async () => {
		expect(await (await get(`${server.url}/admin/editions/${gated}`, cookie.admin)).text()).toMatch(
			/id="translation-gate">Translations incomplete[^<]*العربية \(ar\): 1 missing/
		);
		expect(await (await get(`${server.url}/admin/editions/rp-2026`, cookie.admin)).text()).toContain(
			'id="translation-gate">Translations: complete in all six languages.'
		);
	});

	it('refuses to open an edition whose translations are incomplete, saying what is missing', async () => {
		const r = await openAs('admin');
		expect(r.status).toBe(409);
		expect(await r.text()).toContain('العربية (ar): 1 missing');
		expect((await editionRow()).state).toBe('draft');
	});

	it('refuses the override to a non-administrator and without a reason', async () => {
		const refused = await openAs('coordinator', { override_translations: 'on', reason: 'urgent' });
		expect(refused.status).toBe(403);
		expect(await refused.text()).toContain('only an administrator may open');
		expect((await openAs('admin', { override_translations: 'on', reason: ' ' })).status).toBe(400);
		expect((await editionRow()).state).toBe('draft');
	});

	it('opens on an administrator override, recorded on the edition and in the audit log', async () => {
		const r = await openAs('admin', { override_translations: 'on', reason: 'Arabic title comes with the first reminder' });
		expect(r.status).toBe(200);
		expect(await editionRow()).toEqual({ state: 'open', translation_gate_overridden_by: 'admin@tr.example.org' });
		const audit = await withDb((db) =>
			db.selectFrom('audit_log').select(['actor', 'details_json']).where('action', '=', 'edition.translation_gate_override').execute()
		);
		expect(audit).toHaveLength(1);
		expect(audit[0]!.actor).toBe('admin@tr.example.org');
		expect(JSON.parse(audit[0]!.details_json!)).toEqual({
			reason: 'Arabic title comes with the first reminder',
			gaps: [{ locale: 'ar', missing: 1, needsReview: 0, machine: 0 }]
		});
	});

	it('lets the complete 2026 questionnaire close and reopen without an override', async () => {
		expect((await formPost(`${server.url}/admin/editions/rp-2026/settings?/state`, { to: 'closed' }, { cookie: cookie.admin })).status).toBe(200);
		expect((await formPost(`${server.url}/admin/editions/rp-2026/settings?/state`, { to: 'open' }, { cookie: cookie.admin })).status).toBe(200);
	});

	it('the CLI refuses, then opens with --override-translations and a reason, audited as cli', async () => {
		const refused = await cli([]);
		expect(refused.code).not.toBe(0);
		expect(refused.out).toContain('translations are incomplete');
		expect((await cli(['--override-translations'])).out).toContain('give the reason');
		const ok = await cli(['--override-translations', '--reason', 'pilot in English and French only']);
		expect(ok.out).toContain('translation gate overridden');
		const audit = await withDb((db) =>
			db.selectFrom('audit_log').select('actor').where('action', '=', 'edition.translation_gate_override').where('actor', '=', 'cli').execute()
		);
		expect(audit).toHaveLength(1);
	});
});
