import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { Model, type QuestionMatrixDropdownModel } from 'survey-core';
import { newLink } from '../helpers/server.ts';
import { fixtureSite, storedAnswers } from '../helpers/fixture-site.ts';
import { submitAndWait } from '../helpers/answer.ts';

/**
 * Issue 18, item 3, in Chromium with and without JavaScript: a dropdown matrix whose
 * cells are rating, checkbox, radiogroup, boolean, dropdown and text questions. Each
 * cell group is named "row – column" and each box by its choice; the column heading
 * stands over its cells in both directions; the stored answer equals survey-core's.
 */
const FIXTURE = 'tests/fixtures/surveyjs-matrix-cells.json';
const site = fixtureSite(FIXTURE, 'cells');

function reference(): Record<string, unknown> {
	const model = new Model(JSON.parse(readFileSync(FIXTURE, 'utf8')));
	const [office, erp] = (model.getQuestionByName('tools') as QuestionMatrixDropdownModel).visibleRows;
	office!.getQuestionByColumnName('score').value = 4;
	office!.getQuestionByColumnName('uses').value = ['mail', 'chat'];
	office!.getQuestionByColumnName('often').value = 'daily';
	office!.getQuestionByColumnName('paid').value = false;
	erp!.getQuestionByColumnName('vendor').value = 'local';
	erp!.getQuestionByColumnName('note').value = 'yearly audit';
	return model.data;
}

/** Answers the matrix by accessible names only: the group "row – column", then the choice. */
async function answerCells(page: Page): Promise<void> {
	const group = (row: string, column: string) => page.getByRole('group', { name: `${row} – ${column}`, exact: true });
	const radios = (row: string, column: string) => page.getByRole('radiogroup', { name: `${row} – ${column}`, exact: true });
	await radios('Office suite', 'Score').getByRole('radio', { name: '4', exact: true }).check();
	await group('Office suite', 'Uses').getByRole('checkbox', { name: 'mail' }).check();
	await group('Office suite', 'Uses').getByRole('checkbox', { name: 'chat' }).check();
	await radios('Office suite', 'How often').getByRole('radio', { name: 'daily' }).check();
	await radios('Office suite', 'Paid licence').getByRole('radio', { name: 'No' }).check();
	await page.getByRole('combobox', { name: 'Accounting – Vendor' }).selectOption('local');
	await page.getByRole('textbox', { name: 'Accounting – Note' }).fill('yearly audit');
}

/** The column heading's box horizontally contains the cell group below it. */
async function headingOver(page: Page, column: string, group: string): Promise<boolean> {
	const th = await page.getByRole('columnheader', { name: column, exact: true }).boundingBox();
	const cell = await page.locator(`[aria-label="${group}"]`).boundingBox();
	if (!th || !cell) return false;
	const middle = cell.x + cell.width / 2;
	return middle > th.x && middle < th.x + th.width;
}

describe('dropdown matrix cells', () => {
	for (const javaScriptEnabled of [false, true]) {
		it(`stores every cell type as survey-core does ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async () => {
			const entity = javaScriptEnabled ? 'MS-FRA' : 'MS-SEN';
			const context = await site.browser.newContext({ javaScriptEnabled });
			const page = await context.newPage();
			await page.goto(await newLink(site.server, entity, 'cells'));
			await submitAndWait(page, page.locator('button[value="lang:en"]'));
			await expect(page.locator('main').innerText()).resolves.toContain('The tools you use');
			for (const [column, group] of [
				['Score', 'Office suite – Score'],
				['Uses', 'Accounting – Uses'],
				['Paid licence', 'Office suite – Paid licence']
			] as const)
				expect(await headingOver(page, column, group), column).toBe(true);
			await answerCells(page);
			if (!javaScriptEnabled) await page.screenshot({ path: 'test-results/surveyjs-matrix-cells-en.png', fullPage: true });
			await submitAndWait(page, page.locator('.actions button.primary'));
			await expect(page.locator('main').innerText()).resolves.toContain('Remarks');
			for (let posts = 0; posts < 3 && !(await page.locator('#done-title').count()); posts++) await submitAndWait(page, page.locator('button.primary').first());
			await expect(page.locator('#done-title').count()).resolves.toBe(1);
			expect(storedAnswers(site.server, 'cells', entity)).toEqual(reference());
			await context.close();
		});
	}

	it('keeps each heading over its cells right to left', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(await newLink(site.server, 'MS-EGY', 'cells'));
		await submitAndWait(page, page.locator('button[value="lang:ar"]'));
		await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
		const score = await page.getByRole('columnheader', { name: 'Score', exact: true }).boundingBox();
		const note = await page.getByRole('columnheader', { name: 'Note', exact: true }).boundingBox();
		expect(score!.x).toBeGreaterThan(note!.x);
		expect(await headingOver(page, 'Score', 'Office suite – Score')).toBe(true);
		expect(await headingOver(page, 'Uses', 'Accounting – Uses')).toBe(true);
		await page.screenshot({ path: 'test-results/surveyjs-matrix-cells-ar.png', fullPage: true });
		await context.close();
	});
});
