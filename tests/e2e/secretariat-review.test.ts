import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signInInBrowser } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { inviteAll } from '../helpers/seed.ts';
import { seedUsers } from '../helpers/access-http.ts';

/**
 * What a review of the Secretariat pages found, as a reader sees it in Chromium: API tokens
 * name a region, not its code; a webhook's event checkboxes sit on the line of their words
 * (Arabic too); the respondents list lets the page scroll instead of hiding rows in a box,
 * its header row staying in view; the extension date's label sits above its field.
 */
const PASSWORD = 'review password 2026';
const ADMIN = 'admin.en@review.example.org';
const ADMIN_AR = 'admin.ar@review.example.org';

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	server = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: ADMIN, DEMO: '1' });
	await seedUsers(server.dbPath, [{ email: ADMIN_AR, role: 'admin', language: 'ar' }], PASSWORD);
	await inviteAll(server);
	browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
	for (const context of contexts) await context.close();
	await browser?.close();
	await server?.stop();
});

/** A signed-in page without JavaScript (the pages need none). */
async function signedIn(email: string): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
	contexts.push(context);
	const page = await context.newPage();
	await signInInBrowser(page, server.url, email, PASSWORD);
	return page;
}

describe('API tokens and webhooks', () => {
	it("names a regional office token's region in the reader's language, and shows its secret once", async () => {
		const page = await signedIn(ADMIN);
		await page.goto(`${server.url}/admin/api-tokens`);
		await page.fill('#token-name', 'Nairobi dashboard');
		await page.selectOption('#token-role', 'regional_office');
		await page.selectOption('#token-region', 'AFR');
		await Promise.all([page.waitForNavigation(), page.click('form[action="?/create"] button[type=submit]')]);
		const row = page.locator('tr[data-token="Nairobi dashboard"]');
		expect(await row.innerText()).toContain('Africa');
		expect(await row.innerText()).not.toMatch(/\bAFR\b/);
		// On the shared data table, the secret in the shared once-shown notice.
		expect(await row.evaluate((tr) => tr.closest('table')!.className)).toContain('ui-table');
		expect(await page.textContent('.ui-notice code.ui-secret[data-new-token]')).toMatch(/^rps_/);
		const arabic = await signedIn(ADMIN_AR);
		await arabic.goto(`${server.url}/admin/api-tokens`);
		const arRow = (await arabic.locator('tr[data-token="Nairobi dashboard"]').innerText())!;
		expect(arRow).not.toMatch(/\bAFR\b|Africa/);
		expect(arRow).toContain('إفريقيا');
	});

	it('puts each event checkbox on the line of its words, in Arabic too', async () => {
		for (const email of [ADMIN, ADMIN_AR]) {
			const page = await signedIn(email);
			await page.goto(`${server.url}/admin/webhooks`);
			const lines = await page.$$eval('input[name="events"]', (inputs) =>
				inputs.map((input) => {
					const box = input.getBoundingClientRect();
					// The words after the checkbox, up to the label's end.
					const words = document.createRange();
					words.setStartAfter(input);
					words.setEndAfter(input.closest('label')!.lastChild!);
					const text = words.getBoundingClientRect();
					return { middle: box.top + box.height / 2, top: text.top, bottom: text.bottom, height: text.height };
				})
			);
			expect(lines.length).toBeGreaterThan(2);
			for (const l of lines) {
				// The box's middle lies within the one line its words take.
				expect(l.middle, email).toBeGreaterThan(l.top);
				expect(l.middle, email).toBeLessThan(l.bottom);
				expect(l.height, email).toBeLessThan(40);
			}
		}
	});
});

describe('the respondents list', () => {
	it('lets the page scroll (no row hidden in a box) with the header row kept in view', async () => {
		const page = await signedIn(ADMIN);
		await page.goto(`${server.url}/admin/editions/rp-2026/respondents`);
		expect(await page.locator('#respondents tbody tr').count()).toBe(50);
		const box = await page.$eval('.ui-table-wrap', (wrap) => ({ client: wrap.clientHeight, scroll: wrap.scrollHeight }));
		expect(box.scroll - box.client, 'rows hidden below the box').toBeLessThanOrEqual(1);
		await page.$eval('#respondents tbody tr:nth-child(30)', (row) => row.scrollIntoView());
		const headerTop = await page.$eval('#respondents thead th', (th) => th.getBoundingClientRect().top);
		expect(Math.abs(headerTop)).toBeLessThanOrEqual(1);
	});

	it('fits the main column at 1280 px in English and Arabic (no sideways page scroll), its header still sticking', async () => {
		for (const email of [ADMIN, ADMIN_AR]) {
			const page = await signedIn(email);
			await page.goto(`${server.url}/admin/editions/rp-2026/respondents`);
			const fit = await page.evaluate(() => {
				const main = document.querySelector('.sec-main')!;
				const style = getComputedStyle(main);
				const box = main.getBoundingClientRect();
				const table = document.querySelector('#respondents')!.getBoundingClientRect();
				return {
					left: table.left - (box.left + parseFloat(style.paddingLeft)),
					right: box.right - parseFloat(style.paddingRight) - table.right,
					pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth
				};
			});
			expect(fit.pageOverflow, `${email}: the page scrolls sideways`).toBeLessThanOrEqual(0);
			expect(fit.left, `${email}: table past the column's start`).toBeGreaterThanOrEqual(-1);
			expect(fit.right, `${email}: table past the column's end`).toBeGreaterThanOrEqual(-1);
			await page.screenshot({ path: `test-results/respondents-1280-${email.startsWith('admin.ar') ? 'ar' : 'en'}.png` });
			await page.$eval('#respondents tbody tr:nth-child(30)', (row) => row.scrollIntoView());
			const headerTop = await page.$eval('#respondents thead th', (th) => th.getBoundingClientRect().top);
			expect(Math.abs(headerTop), email).toBeLessThanOrEqual(1);
		}
	});

	it("puts the extension date's label above its field", async () => {
		const page = await signedIn(ADMIN);
		await page.goto(`${server.url}/admin/editions/rp-2026/respondents`);
		const actions = page.locator('#respondents details.row-actions').first();
		await actions.locator('summary').click();
		const label = (await actions.locator('label[for^="until-"]').boundingBox())!;
		const box = (await actions.locator('input[name="until"]').boundingBox())!;
		expect(label.y + label.height).toBeLessThanOrEqual(box.y + 1);
	});
});
