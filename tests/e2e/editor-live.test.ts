import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signInInBrowser } from '../helpers/browser.ts';
import { axeViolations } from '../helpers/axe.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { seedUsers } from '../helpers/access-http.ts';

/**
 * The editor's live parts in Chromium: a broken JSON is reported as one types (with
 * its line) and clears once fixed, the valid unsaved JSON shows in the preview pane,
 * the pane switches to Arabic (right to left), and a panel is added with a question
 * moved into it. axe-core checks the editor with the live parts shown.
 */

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	server = await startServer();
	browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

function revision(): number {
	const db = new Database(server.dbPath, { readonly: true });
	try {
		return (db.prepare("select revision from questionnaire_draft where slug = 'rp-live'").get() as { revision: number }).revision;
	} finally {
		db.close();
	}
}

/**
 * Replaces a field's text in one input event, as a paste does (Playwright's fill types
 * the ~90 KB questionnaire through the input pipeline, which takes Chromium ~30 s).
 */
const paste = (page: Page, selector: string, text: string) =>
	page.$eval(
		selector,
		(el, value) => {
			(el as HTMLTextAreaElement).value = value;
			el.dispatchEvent(new Event('input', { bubbles: true }));
		},
		text
	);

/** The preview frame's document, read from the page (same origin). */
const frameState = (page: Page) =>
	page.evaluate(() => {
		const doc = (document.getElementById('preview-frame') as HTMLIFrameElement | null)?.contentDocument;
		return { dir: doc?.documentElement.dir ?? '', lang: doc?.documentElement.lang ?? '', text: doc?.body?.textContent ?? '' };
	});

describe('the editor with script', () => {
	it('checks the JSON as one types, previews it live in Arabic, and edits panels', async () => {
		const context = await browser.newContext({ bypassCSP: true }); // to inject axe-core
		const page = await context.newPage();
		await signInInBrowser(page, server.url, 'admin@example.org', server.adminPassword);
		await page.goto(`${server.url}/admin/questionnaires`);
		await page.selectOption('#dup-source', 'regional-presence-2026@v1');
		await page.fill('#dup-slug', 'rp-live');
		await page.click('form[action="?/duplicate"] button[type=submit]');
		await page.waitForURL(/\/admin\/questionnaires\/rp-live\/edit/);

		// The preview pane shows the saved draft; Arabic is right to left.
		await page.waitForFunction(() => (document.getElementById('preview-frame') as HTMLIFrameElement).contentDocument?.readyState === 'complete');
		expect((await frameState(page)).lang).toBe('en');
		await page.selectOption('#preview-lang', 'ar');
		await page.waitForFunction(() => (document.getElementById('preview-frame') as HTMLIFrameElement).contentDocument?.documentElement?.dir === 'rtl');
		expect(await frameState(page)).toMatchObject({ dir: 'rtl', lang: 'ar' });

		// A broken JSON is reported with its line, politely, and the Save button says so.
		const saved = await page.inputValue('#json-text');
		await page.fill('#json-text', '{\n  "title": "Broken",\n  "pages": [\n    oops\n  ]\n}');
		await page.waitForFunction(() => /line 4, column 5/.test(document.getElementById('json-live-summary')?.textContent ?? ''));
		expect(await page.getAttribute('#json-live-summary', 'aria-live')).toBe('polite');
		expect(await page.textContent('#json-save')).toMatch(/1 error/);
		await page.click('#json-go-to');
		expect(await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).selectionStart)).toBe(
			'{\n  "title": "Broken",\n  "pages": [\n    '.length
		);
		expect(await axeViolations(page)).toEqual([]);

		// Fixed: the error clears, and the valid unsaved JSON shows in the (Arabic) preview.
		const json = JSON.parse(saved);
		json.pages[0].title = 'Unsaved first page'; // no translation: Arabic falls back to it
		await paste(page, '#json-text', JSON.stringify(json, null, 2));
		await page.waitForFunction(() => /\b0 error/.test(document.getElementById('json-live-summary')?.textContent ?? ''));
		expect(await page.textContent('#json-save')).not.toMatch(/error/);
		await page.waitForFunction(() =>
			/Unsaved first page/.test((document.getElementById('preview-frame') as HTMLIFrameElement).contentDocument?.body?.textContent ?? '')
		);
		expect(await frameState(page)).toMatchObject({ dir: 'rtl', lang: 'ar' });
		// Another language re-posts the unsaved JSON, not the saved draft.
		await page.selectOption('#preview-lang', 'fr');
		await page.waitForFunction(() => (document.getElementById('preview-frame') as HTMLIFrameElement).contentDocument?.documentElement?.lang === 'fr');
		expect(await frameState(page)).toMatchObject({ dir: 'ltr', text: expect.stringContaining('Unsaved first page') });
		await page.selectOption('#preview-lang', 'ar');
		await page.waitForFunction(() => (document.getElementById('preview-frame') as HTMLIFrameElement).contentDocument?.documentElement?.dir === 'rtl');
		expect(revision()).toBe(1); // previewing stored nothing

		// A panel, and a question moved into it with "move to", then back out with ↑.
		await page.fill('#apn-name', 'contact_box');
		await page.fill('#apn-title', 'Contact details');
		await Promise.all([page.waitForURL(/q=contact_box/), page.click('#add-panel button[type=submit]')]);
		expect(await page.inputValue('#pn-title')).toBe('Contact details');
		expect(await axeViolations(page)).toEqual([]); // with the panel form open
		const first = await page.getAttribute('ol.questions li[data-question]:not(.panel)', 'data-question');
		await page.selectOption(`li[data-question=${first}] select[name=target]`, 'panel:contact_box');
		await Promise.all([page.waitForNavigation(), page.click(`li[data-question=${first}] form[action="?/moveTo"] button`)]);
		expect(await page.getAttribute(`li[data-question=${first}]`, 'data-depth')).toBe('1');
		await page.focus(`li[data-question=${first}] button[value=up]`);
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		expect(await page.getAttribute(`li[data-question=${first}]`, 'data-depth')).toBe('0');
		// The pane was refreshed by the save: it shows the saved draft again.
		await page.waitForFunction(() => (document.getElementById('preview-frame') as HTMLIFrameElement).contentDocument?.readyState === 'complete');
		expect((await frameState(page)).text).not.toContain('Unsaved first page');
		// ...in the language chosen before the saves.
		expect(await page.inputValue('#preview-lang')).toBe('ar');
		expect(await frameState(page)).toMatchObject({ dir: 'rtl', lang: 'ar' });
		expect(revision()).toBe(4);
		expect(await axeViolations(page)).toEqual([]);
		await context.close();
	}, 120_000);

	it('keeps what an author typed while the page script was still loading (a slow connection)', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInInBrowser(page, server.url, 'admin@example.org', server.adminPassword);
		// Hold every script module until the fields are filled, as a slow connection does.
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		let scripts = 0;
		await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
			scripts++;
			await held;
			await route.continue();
		});
		await page.goto(`${server.url}/admin/questionnaires/rp-live/edit`, { waitUntil: 'domcontentloaded' });
		await page.selectOption('#aq-type', 'comment');
		await page.fill('#aq-name', 'typed_early');
		await page.fill('#aq-title', 'Typed before the script arrived');
		expect(scripts).toBeGreaterThan(0); // the page was waiting for its script
		release();
		// Svelte 5 wrote value={…} into these fields when it hydrated: without the root layout's
		// restore, both were empty here and the required name blocked the form.
		await page.waitForLoadState('networkidle'); // every module loaded, so the page has hydrated
		expect(await page.inputValue('#aq-name')).toBe('typed_early');
		expect(await page.inputValue('#aq-title')).toBe('Typed before the script arrived');
		expect(await page.inputValue('#aq-type')).toBe('comment');
		await Promise.all([page.waitForURL(/q=typed_early/), page.click('#add-question button[type=submit]')]);
		expect(await page.textContent('li[data-question=typed_early]')).toContain('Typed before the script arrived');
		await context.close();
	}, 60_000);

	it("stays in the author's language once its script has run (Arabic)", async () => {
		await seedUsers(server.dbPath, [{ email: 'author.ar@example.org', role: 'author', language: 'ar' }], server.adminPassword);
		const context = await browser.newContext();
		const page = await context.newPage();
		await signInInBrowser(page, server.url, 'author.ar@example.org', server.adminPassword);
		await page.goto(`${server.url}/admin/questionnaires/rp-live/edit`);
		await page.waitForLoadState('networkidle'); // every module loaded, so the page has hydrated
		// Hydrated with Paraglide's base locale, these were "Editing …" and "Home".
		expect((await page.textContent('main h1'))!.trim()).toMatch(/^تحرير /);
		expect((await page.textContent('nav.ui-breadcrumbs li:first-child'))!.trim()).toBe('الصفحة الرئيسية');
		expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
		await context.close();
	}, 60_000);
});
