import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signInInBrowser } from '../helpers/browser.ts';
import { axeViolations as violations } from '../helpers/axe.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { seedUsers } from '../helpers/access-http.ts';
import { startDraftAs } from '../helpers/drafts.ts';

/** An author translates in Chromium: empties an Arabic cell, finds it with "missing in Arabic", fills it in. */
const PASSWORD = 'workbench password 2026';
const KEY = 'q:interaction_frequency.title';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	server = await startServer();
	await seedUsers(server.dbPath, [{ email: 'author@wb.example.org', role: 'author' }], PASSWORD);
	await startDraftAs(server.dbPath, 'author@wb.example.org', 'regional-presence-2026');
	browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

const arabicCount = (page: Page) => page.textContent('#completeness li[data-locale="ar"] [data-count="complete"]');

describe('translation workbench in the browser', () => {
	it('edits an Arabic cell, filters "missing in Arabic", and completeness follows', async () => {
		const context = await browser.newContext({ bypassCSP: true });
		const page = await context.newPage();
		await signInInBrowser(page, server.url, 'author@wb.example.org', PASSWORD);

		await page.goto(`${server.url}/admin/questionnaires/regional-presence-2026/translations?lang=ar`);
		expect(await arabicCount(page)).toBe('191/191');
		const cell = page.getByLabel(`العربية translation of ${KEY}`, { exact: true });
		expect(await cell.getAttribute('dir')).toBe('rtl');
		expect(await cell.getAttribute('lang')).toBe('ar');
		await cell.fill('');
		await Promise.all([page.waitForLoadState('load'), page.locator(`tr[data-key="${KEY}"] button[type="submit"]:not(.save-next)`).click()]);
		await page.waitForSelector('#action-result');
		expect(await arabicCount(page)).toBe('190/191');

		await page.selectOption('#filter select[name="lang"]', 'ar');
		await page.selectOption('#filter select[name="status"]', 'missing');
		await Promise.all([page.waitForURL(/status=missing/), page.click('#filter button[type="submit"]')]);
		expect(await page.locator('#strings tbody tr[data-key]').count()).toBe(1);
		expect(await page.getAttribute('#strings tbody tr[data-key]', 'data-key')).toBe(KEY);
		expect(await violations(page)).toEqual([]);

		await page.getByLabel(`العربية translation of ${KEY}`, { exact: true }).fill('كم مرة تتعاملون مع الاتحاد؟');
		await page.getByLabel(`Status of the العربية translation of ${KEY}`, { exact: true }).selectOption('reviewed');
		await Promise.all([page.waitForLoadState('load'), page.locator(`tr[data-key="${KEY}"] button[type="submit"]:not(.save-next)`).click()]);
		await page.waitForSelector('#action-result');
		expect(await arabicCount(page)).toBe('191/191');
		await page.goto(`${server.url}/admin/questionnaires/regional-presence-2026/translations?lang=ar&status=reviewed`);
		expect(await page.inputValue(`tr[data-key="${KEY}"] textarea`)).toBe('كم مرة تتعاملون مع الاتحاد؟');
		await context.close();
	}, 60_000);
});
