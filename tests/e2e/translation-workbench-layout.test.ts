import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser, signInInBrowser } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { seedUsers } from '../helpers/access-http.ts';
import { startDraftAs } from '../helpers/drafts.ts';
import { createDb } from '../../src/lib/server/db/create-db.ts';
import { duplicateToDraft } from '../../src/lib/server/authoring/library.ts';

/**
 * The translation workbench as a translator uses it (issue 14 item 6): source and translation
 * side by side at full width, filters in the query string (no JavaScript needed), "save and
 * next" without JavaScript and the keyboard with it, each string's previous version; and the
 * version diff per string and property in a chosen language, across questionnaires.
 */
const PASSWORD = 'workbench layout 2026';
const SLUG = 'regional-presence-2026';
const WB = `/admin/questionnaires/${SLUG}/translations`;
const KEY = 'q:interaction_frequency.title';

let server: RunningServer;
let browser: Browser;

async function signedIn(email: string, options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
	await signInInBrowser(await context.newPage(), server.url, email, PASSWORD);
	return context;
}

beforeAll(async () => {
	server = await startServer();
	await seedUsers(
		server.dbPath,
		[
			{ email: 'author@wl.example.org', role: 'author', language: 'en' },
			{ email: 'author-ar@wl.example.org', role: 'author', language: 'ar' }
		],
		PASSWORD
	);
	await startDraftAs(server.dbPath, 'author@wl.example.org', SLUG);
	const db = createDb(server.dbPath);
	try {
		const user = await db
			.selectFrom('app_user')
			.select(['id', 'email', 'display_name', 'role', 'region_code', 'language'])
			.where('email', '=', 'author@wl.example.org')
			.executeTakeFirstOrThrow();
		await duplicateToDraft(db, user, { fromSlug: SLUG, from: 'v1', slug: 'rp-copy' });
	} finally {
		await db.destroy();
	}
	browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

describe('translation workbench layout and navigation', () => {
	it('gives the translation at least 40% of the table at 1280 px, in English and Arabic', async () => {
		for (const email of ['author@wl.example.org', 'author-ar@wl.example.org']) {
			const context = await signedIn(email);
			const page = context.pages()[0]!;
			await page.goto(`${server.url}${WB}?lang=ar`);
			const geometry = await page.evaluate(() => {
				const table = document.querySelector('#strings')!.getBoundingClientRect();
				const target = document.querySelector('#strings thead th:nth-child(3)')!.getBoundingClientRect();
				const area = document.querySelector('#strings tbody textarea')!.getBoundingClientRect();
				return { table: table.width, target: target.width, area: area.width, viewport: window.innerWidth };
			});
			expect(geometry.target / geometry.table).toBeGreaterThanOrEqual(0.4);
			expect(geometry.area / geometry.table).toBeGreaterThanOrEqual(0.38);
			// The Secretariat's sidebar (issue 14) takes its part of the viewport; the table fills the rest.
			expect(geometry.table).toBeGreaterThanOrEqual(0.7 * geometry.viewport);
			await page.screenshot({ path: `test-results/translation-workbench-${email.startsWith('author-ar') ? 'ar' : 'en'}.png` });
			await context.close();
		}
	});

	it('filters by language, status and text through the query string without JavaScript, and "save and next" moves on', async () => {
		const context = await signedIn('author@wl.example.org', { javaScriptEnabled: false });
		const page = context.pages()[0]!;
		await page.goto(`${server.url}${WB}`);
		await page.selectOption('#filter select[name="lang"]', 'es');
		await page.selectOption('#filter select[name="status"]', 'draft');
		await page.fill('#filter input[name="q"]', 'interaction_frequency');
		await Promise.all([page.waitForURL(/lang=es&status=draft&q=interaction_frequency/), page.click('#filter button[type="submit"]')]);
		const keys = await page.locator('#strings tbody tr[data-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
		expect(keys.length).toBeGreaterThan(1);
		expect(keys.every((k) => k!.startsWith('q:interaction_frequency'))).toBe(true);
		expect(keys[0]).toBe(KEY);

		await page.fill(`tr[data-key="${KEY}"] textarea`, '¿Con qué frecuencia trata con la UIT?');
		await Promise.all([page.waitForLoadState('load'), page.click(`tr[data-key="${KEY}"] button.save-next`)]);
		await page.waitForSelector('#action-result');
		expect(new URL(page.url()).hash).toBe(`#s-${keys[1]}`);
		expect(await page.locator(`tr[id="s-${keys[1]}"]`).evaluate((row) => row.matches(':target'))).toBe(true);
		// The filter survived the post, and the saved text is there.
		expect(page.url()).toContain('q=interaction_frequency');
		expect(await page.inputValue(`tr[data-key="${KEY}"] textarea`)).toBe('¿Con qué frecuencia trata con la UIT?');
		// The previous version (v1, the draft's base) is shown beside the changed translation.
		expect(await page.textContent(`tr[data-key="${KEY}"] [data-previous="text"]`)).toContain(`${SLUG} v1`);
		await context.close();
	});

	it('moves between strings with Alt+Arrow and saves and moves on with Ctrl+Enter (JavaScript)', async () => {
		const context = await signedIn('author@wl.example.org');
		const page = context.pages()[0]!;
		await page.goto(`${server.url}${WB}?lang=fr&q=interaction_frequency`);
		const keys = await page.locator('#strings tbody tr[data-key]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')!));
		expect(keys.length).toBeGreaterThan(2);
		const focusedKey = () => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-key'));
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.waitForSelector('#strings[data-keys-ready]');
		await page.focus(`tr[data-key="${keys[0]}"] textarea`);
		await page.keyboard.press('Alt+ArrowDown');
		expect(await focusedKey()).toBe(keys[1]);
		await page.keyboard.press('Alt+ArrowDown');
		await page.keyboard.press('Alt+ArrowUp');
		expect(await focusedKey()).toBe(keys[1]);
		await page.keyboard.press('Control+A');
		await page.keyboard.type('Texte saisi au clavier');
		await Promise.all([page.waitForURL((u) => u.hash === `#s-${keys[2]}`), page.keyboard.press('Control+Enter')]);
		await page.waitForSelector('#action-result');
		await expect.poll(focusedKey, { timeout: 10_000 }).toBe(keys[2]);
		expect(await page.inputValue(`tr[data-key="${keys[1]}"] textarea`)).toBe('Texte saisi au clavier');
		expect(errors).toEqual([]);
		await context.close();
	});

	it('diffs the draft against the version it was copied from, per property in French, across questionnaires', async () => {
		for (const email of ['author@wl.example.org', 'author-ar@wl.example.org']) {
			const context = await signedIn(email);
			const page = context.pages()[0]!;
			// rp-copy's draft was copied from regional-presence-2026 v1: "base" is another questionnaire's version.
			await page.goto(`${server.url}/admin/questionnaires/rp-copy`);
			expect(await page.inputValue('#diff-from')).toBe('base');
			expect(await page.locator(`#diff-from optgroup[label="${SLUG}"] option`).count()).toBeGreaterThan(0);
			// The Spanish title saved above, old → new, as Spanish text.
			await page.goto(`${server.url}/admin/questionnaires/${SLUG}?from=base&to=draft&lang=es`);
			const row = page.locator('#diff li[data-name="interaction_frequency"] tr[data-property="title"]');
			expect(await row.locator('ins').textContent()).toBe('¿Con qué frecuencia trata con la UIT?');
			const before = await row.locator('del').textContent();
			expect(before).not.toBe('');
			expect(before).not.toContain('{');
			expect(await row.locator('td').first().getAttribute('lang')).toBe('es');
			expect(await page.textContent('#diff-heading')).toContain(`${SLUG} v1`);
			await page.screenshot({ path: `test-results/version-diff-${email.startsWith('author-ar') ? 'ar' : 'en'}.png`, fullPage: true });
			await context.close();
		}
	});
});
