import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { Model, type QuestionMatrixDynamicModel, type QuestionPanelDynamicModel } from 'survey-core';
import { newLink } from '../helpers/server.ts';
import { fixtureSite, storedAnswers } from '../helpers/fixture-site.ts';
import { submitAndWait } from '../helpers/answer.ts';
import { axeViolations } from '../helpers/axe.ts';

/**
 * Issue 18, items 1 and 2, in Chromium with and without JavaScript: a dynamic panel
 * and a dynamic matrix whose "Add" and "Remove" are posts of the page form. Two panels
 * are added and filled, one removed, a row added; nothing typed is lost on the way and
 * the stored answers equal survey-core's for the same inputs.
 */
const FIXTURE = 'tests/fixtures/surveyjs-dynamic.json';
const site = fixtureSite(FIXTURE, 'dynamic');

function reference(): Record<string, unknown> {
	const model = new Model(JSON.parse(readFileSync(FIXTURE, 'utf8')));
	const members = model.getQuestionByName('members') as QuestionPanelDynamicModel;
	members.addPanel();
	members.addPanel();
	const set = (panel: number, name: string, value: unknown) => (members.panels[panel]!.getQuestionByName(name).value = value);
	set(0, 'first-name', 'Amal');
	set(0, 'works', 'yes');
	set(0, 'job', 'Nurse');
	set(1, 'first-name', 'Badr');
	set(1, 'works', 'no');
	set(1, 'langs', ['ar', 'en']);
	set(2, 'first-name', 'Chadi');
	members.removePanel(0);
	const devices = model.getQuestionByName('devices') as QuestionMatrixDynamicModel;
	devices.addRow();
	const cell = (row: number, column: string, value: unknown) => (devices.visibleRows[row]!.getQuestionByColumnName(column).value = value);
	cell(0, 'kind', 'laptop');
	cell(0, 'count', '3');
	cell(1, 'kind', 'phone');
	cell(1, 'shared', true);
	cell(1, 'state', 2);
	return model.data;
}

const panel = (page: Page, i: number) => page.locator('section.dynamic-panel').nth(i);
const firstName = (page: Page, i: number) => panel(page, i).getByRole('textbox', { name: /First name/ });

describe('dynamic panel and dynamic matrix', () => {
	for (const javaScriptEnabled of [false, true]) {
		it(`adds, fills and removes panels and rows ${javaScriptEnabled ? 'with' : 'without'} JavaScript, storing what survey-core stores`, async () => {
			const entity = javaScriptEnabled ? 'MS-FRA' : 'MS-SEN';
			const context = await site.browser.newContext({ javaScriptEnabled, bypassCSP: true });
			const page = await context.newPage();
			await page.goto(await newLink(site.server, entity, 'dynamic'));
			await submitAndWait(page, page.locator('button[value="lang:en"]'));
			await expect(page.locator('main').innerText()).resolves.toContain('Person #1');
			await expect(page.locator('section.dynamic-panel').count()).resolves.toBe(1);
			// minPanelCount 1: the only panel cannot be removed.
			await expect(page.getByRole('button', { name: /Remove this person/ }).count()).resolves.toBe(0);

			await firstName(page, 0).fill('Amal');
			await panel(page, 0).getByRole('radio', { name: 'yes' }).check();
			await submitAndWait(page, page.getByRole('button', { name: 'Add a person' }));
			await expect(page.locator('section.dynamic-panel').count()).resolves.toBe(2);
			await expect(firstName(page, 0).inputValue()).resolves.toBe('Amal');
			// {panel.works} = 'yes' shows the job in the first panel only (the server decided, or the script did).
			await panel(page, 0).getByRole('textbox', { name: 'Job' }).fill('Nurse');
			await expect(panel(page, 1).getByRole('textbox', { name: 'Job' }).isVisible()).resolves.toBe(false);
			await firstName(page, 1).fill('Badr');
			await panel(page, 1).getByRole('radio', { name: 'no' }).check();
			await panel(page, 1).getByRole('checkbox', { name: 'ar' }).check();
			await panel(page, 1).getByRole('checkbox', { name: 'en' }).check();
			await submitAndWait(page, page.getByRole('button', { name: 'Add a person' }));
			await expect(page.locator('main').innerText()).resolves.toContain('Person #3');
			await firstName(page, 2).fill('Chadi');
			await submitAndWait(page, page.getByRole('button', { name: 'Remove this person – Person #1' }));
			await expect(page.locator('section.dynamic-panel').count()).resolves.toBe(2);
			await expect(firstName(page, 0).inputValue()).resolves.toBe('Badr');
			await expect(firstName(page, 1).inputValue()).resolves.toBe('Chadi');
			// axe-core runs in the page: only where JavaScript runs (the markup is the same without it).
			if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([]);
			if (!javaScriptEnabled) await page.screenshot({ path: 'test-results/surveyjs-dynamic-panel-en.png', fullPage: true });

			await submitAndWait(page, page.locator('.actions button.primary'));
			await expect(page.locator('main').innerText()).resolves.toContain('Devices the office owns');
			await page.getByRole('combobox', { name: '1 – Kind' }).selectOption('laptop');
			await page.getByRole('textbox', { name: '1 – How many' }).fill('3');
			await submitAndWait(page, page.getByRole('button', { name: 'Add Row' }));
			await expect(page.getByRole('textbox', { name: '1 – How many' }).inputValue()).resolves.toBe('3');
			await page.getByRole('combobox', { name: '2 – Kind' }).selectOption('phone');
			await page.getByRole('radiogroup', { name: '2 – Shared' }).getByRole('radio', { name: 'Yes' }).check();
			await page.getByRole('radiogroup', { name: '2 – Condition' }).getByRole('radio', { name: '2' }).check();
			if (javaScriptEnabled) expect(await axeViolations(page)).toEqual([]);
			if (!javaScriptEnabled) await page.screenshot({ path: 'test-results/surveyjs-dynamic-matrix-en.png', fullPage: true });
			await submitAndWait(page, page.locator('.actions button.primary'));
			for (let posts = 0; posts < 3 && !(await page.locator('#done-title').count()); posts++) await submitAndWait(page, page.locator('button.primary').first());
			await expect(page.locator('#done-title').count()).resolves.toBe(1);
			expect(storedAnswers(site.server, 'dynamic', entity)).toEqual(reference());
			await context.close();
		});
	}

	it('puts each Remove button at the inline end of its panel right to left', async () => {
		const context = await site.browser.newContext({ bypassCSP: true });
		const page = await context.newPage();
		await page.goto(await newLink(site.server, 'MS-EGY', 'dynamic'));
		await submitAndWait(page, page.locator('button[value="lang:ar"]'));
		await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
		await submitAndWait(page, page.getByRole('button', { name: 'Add a person' }));
		const heading = await panel(page, 1).getByRole('heading').boundingBox();
		const remove = await panel(page, 1)
			.getByRole('button', { name: /Remove this person/ })
			.boundingBox();
		expect(remove!.x + remove!.width).toBeLessThanOrEqual(heading!.x);
		expect(await axeViolations(page)).toEqual([]);
		await page.screenshot({ path: 'test-results/surveyjs-dynamic-panel-ar.png', fullPage: true });
		await context.close();
	});
});
