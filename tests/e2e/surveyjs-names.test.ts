import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Model } from 'survey-core';
import { newLink } from '../helpers/server.ts';
import { fixtureSite, storedAnswers } from '../helpers/fixture-site.ts';
import { submitAndWait } from '../helpers/answer.ts';
import { fieldName } from '../../src/lib/domain/survey/field-names.ts';
import { checkQuestionnaire } from '../../src/lib/domain/survey/definition.ts';

/**
 * Issue 18, items 1 and 2, in a real browser without JavaScript: a questionnaire as
 * written elsewhere (top-level elements, names with hyphens, spaces and Arabic letters,
 * a valueName, an unnamed question, an unknown {reference}) imports, is answered, and
 * stores exactly what survey-core holds for the same inputs.
 */
const FIXTURE = 'tests/fixtures/surveyjs-names.json';
const site = fixtureSite(FIXTURE, 'names');
beforeAll(() => {
	expect(site.created).toContain('translation gate overridden');
});

describe('a questionnaire written elsewhere, without JavaScript', () => {
	it('is answered under the author names and stores what survey-core stores', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(await newLink(site.server, 'MS-SEN', 'names'));
		await expect(page.locator('h2.page-title').count()).resolves.toBe(1);
		await page.screenshot({ path: 'test-results/surveyjs-names-en.png', fullPage: true });
		const field = (name: string) => `[name="${fieldName(name)}"]`;
		await page.locator(`input${field('Used-similar-extension')}[value=yes]`).check();
		// Without JavaScript the follow-up is asked after the post, on the same page.
		await submitAndWait(page, page.locator('.actions button.primary'));
		await page.locator(`input${field('Similar extension')}`).fill('VS Code');
		await page.locator(`input[name="${fieldName('رضا المستخدم')}::speed"][value="3"]`).check();
		await page.locator(`input[name="${fieldName('رضا المستخدم')}::help"][value="2"]`).check();
		await page.locator(`input${field('q_email')}`).fill('focal.point@example.org');
		// The unnamed comment was named as SurveyJS Creator names it; the unknown reference shows as text.
		await expect(page.locator('#q-question1 label').innerText()).resolves.toContain('Anything else, {nobody}?');
		await page.locator(`textarea${field('question1')}`).fill('Merci');
		// An anchor of the error summary and every label point at real ids (no spaces in them).
		for (const id of await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id))) expect(id).not.toMatch(/\s/);
		for (let posts = 0; posts < 4 && !(await page.locator('#done-title').count()); posts++) await submitAndWait(page, page.locator('button.primary').first());
		await expect(page.locator('#done-title').count()).resolves.toBe(1);

		const reference = new Model(checkQuestionnaire(readFileSync(FIXTURE, 'utf8')).json);
		reference.setValue('Used-similar-extension', 'yes');
		reference.setValue('Similar extension', 'VS Code');
		reference.setValue('رضا المستخدم', { speed: 3, help: 2 });
		reference.getQuestionByName('q_email').value = 'focal.point@example.org';
		reference.setValue('question1', 'Merci');
		expect(storedAnswers(site.server, 'names', 'MS-SEN')).toEqual(reference.data);
		await context.close();
	});

	it('draws the same page right to left in Arabic', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(await newLink(site.server, 'MS-FRA', 'names'));
		await submitAndWait(page, page.locator('button[value="lang:ar"]'));
		await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
		await expect(page.locator(`fieldset.matrix`).count()).resolves.toBe(1);
		await page.screenshot({ path: 'test-results/surveyjs-names-ar.png', fullPage: true });
		await context.close();
	});
});
