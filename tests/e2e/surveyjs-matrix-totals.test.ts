import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { Model } from 'survey-core';
import { newLink } from '../helpers/server.ts';
import { fixtureSite, storedAnswers } from '../helpers/fixture-site.ts';
import { submitAndWait } from '../helpers/answer.ts';

/**
 * Issue 18, item 3 (kinds3): a dropdown matrix's totals row (`totalType`, `totalFormat`,
 * `totalDisplayStyle`) is drawn under the rows as survey-core shows it: computed by the
 * server on each post without JavaScript, following the cells with it, each total named
 * "Total – column" for a screen reader; the stored "<name>-total" is survey-core's.
 */
const FIXTURE = 'tests/fixtures/surveyjs-matrix-totals.json';
const site = fixtureSite(FIXTURE, 'totals');

const ANSWERS = { quality: { mail: { score: 3, cost: 100 }, visits: { score: 5 }, web: { cost: 1000 } }, remark: 'none' };

/** What survey-core's data holds for the same answers (the totals row included). */
function reference(): Record<string, unknown> {
	const model = new Model(JSON.parse(readFileSync(FIXTURE, 'utf8')));
	for (const [name, value] of Object.entries(ANSWERS)) model.setValue(name, value);
	return model.data;
}

const total = (page: Page, column: string) => page.getByLabel(`Total – ${column}`, { exact: true });
const rating = (page: Page, row: string, value: string) =>
	page.getByRole('radiogroup', { name: `${row} – Score`, exact: true }).getByRole('radio', { name: value, exact: true });

async function open(javaScriptEnabled: boolean, entity: string): Promise<Page> {
	const context = await site.browser.newContext({ javaScriptEnabled });
	const page = await context.newPage();
	await page.goto(await newLink(site.server, entity, 'totals'));
	await submitAndWait(page, page.locator('button[value="lang:en"]'));
	return page;
}

async function finish(page: Page, entity: string): Promise<void> {
	await page.getByRole('textbox', { name: /Remark/ }).fill('none');
	for (let posts = 0; posts < 3 && !(await page.locator('#done-title').count()); posts++) await submitAndWait(page, page.locator('button.primary').first());
	await expect(page.locator('#done-title').count()).resolves.toBe(1);
	expect(storedAnswers(site.server, 'totals', entity)).toEqual(reference());
	expect(reference()).toHaveProperty('quality-total', { score: 4, cost: 1100 });
}

describe('dropdown matrix totals row', () => {
	it('shows the totals computed by the server after a post without JavaScript', async () => {
		const page = await open(false, 'MS-SEN');
		await expect(total(page, 'Score').innerText()).resolves.toBe('Average: 0');
		await expect(total(page, 'Cost').innerText()).resolves.toBe('€0.00');
		await rating(page, 'Mail', '3').check();
		await rating(page, 'Visits', '5').check();
		await page.getByRole('combobox', { name: 'Mail – Cost' }).selectOption('100');
		await page.getByRole('combobox', { name: 'Website – Cost' }).selectOption('1000');
		// The remark is required: the post draws the same page again, with the totals of what was posted.
		await submitAndWait(page, page.locator('.actions button.primary'));
		await expect(page.locator('.error-summary').count()).resolves.toBe(1);
		await expect(total(page, 'Score').innerText()).resolves.toBe('Average: 4');
		await expect(total(page, 'Cost').innerText()).resolves.toBe('€1,100.00');
		await expect(page.getByRole('rowheader', { name: 'Total', exact: true }).count()).resolves.toBe(1);
		await page.screenshot({ path: 'test-results/surveyjs-matrix-totals-nojs-en.png', fullPage: true });
		await finish(page, 'MS-SEN');
		await page.context().close();
	});

	it('follows the cells as they change with JavaScript', async () => {
		const page = await open(true, 'MS-FRA');
		await rating(page, 'Mail', '3').check();
		await expect.poll(() => total(page, 'Score').innerText(), { timeout: 5000 }).toBe('Average: 3');
		await rating(page, 'Visits', '5').check();
		await expect.poll(() => total(page, 'Score').innerText(), { timeout: 5000 }).toBe('Average: 4');
		await page.getByRole('combobox', { name: 'Mail – Cost' }).selectOption('100');
		await page.getByRole('combobox', { name: 'Website – Cost' }).selectOption('1000');
		await expect.poll(() => total(page, 'Cost').innerText(), { timeout: 5000 }).toBe('€1,100.00');
		await page.screenshot({ path: 'test-results/surveyjs-matrix-totals-js-en.png', fullPage: true });
		await finish(page, 'MS-FRA');
		await page.context().close();
	});

	it('draws the totals row right to left in Arabic', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(await newLink(site.server, 'MS-EGY', 'totals'));
		await submitAndWait(page, page.locator('button[value="lang:ar"]'));
		const score = await page.getByRole('columnheader', { name: 'Score', exact: true }).boundingBox();
		const scoreTotal = await total(page, 'Score').boundingBox();
		expect(scoreTotal!.x + scoreTotal!.width / 2).toBeGreaterThan(score!.x);
		expect(scoreTotal!.x + scoreTotal!.width / 2).toBeLessThan(score!.x + score!.width);
		await page.screenshot({ path: 'test-results/surveyjs-matrix-totals-ar.png', fullPage: true });
		await context.close();
	});
});
