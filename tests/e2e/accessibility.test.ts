import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { axeViolations as violations } from '../helpers/axe.ts';
import { newLink, startServer, type RunningServer } from '../helpers/server.ts';
import { answerPage } from '../helpers/answer.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	server = await startServer();
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

const linkFor = (entity: string) => newLink(server, entity);

const ENTITY: Record<string, string> = { ar: 'MS-SAU', zh: 'MS-SGP', en: 'MS-GBR', fr: 'MS-BEL', ru: 'MS-ARM', es: 'MS-MEX' };

describe('accessibility (axe-core, WCAG 2.2 AA) on every respondent page', () => {
	it('the check itself catches a violation (an image without a text alternative)', async () => {
		const context = await browser.newContext({ bypassCSP: true });
		const page = await context.newPage();
		await page.goto(await linkFor('MS-JPN'));
		await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<img src="/favicon.svg">'));
		expect((await violations(page)).join('\n')).toMatch(/image-alt/);
		await context.close();
	});

	it.each(Object.keys(ENTITY))('has no violations in %s, on every page, with errors shown, on the review and the confirmation', async (locale) => {
		// bypassCSP lets the test inject axe-core; the application's own CSP is unchanged.
		const context = await browser.newContext({ bypassCSP: true });
		const page = await context.newPage();
		await page.goto(`${await linkFor(ENTITY[locale]!)}?lang=${locale}`);
		const found: string[] = [];
		// A page with validation errors (nothing answered, "Next" pressed).
		await page.locator('.actions button.primary').click();
		await page.waitForLoadState('load');
		expect(await page.locator('.error-summary').count()).toBe(1);
		found.push(...(await violations(page)).map((v) => `errors page: ${v}`));
		for (let step = 0; step < 20 && !(await page.locator('#done-title').count()); step++) {
			found.push(...(await violations(page)).map((v) => `step ${step}: ${v}`));
			if (await page.locator('.question').count()) await answerPage(page);
			await page.locator('.actions button.primary').click();
			await page.waitForLoadState('load');
		}
		found.push(...(await violations(page)).map((v) => `confirmation: ${v}`));
		await context.close();
		expect(found).toEqual([]);
	});
});
