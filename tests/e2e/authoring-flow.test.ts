import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signInInBrowser } from '../helpers/browser.ts';
import { axeViolations as violations } from '../helpers/axe.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';

/**
 * The "done when", in Chromium, through the forms alone: copy the 2026
 * questionnaire into a new draft, add a question shown on a condition, translate it
 * through an XLIFF round trip, preview it in Arabic (right to left, the condition
 * working), publish it, create an edition with it, and open that edition once the
 * launch gate finds all six languages complete (and not before).
 * axe-core checks the library and the editor.
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

function row<T>(sql: string): T | undefined {
	const db = new Database(server.dbPath, { readonly: true });
	try {
		return db.prepare(sql).get() as T | undefined;
	} finally {
		db.close();
	}
}

/**
 * Exports one language's XLIFF from the workbench (a real download), fills every
 * empty target with "[xx] <English>", and imports the file through the upload form.
 */
async function translateThroughXliff(page: Page, locale: string): Promise<void> {
	await page.goto(`${server.url}/admin/questionnaires/rp-2030/translations?lang=${locale}`);
	const [download] = await Promise.all([page.waitForEvent('download'), page.click(`a[href="translations/export?lang=${locale}&format=xliff"]`)]);
	const xml = readFileSync((await download.path())!, 'utf8');
	const filled = xml.replace(/<source>([^<]*)<\/source>(?!\s*<target>)/g, `<source>$1</source><target>[${locale}] $1</target>`);
	expect(filled).not.toBe(xml);
	await page.setInputFiles('#import input[type=file]', { name: `rp-2030-${locale}.xlf`, mimeType: 'application/xliff+xml', buffer: Buffer.from(filled) });
	await page.selectOption('#import select[name=format]', 'xliff');
	await Promise.all([page.waitForLoadState('load'), page.click('#import button[type=submit]')]);
	expect(await page.textContent('#action-result')).toMatch(/[1-9]/);
}

describe('authoring in the browser', () => {
	it('copies, edits, previews in Arabic, publishes and creates an edition', async () => {
		// bypassCSP lets the test inject axe-core; every step below is a plain form post.
		const context = await browser.newContext({ bypassCSP: true });
		const page = await context.newPage();
		await signInInBrowser(page, server.url, 'admin@example.org', server.adminPassword);

		await page.goto(`${server.url}/admin/questionnaires`);
		expect(await violations(page)).toEqual([]);
		await page.selectOption('#dup-source', 'regional-presence-2026@v1');
		await page.fill('#dup-slug', 'rp-2030');
		await page.click('form[action="?/duplicate"] button[type=submit]');
		await page.waitForURL(/\/admin\/questionnaires\/rp-2030\/edit/);

		await page.selectOption('#aq-page', '0');
		await page.selectOption('#aq-type', 'radiogroup');
		await page.fill('#aq-name', 'wants_followup');
		await page.fill('#aq-title', 'Would you like a follow-up call?');
		await page.click('#add-question button[type=submit]');
		await page.waitForURL(/q=wants_followup/);
		await page.selectOption('#aq-type', 'comment');
		await page.fill('#aq-name', 'followup_topic');
		await page.fill('#aq-title', 'What should the call be about?');
		await page.click('#add-question button[type=submit]');
		await page.waitForURL(/q=followup_topic/);
		// The helper lists the question the condition can read, with its values.
		await page.click('#visible-if-help summary');
		expect(await page.textContent('#condition-sources')).toMatch(/\{wants_followup\}.*yes, no/);
		await page.fill('#p-visible-if', "{wants_followup} = 'yes'");
		await page.check('input[name=criteria][value=relevance]');
		await page.click('#properties button[type=submit]');
		await page.waitForSelector('#saved');
		expect(await page.textContent('li[data-question=followup_topic]')).toContain("{wants_followup} = 'yes'");
		expect(await violations(page)).toEqual([]);

		// Move the new question up with the keyboard, then back down.
		await page.focus('li[data-question=followup_topic] button[value=up]');
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		const order = () => page.$$eval('ol.questions li[data-question]', (els) => els.map((e) => e.getAttribute('data-question')));
		expect((await order()).slice(3, 6)).toEqual(['interaction_frequency', 'followup_topic', 'wants_followup']);
		await page.focus('li[data-question=followup_topic] button[value=down]');
		await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
		expect((await order()).slice(3, 6)).toEqual(['interaction_frequency', 'wants_followup', 'followup_topic']);

		// Translate the new texts into Arabic through an XLIFF round trip, as a translator would.
		await translateThroughXliff(page, 'ar');

		await page.goto(`${server.url}/admin/questionnaires/rp-2030/preview?lang=ar`);
		expect(await violations(page)).toEqual([]);
		expect(await page.getAttribute('html', 'dir')).toBe('rtl');
		expect(await page.getAttribute('#preview', 'dir')).toBe('rtl');
		expect(await page.textContent('#questions')).not.toContain('About your entity');
		expect(await page.isVisible('#q-wants_followup')).toBe(true);
		expect(await page.textContent('#q-wants_followup')).toContain('[ar] Would you like a follow-up call?');
		expect(await page.isVisible('#q-followup_topic')).toBe(false);
		await page.check('#q-wants_followup input[value=yes]');
		await Promise.all([page.waitForNavigation(), page.click('button[name=_action][value=save]')]);
		expect(await page.isVisible('#q-followup_topic')).toBe(true);
		await page.check('#q-wants_followup input[value=no]');
		await Promise.all([page.waitForNavigation(), page.click('button[name=_action][value=save]')]);
		expect(await page.isVisible('#q-followup_topic')).toBe(false);

		await page.goto(`${server.url}/admin/questionnaires/rp-2030`);
		expect(await violations(page)).toEqual([]);
		await page.click('#publish');
		await page.waitForSelector('#published');
		const v1 = row<{ id: string; definition_json: string }>("select id, definition_json from questionnaire where slug = 'rp-2030' and version = 1")!;
		expect(v1.definition_json).toContain("{wants_followup} = 'yes'");

		await page.selectOption('#ed-version', 'v1');
		await page.fill('#ed-slug', 'rp-2030-survey');
		await page.fill('#ed-title', 'Regional presence survey 2030');
		await page.click('form[action="?/createEdition"] button[type=submit]');
		await page.waitForSelector('#edition-created');
		expect(row("select state, questionnaire_id from edition where slug = 'rp-2030-survey'")).toEqual({ state: 'draft', questionnaire_id: v1.id });

		// Opening is refused while four languages lack the new texts (the launch gate)...
		await page.goto(`${server.url}/admin/editions/rp-2030-survey`);
		expect(await page.textContent('#translation-gate')).toMatch(/fr|French|français/i);
		// State changes are on the edition's Settings tab (issue 14 item 3).
		await Promise.all([page.waitForURL(/\/settings$/), page.click('a[href="/admin/editions/rp-2030-survey/settings"]')]);
		await Promise.all([page.waitForLoadState('load'), page.click('button[data-to=open]')]);
		expect(await page.textContent('#action-problem')).toBeTruthy();
		expect(row<{ state: string }>("select state from edition where slug = 'rp-2030-survey'")!.state).toBe('draft');
		// ...so the other four languages go through XLIFF too, v2 is published and pinned, and the edition opens.
		for (const locale of ['fr', 'es', 'ru', 'zh']) await translateThroughXliff(page, locale);
		await page.goto(`${server.url}/admin/questionnaires/rp-2030`);
		await page.click('#publish');
		await page.waitForSelector('#published');
		await page.selectOption('#ed-version', 'v2');
		await page.fill('#ed-slug', 'rp-2030-final');
		await page.fill('#ed-title', 'Regional presence survey 2030');
		await page.click('form[action="?/createEdition"] button[type=submit]');
		await page.waitForSelector('#edition-created');
		await page.goto(`${server.url}/admin/editions/rp-2030-final/settings`);
		await Promise.all([page.waitForLoadState('load'), page.click('button[data-to=open]')]);
		expect(await page.textContent('#action-result')).toBeTruthy();
		expect(row<{ state: string }>("select state from edition where slug = 'rp-2030-final'")!.state).toBe('open');
		await page.goto(`${server.url}/admin/questionnaires/rp-2030?from=v1&to=draft`);
		expect(await page.textContent('main')).toContain('rp-2030 v1 → rp-2030 draft');
		expect(await violations(page)).toEqual([]);
		await context.close();
	}, 240_000); // one long walk: ~90 s on an idle machine, near 120 s in a loaded CI run
});
