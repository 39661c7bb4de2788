import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newLink } from '../helpers/server.ts';
import { fixtureSite, storedAnswers } from '../helpers/fixture-site.ts';
import { submitAndWait } from '../helpers/answer.ts';
import { axeViolations } from '../helpers/axe.ts';
import { seedUsers, signInCookie } from '../helpers/access-http.ts';

/**
 * Issue 18, item 3: the file question, in Chromium without and with JavaScript. A PNG is
 * stored (by reference, listed by name and size, kept by a later post, removable); an
 * .exe renamed .png and an over-size file are refused with a message while the page's
 * other answers are saved; only an analyst downloads the bytes, as an attachment that no
 * browser renders as HTML.
 */
const FIXTURE = 'tests/fixtures/surveyjs-file.json';
const site = fixtureSite(FIXTURE, 'files');
const PASSWORD = 'correct horse battery staple 42';

/** A real 24×24 PNG (the one tests/fixtures/surveyjs-media.json shows). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAABgAAAAYCAIAAABvFaqvAAAAH0lEQVR4nGPQcDtBFcQwatCoQaMGjRo0atCoQQNvEADsl7mfEAFgAwAAAABJRU5ErkJggg==', 'base64');
/** A Windows executable's first bytes, named like a picture. */
const EXE = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000b800000000000000400000000000000000', 'hex'), Buffer.alloc(200)]);
/** A PNG signature followed by more than the question's maxSize (4000 bytes). */
const LARGE = Buffer.concat([PNG, Buffer.alloc(5000)]);
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script><p>hello</p></body></html>\n');

const input = (page: Page, field: string) => page.locator(`input[type="file"][name="${field}::upload"]`);
const main = (page: Page) => page.locator('main').innerText();

async function open(page: Page, entity: string, lang = 'en'): Promise<void> {
	await page.goto(await newLink(site.server, entity, 'files'));
	await submitAndWait(page, page.locator(`button[value="lang:${lang}"]`));
}

interface Stored {
	name: string;
	type: string;
	content: string;
	size: number;
}

const fileOf = (entity: string, question: string) => (storedAnswers(site.server, 'files', entity)[question] as Stored[] | undefined) ?? [];

async function uploadAndCheck(page: Page, entity: string): Promise<void> {
	await page.getByRole('textbox', { name: 'Your organisation' }).fill('Ministry of Digital Affairs');
	// An executable renamed .png: refused by its content, the organisation still saved.
	await input(page, 'report').setInputFiles({ name: 'report.png', mimeType: 'image/png', buffer: EXE });
	await submitAndWait(page, page.getByRole('button', { name: 'Next' }));
	expect(await main(page)).toContain('“report.png” is not a file of an accepted type (image/png,.pdf)');
	await expect(page.getByRole('textbox', { name: 'Your organisation' }).inputValue()).resolves.toBe('Ministry of Digital Affairs');
	expect(storedAnswers(site.server, 'files', entity).organisation).toBe('Ministry of Digital Affairs');
	expect(fileOf(entity, 'report')).toEqual([]);
	// Too large for the question's maxSize.
	await input(page, 'report').setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: LARGE });
	await submitAndWait(page, page.getByRole('button', { name: 'Next' }));
	expect(await main(page)).toContain('“big.png” is larger than 3.9 KB');
	// A real PNG and an HTML annex are stored and listed by name and size.
	await input(page, 'report').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
	await input(page, 'annexes').setInputFiles({ name: 'page.html', mimeType: 'text/html', buffer: HTML });
	await submitAndWait(page, page.locator('.actions button[value="save"]'));
	const [report] = fileOf(entity, 'report');
	expect(report).toMatchObject({ name: 'logo.png', type: 'image/png', size: PNG.byteLength });
	expect(report!.content).toMatch(/^rps-file:/);
	expect(fileOf(entity, 'annexes')).toMatchObject([{ name: 'page.html', type: 'text/plain', size: HTML.byteLength }]);
	expect(await main(page)).toContain(`logo.png (${PNG.byteLength} B)`);
	await expect(page.getByRole('checkbox', { name: 'Remove logo.png' }).count()).resolves.toBe(1);
	// A post without a new file keeps them.
	await submitAndWait(page, page.getByRole('button', { name: 'Next' }));
	expect(await main(page)).toContain('Remarks');
	expect(fileOf(entity, 'report')).toEqual([report]);
	expect(fileOf(entity, 'annexes')).toHaveLength(1);
}

let cookies: Record<string, string>;

beforeAll(async () => {
	const users = [
		{ email: 'analyst@files.example.org', role: 'analyst' },
		{ email: 'coord@files.example.org', role: 'coordinator' },
		{ email: 'afr@files.example.org', role: 'regional_office', regionCode: 'AFR' },
		{ email: 'council@files.example.org', role: 'council' }
	];
	await seedUsers(site.server.dbPath, users, PASSWORD);
	cookies = Object.fromEntries(await Promise.all(users.map(async (u) => [u.role, await signInCookie(site.server.url, u.email, PASSWORD)] as const)));
});

describe('file upload', () => {
	it('stores, refuses and keeps files without JavaScript; only an analyst downloads them, never as HTML', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await open(page, 'MS-SEN');
		await expect(page.locator('form#answers').getAttribute('enctype')).resolves.toBe('multipart/form-data');
		await uploadAndCheck(page, 'MS-SEN');

		const [report] = fileOf('MS-SEN', 'report');
		const [annex] = fileOf('MS-SEN', 'annexes');
		const url = (s: Stored) => `${site.server.url}/admin/results/files/export/files/${s.content.slice('rps-file:'.length)}`;
		const fetchAs = (s: Stored, cookie?: string) => fetch(url(s), { headers: cookie ? { cookie } : {}, redirect: 'manual' });
		let res = await fetchAs(report!, cookies.analyst);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('image/png');
		expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="logo.png"/);
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('content-security-policy')).toBe('sandbox');
		expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
		res = await fetchAs(annex!, cookies.analyst);
		expect(res.headers.get('content-type')).toBe('application/octet-stream');
		expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
		expect(Buffer.from(await res.arrayBuffer()).equals(HTML)).toBe(true);
		// Nobody else gets the bytes: the respondent (no session), a coordinator, a regional office, the Council.
		for (const who of [undefined, cookies.coordinator, cookies.regional_office, cookies.council]) {
			res = await fetchAs(report!, who);
			expect([303, 403, 404]).toContain(res.status);
			expect(Buffer.from(await res.arrayBuffer()).includes(PNG.subarray(0, 16))).toBe(false);
		}
		// Another edition's URL does not reach it.
		res = await fetch(url(report!).replace('/files/export/', '/rp-2026/export/'), { headers: { cookie: cookies.analyst! }, redirect: 'manual' });
		expect(res.status).toBe(404);

		// Removing the file deletes its row.
		await submitAndWait(page, page.getByRole('button', { name: 'Previous' }));
		await page.getByRole('checkbox', { name: 'Remove logo.png' }).check();
		await submitAndWait(page, page.locator('.actions button[value="save"]'));
		expect(fileOf('MS-SEN', 'report')).toEqual([]);
		expect((await fetchAs(report!, cookies.analyst)).status).toBe(404);
		await context.close();
	});

	it('works the same with JavaScript (autosave leaves files to the page post)', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: true });
		const page = await context.newPage();
		await open(page, 'MS-FRA');
		await uploadAndCheck(page, 'MS-FRA');
		await context.close();
	});

	for (const [lang, entity] of [
		['en', 'MS-KEN'],
		['ar', 'MS-EGY']
	] as const) {
		it(`has no axe violations in ${lang === 'en' ? 'English' : 'Arabic'}, with a stored file and a refusal`, async () => {
			const context = await site.browser.newContext({ javaScriptEnabled: true, bypassCSP: true });
			const page = await context.newPage();
			await open(page, entity, lang);
			await expect(page.locator('html').getAttribute('dir')).resolves.toBe(lang === 'ar' ? 'rtl' : 'ltr');
			await input(page, 'annexes').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
			await input(page, 'report').setInputFiles({ name: 'tool.png', mimeType: 'image/png', buffer: EXE });
			await submitAndWait(page, page.locator('.actions button[value="save"]'));
			await expect(page.locator('.stored-files li').count()).resolves.toBe(1);
			await expect(page.locator('#error-summary').count()).resolves.toBe(1);
			expect(await axeViolations(page)).toEqual([]);
			await page.screenshot({ path: `test-results/surveyjs-file-${lang}.png`, fullPage: true });
			await context.close();
		});
	}
});
