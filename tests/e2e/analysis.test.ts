import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { createDb } from '../../src/lib/server/db/create-db.ts';
import { insertSyntheticResponses } from '../../src/lib/server/analysis/demo.ts';
import { createUser } from '../../src/lib/server/access/user-service.ts';

/** An analyst, in Chromium with JavaScript off as everywhere: results, a breakdown, a French report. */
let server: RunningServer;
let browser: Browser;
const PASSWORD = 'correct horse battery staple';

beforeAll(async () => {
	server = await startServer({ ADMIN_PASSWORD: PASSWORD });
	const db = createDb(server.dbPath);
	await insertSyntheticResponses(db, 'rp-2026', 1000, 21);
	await createUser(db, { email: 'analyste@example.org', role: 'analyst', password: PASSWORD }, 'test');
	await db.updateTable('app_user').set({ language: 'fr' }).where('email', '=', 'analyste@example.org').execute();
	await db.destroy();
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

describe('the results page in a browser', () => {
	it('lets a French-speaking analyst break results down by region and download the French report', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
		const page = await context.newPage();
		await page.goto(`${server.url}/login`);
		await page.locator('#email').fill('analyste@example.org');
		await page.locator('#password').fill(PASSWORD);
		await page.locator('button[type=submit]').click();
		await page.waitForURL(/\/admin$/);
		await page.goto(`${server.url}/admin/results/rp-2026`);
		await expect(page.locator('h1').innerText()).resolves.toMatch(/^Résultats/);
		await expect(page.locator('#sections caption').innerText()).resolves.toBe('Indices par partie');
		await expect(page.locator('img[src$="chart.png"]').evaluate((img: HTMLImageElement) => img.naturalWidth)).resolves.toBe(900);
		await page.locator('select[name=by]').selectOption('region');
		await page.locator('form[method=GET] button').click();
		await page.waitForURL(/by=region/);
		await expect(page.locator('#breakdown-table thead th').count()).resolves.toBeGreaterThanOrEqual(6);
		await expect(page.locator('#breakdown-table').innerText()).resolves.toContain('Afrique');
		await page.screenshot({ path: 'test-results/analysis-results-fr.png', fullPage: false });
		// The report is drawn from a results release: release first, as the page offers.
		await page.locator('form[action="?/release"] button').click();
		await expect(page.locator('[role=status]').innerText()).resolves.toContain('n° 1');
		await page.locator('select[name=locale]').selectOption('fr');
		await page.locator('form[action^="?/report"] button').click();
		await expect(page.locator('[role=status]').innerText()).resolves.toContain('1 rapport');
		const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#report-list a').first().click()]);
		expect(download.suggestedFilename()).toMatch(/^council-report-rp-2026-fr-.*\.docx$/);
		await context.close();
	});
});
