import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { launchBrowser, signInInBrowser } from '../helpers/browser.ts';
import { createDb } from '../../src/lib/server/db/create-db.ts';
import { insertSyntheticResponses } from '../../src/lib/server/analysis/demo.ts';
import { createUser } from '../../src/lib/server/access/user-service.ts';

/**
 * Issue 15 item 5: the results page and the public dashboard show each rating item's
 * five-point distribution (numbers and a diverging bar, mirrored in Arabic), and
 * member category is a breakdown of its own beside region, office and Sector.
 */
let server: RunningServer;
let browser: Browser;
const PASSWORD = 'correct horse battery staple';

beforeAll(async () => {
	server = await startServer({ ADMIN_PASSWORD: PASSWORD });
	const db = createDb(server.dbPath);
	await insertSyntheticResponses(db, 'rp-2026', 300, 15);
	await createUser(db, { email: 'analyst@example.org', role: 'analyst', password: PASSWORD }, 'test');
	await db.destroy();
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

const percent = (s: string) => Number(s.replace(/[^\d.]/g, ''));

/** Every shown row has five shares that add up to 100% (rounding aside); returns how many rows. */
async function checkDistribution(page: Page): Promise<number> {
	const rows = await page.locator('#distribution tbody tr').evaluateAll((trs) =>
		trs.map((tr) => ({
			label: tr.querySelector('th')?.textContent ?? '',
			shares: [...tr.querySelectorAll('td[data-point]:not([data-point=na])')].map((td) => td.textContent ?? ''),
			segments: tr.querySelectorAll('.seg').length
		}))
	);
	expect(rows.length).toBeGreaterThan(10);
	const shown = rows.filter((r) => r.shares.length > 0);
	expect(shown.length).toBeGreaterThan(10);
	for (const r of shown) {
		expect(r.shares, r.label).toHaveLength(5);
		// Arabic wraps the sign in bidi marks (U+200E); the digits and the sign must be there.
		for (const s of r.shares) expect(s.replace(/[\u200e\u200f\u061c]/g, '')).toMatch(/\d+\s?%/);
		const total = r.shares.map(percent).reduce((a, b) => a + b, 0);
		expect(total, r.label).toBeGreaterThanOrEqual(97);
		expect(total, r.label).toBeLessThanOrEqual(103);
		expect(r.segments).toBe(5);
	}
	return shown.length;
}

/** Inline position of the very dissatisfied and very satisfied segments of the first bar. */
async function ends(page: Page): Promise<{ low: number; high: number; label: number }> {
	const row = page
		.locator('#distribution tbody tr')
		.filter({ has: page.locator('.seg') })
		.first();
	const box = async (selector: string) => (await row.locator(selector).boundingBox())!;
	return { low: (await box('.seg[data-point="1"]')).x, high: (await box('.seg[data-point="5"]')).x, label: (await box('th')).x };
}

describe('five-point distributions and member category', () => {
	it('shows the distribution per item and a member-category breakdown to an analyst, then on the public dashboard in English and Arabic', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1400, height: 900 } });
		const page = await context.newPage();
		await signInInBrowser(page, server.url, 'analyst@example.org', PASSWORD);

		await page.goto(`${server.url}/admin/results/rp-2026?by=category`);
		await expect(page.locator('#distribution h2').innerText()).resolves.toBe('Distribution of answers');
		const items = await page.locator('#items tbody tr').count();
		expect(await checkDistribution(page)).toBeLessThanOrEqual(items);
		const groups = await page.locator('#breakdown-table thead th[data-group]').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-group')));
		expect(groups).toEqual(expect.arrayContaining(['member_state', 'sector_member']));
		await expect(page.locator('#breakdown-table thead').innerText()).resolves.toContain('Member State');
		// The section chart: means with intervals, and its text alternative names the figures.
		await expect(page.locator('img[src$="chart.png"]').evaluate((img: HTMLImageElement) => img.naturalWidth)).resolves.toBe(1200);
		await expect(page.locator('img[src$="chart.png"]').getAttribute('alt')).resolves.toMatch(/95% confidence intervals/);

		// Release and publish, as the page offers; the public dashboard reads the release.
		await page.locator('form[action="?/release"] button').click();
		await page.waitForLoadState();
		await page.locator('form[action="?/publish"] button').click();
		await page.waitForLoadState();

		const visitor = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1400, height: 900 } });
		const pub = await visitor.newPage();
		await pub.goto(`${server.url}/reports/rp-2026?lang=en`);
		await expect(pub.locator('[data-testid=release-note]').innerText()).resolves.toContain('1');
		await checkDistribution(pub);
		await expect(pub.locator('#breakdowns a').evaluateAll((as) => as.map((a) => a.getAttribute('data-by')))).resolves.toEqual([
			'region',
			'category',
			'office',
			'sector'
		]);
		await pub.locator('#breakdowns a[data-by=category]').click();
		await pub.waitForURL(/by=category/);
		await expect(pub.locator('h2#breakdown').innerText()).resolves.toBe('Break down by: Member category');
		await expect(pub.locator('#breakdown-table thead').innerText()).resolves.toContain('Member State');
		await expect(pub.locator('#breakdown-table thead th[data-group=member_state]').count()).resolves.toBe(1);
		const en = await ends(pub);
		// Left to right: dissatisfaction on the left, the label before the bar.
		expect(en.low).toBeLessThan(en.high);
		expect(en.label).toBeLessThan(en.low);
		await pub.locator('#distribution').screenshot({ path: 'test-results/results-distribution-en.png' });

		await pub.goto(`${server.url}/reports/rp-2026?lang=ar&by=category`);
		await expect(pub.locator('main').getAttribute('dir')).resolves.toBe('rtl');
		await expect(pub.locator('#distribution h2').innerText()).resolves.toBe('توزيع الإجابات');
		await checkDistribution(pub);
		await expect(pub.locator('#breakdown-table thead').innerText()).resolves.toContain('دولة عضو');
		const ar = await ends(pub);
		// Mirrored by geometry: dissatisfaction on the right, the label right of the bar.
		expect(ar.low).toBeGreaterThan(ar.high);
		expect(ar.label).toBeGreaterThan(ar.low);
		await pub.locator('#distribution').screenshot({ path: 'test-results/results-distribution-ar.png' });
		await pub.screenshot({ path: 'test-results/results-public-ar.png', fullPage: false });
		await visitor.close();
		await context.close();
	});
});
