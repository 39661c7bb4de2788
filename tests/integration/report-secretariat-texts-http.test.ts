import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { formPost, get, seedUsers, signInCookie } from '../helpers/access-http.ts';
import { createDb } from '../../src/lib/server/db/create-db.ts';
import { loadSecretariatTexts } from '../../src/lib/server/analysis/report-secretariat-texts.ts';
import { SECRETARIAT_TEXT_FIELDS } from '../../src/lib/domain/report/secretariat-texts.ts';

/**
 * The Secretariat's texts of the Council report (issue 15 item 3) over real HTTP: written in
 * English with the cover's date and original language, each save a new version, translated
 * through an XLIFF and an XLSX round trip, completeness per language, and what the report
 * generator reads (loadSecretariatTexts): complete only when every field is written there.
 */
const PASSWORD = 'secretariat texts 2026';
const EDITION = 'rp-2026';
const BASE = `/admin/results/${EDITION}/report-texts`;
let server: RunningServer;
const cookie = { analyst: '', coordinator: '', author: '' };

async function withDb<T>(run: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
	const db = createDb(server.dbPath);
	try {
		return await run(db);
	} finally {
		await db.destroy();
	}
}
const load = (language: string) => withDb((db) => loadSecretariatTexts(db, EDITION, language));
const versions = () => withDb((db) => db.selectFrom('report_secretariat_text').select(['version', 'texts_json']).orderBy('version').execute());
const currentVersion = async () => (await load('en')).version;

const ENGLISH = Object.fromEntries(SECRETARIAT_TEXT_FIELDS.map((f) => [`text.${f}`, `${f}: the English text.`]));

function save(locale: string, fields: Record<string, string>, version: number, as = cookie.analyst) {
	return formPost(`${server.url}${BASE}?/save`, { locale, version: String(version), ...fields }, { cookie: as });
}

async function upload(locale: string, format: 'xliff' | 'xlsx', body: Uint8Array | string): Promise<{ status: number; html: string }> {
	const form = new FormData();
	form.set('locale', locale);
	form.set('format', format);
	form.set('file', new Blob([body as BlobPart]), format === 'xliff' ? 'texts.xlf' : 'texts.xlsx');
	const res = await fetch(`${server.url}${BASE}?/import`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', origin: server.url, cookie: cookie.analyst },
		body: form
	});
	return { status: res.status, html: await res.text() };
}

const page = async (lang: string) => (await get(`${server.url}${BASE}?lang=${lang}`, cookie.analyst)).text();

beforeAll(async () => {
	server = await startServer();
	await seedUsers(
		server.dbPath,
		(['analyst', 'coordinator', 'author'] as const).map((role) => ({ email: `${role}@st.example.org`, role })),
		PASSWORD
	);
	for (const role of Object.keys(cookie) as (keyof typeof cookie)[]) cookie[role] = await signInCookie(server.url, `${role}@st.example.org`, PASSWORD);
}, 60_000);
afterAll(async () => {
	await server?.stop();
});

describe('the Secretariat texts of the Council report', () => {
	it('starts empty: version 0, incomplete everywhere', async () => {
		expect(await load('en')).toEqual({
			texts: Object.fromEntries(SECRETARIAT_TEXT_FIELDS.map((f) => [f, ''])),
			quotations: [],
			complete: false,
			version: 0,
			documentDate: null,
			originalLanguage: null
		});
		const html = await page('en');
		expect(html).toContain('Nothing has been written yet.');
		expect(html).toMatch(/<li data-locale="fr" data-complete="no"[^>]*>[\s\S]*?0\/8/);
	});

	it('is for whoever generates reports: the coordinator and the author are refused (403)', async () => {
		for (const role of ['coordinator', 'author'] as const) {
			expect((await get(`${server.url}${BASE}`, cookie[role])).status).toBe(403);
			expect((await save('en', ENGLISH, 0, cookie[role])).status).toBe(403);
			expect((await get(`${server.url}${BASE}/export?lang=fr&format=xliff`, cookie[role])).status).toBe(403);
		}
		expect((await get(`${server.url}/admin/results/${EDITION}`, cookie.analyst)).status).toBe(200);
		expect(await (await get(`${server.url}/admin/results/${EDITION}`, cookie.analyst)).text()).toContain(`href="${BASE}"`);
	});

	it('saves the English with the date and original language as version 1, then version 2; refuses a stale save', async () => {
		const partial = await save('en', { ...ENGLISH, 'text.recommendations': '' }, 0);
		expect(partial.status).toBe(200);
		expect(await partial.text()).toContain('Saved: version 1.');
		expect(await load('en')).toMatchObject({ complete: false, version: 1 });
		const full = await save('en', { ...ENGLISH, documentDate: '2026-06-15', originalLanguage: 'en' }, 1);
		expect(await full.text()).toContain('Saved: version 2.');
		const en = await load('en');
		expect(en).toMatchObject({ complete: true, version: 2, documentDate: '2026-06-15', originalLanguage: 'en' });
		expect(en.texts.conclusions).toBe('conclusions: the English text.');
		expect(await load('fr')).toMatchObject({ complete: false, version: 2, texts: { conclusions: '' } });
		// Version 1 is kept as it was.
		const rows = await versions();
		expect(rows.map((r) => r.version)).toEqual([1, 2]);
		expect(JSON.parse(rows[0]!.texts_json).recommendations).toBeUndefined();

		const stale = await save('en', { 'text.purpose': 'Overwritten' }, 1);
		expect(stale.status).toBe(409);
		expect((await versions()).length).toBe(2);
		// A save that changes nothing makes no new version.
		expect((await save('en', ENGLISH, 2)).status).toBe(200);
		expect(await currentVersion()).toBe(2);
		expect(await page('en')).toMatch(/<li data-locale="en" data-complete="yes"[^>]*>/);
	});

	it('exports French as XLIFF, imports it translated; French completes when the last field is written', async () => {
		const res = await get(`${server.url}${BASE}/export?lang=fr&format=xliff`, cookie.analyst);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toContain('rp-2026-report-texts-v2-fr.xlf');
		const xliff = await res.text();
		for (const f of SECRETARIAT_TEXT_FIELDS) expect(xliff).toContain(`<unit id="${f}">`);
		// The translator fills in seven of the eight.
		const translated = xliff.replace(/<source>(\w+): the English text\.<\/source>/g, (all, f: string) =>
			f === 'recommendations' ? all : `${all}<target>${f} : le texte français.</target>`
		);
		const imported = await upload('fr', 'xliff', translated);
		expect(imported.status).toBe(200);
		expect(imported.html).toContain('id="action-result"');
		expect(await load('fr')).toMatchObject({ complete: false, version: 3, texts: { conclusions: 'conclusions : le texte français.', recommendations: '' } });
		expect(await page('fr')).toMatch(/<li data-locale="fr" data-complete="no"[^>]*>[\s\S]*?7\/8/);

		const last = await save('fr', { 'text.recommendations': 'recommendations : le texte français.', 'status.recommendations': 'reviewed' }, 3);
		expect(last.status).toBe(200);
		expect(await load('fr')).toMatchObject({ complete: true, version: 4 });
		expect(await page('fr')).toMatch(/<li data-locale="fr" data-complete="yes"[^>]*>[\s\S]*?8\/8/);
	});

	it('refuses a file for another language, changing nothing', async () => {
		const xliff = await (await get(`${server.url}${BASE}/export?lang=ru&format=xliff`, cookie.analyst)).text();
		const before = await versions();
		const wrong = await upload('fr', 'xliff', xliff);
		expect(wrong.status).toBe(422);
		expect(wrong.html).toContain('the file is for language "ru", not "fr"');
		expect(await versions()).toEqual(before);
	});

	it('imports Arabic from the XLSX workbook; a changed English makes French incomplete again', async () => {
		const res = await get(`${server.url}${BASE}/export?lang=ar&format=xlsx`, cookie.analyst);
		expect(res.status).toBe(200);
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
		const ws = wb.getWorksheet('Translations')!;
		for (let r = 3; r <= ws.rowCount; r++) ws.getRow(r).getCell(4).value = `نص الأمانة ${r}`;
		const imported = await upload('ar', 'xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
		expect(imported.status).toBe(200);
		expect(await load('ar')).toMatchObject({ complete: true, texts: { purpose: 'نص الأمانة 5' } });

		const version = await currentVersion();
		expect((await save('en', { 'text.conclusions': 'Revised conclusions.' }, version)).status).toBe(200);
		expect(await load('fr')).toMatchObject({ complete: false });
		expect(await load('en')).toMatchObject({ complete: true, version: version + 1 });
		expect(await page('fr')).toMatch(/<tr data-field="conclusions">[\s\S]*?data-status="needs_review"/);
	});

	it('refuses a malformed date and an unknown edition', async () => {
		const r = await save('en', { documentDate: '15/06/2026' }, await currentVersion());
		expect(r.status).toBe(400);
		expect((await get(`${server.url}/admin/results/no-such-edition/report-texts`, cookie.analyst)).status).toBe(404);
		await expect(withDb((db) => loadSecretariatTexts(db, 'no-such-edition', 'en'))).rejects.toThrow('no edition');
	});
});
