import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { Model } from 'survey-core';
import { newLink } from '../helpers/server.ts';
import { fixtureSite, storedAnswers } from '../helpers/fixture-site.ts';
import { submitAndWait } from '../helpers/answer.ts';
import { axeViolations } from '../helpers/axe.ts';

/**
 * Issue 18, item 3, in Chromium with and without JavaScript: an image, image pickers
 * (one choice and several), a slider, a range slider and a signature. Each is answered
 * by its accessible name; the stored answer equals survey-core's for the same inputs.
 * Without JavaScript the signature is a typed name; with it, a line drawn on the canvas
 * is stored as survey-core's data URL.
 */
const FIXTURE = 'tests/fixtures/surveyjs-media.json';
const site = fixtureSite(FIXTURE, 'media');

function reference(signature: unknown): Record<string, unknown> {
	const model = new Model(JSON.parse(readFileSync(FIXTURE, 'utf8')));
	model.getQuestionByName('colour').value = 'green';
	model.getQuestionByName('walls').value = ['red', 'blue'];
	model.getQuestionByName('staff').value = 12;
	model.getQuestionByName('budget range').value = [100, 250];
	model.getQuestionByName('signature').value = signature;
	return JSON.parse(JSON.stringify(model.data));
}

async function answerMedia(page: Page): Promise<void> {
	const group = (name: string) => page.getByRole('group', { name, exact: true });
	await group("Your office's colour").getByRole('radio', { name: 'Green', exact: true }).check();
	await group('Colours of the walls').getByRole('checkbox', { name: 'Red', exact: true }).check();
	await group('Colours of the walls').getByRole('checkbox', { name: 'Blue', exact: true }).check();
	// The keyboard reaches the image choices: Space ticks the focused box.
	await group('Colours of the walls').getByRole('checkbox', { name: 'Green', exact: true }).focus();
	await page.keyboard.press('Space');
	await page.keyboard.press('Space');
	await group('Staff in the office').getByRole('spinbutton', { name: 'Value' }).fill('12');
	await group('Budget range (thousands)').getByRole('spinbutton', { name: 'From' }).fill('100');
	await group('Budget range (thousands)').getByRole('spinbutton', { name: 'To' }).fill('250');
}

async function finish(page: Page): Promise<void> {
	await submitAndWait(page, page.locator('.actions button.primary'));
	await expect(page.locator('main').innerText()).resolves.toContain('Remarks');
	for (let posts = 0; posts < 3 && !(await page.locator('#done-title').count()); posts++) await submitAndWait(page, page.locator('button.primary').first());
	await expect(page.locator('#done-title').count()).resolves.toBe(1);
}

describe('image picker, slider and signature', () => {
	it('stores every answer as survey-core does without JavaScript, the signature typed', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(await newLink(site.server, 'MS-SEN', 'media'));
		await submitAndWait(page, page.locator('button[value="lang:en"]'));
		await expect(page.getByRole('img', { name: 'Blue banner' }).count()).resolves.toBe(1);
		await expect(page.locator('.signature-pad').isHidden()).resolves.toBe(true);
		await answerMedia(page);
		await page.getByRole('textbox', { name: 'Or type your full name' }).fill('Aminata Diallo');
		await page.screenshot({ path: 'test-results/surveyjs-media-en.png', fullPage: true });
		await finish(page);
		expect(storedAnswers(site.server, 'media', 'MS-SEN')).toEqual(reference({ typedName: 'Aminata Diallo' }));
		await context.close();
	});

	it('stores a signature drawn on the canvas as survey-core does with JavaScript', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: true });
		const page = await context.newPage();
		await page.goto(await newLink(site.server, 'MS-FRA', 'media'));
		await submitAndWait(page, page.locator('button[value="lang:en"]'));
		await answerMedia(page);
		const canvas = page.getByRole('img', { name: 'Signature drawing area' }).or(page.locator('fieldset.signature canvas'));
		await canvas.first().waitFor({ state: 'visible' });
		// page.mouse works in viewport coordinates: bring the canvas into view first.
		await canvas.first().scrollIntoViewIfNeeded();
		const box = (await canvas.first().boundingBox())!;
		await page.mouse.move(box.x + 20, box.y + 30);
		await page.mouse.down();
		await page.mouse.move(box.x + 120, box.y + 80, { steps: 8 });
		await page.mouse.move(box.x + 200, box.y + 40, { steps: 8 });
		await page.mouse.up();
		await expect(page.locator('.signature-state').innerText()).resolves.toBe('Signature drawn.');
		const drawn = await page.locator('input[name="signature::drawn"]').inputValue();
		expect(drawn).toMatch(/^data:image\/png;base64,/);
		await finish(page);
		expect(storedAnswers(site.server, 'media', 'MS-FRA')).toEqual(reference(drawn));
		await context.close();
	});

	for (const [lang, entity] of [
		['en', 'MS-KEN'],
		['ar', 'MS-EGY']
	] as const) {
		it(`has no axe violations in ${lang === 'en' ? 'English' : 'Arabic'}`, async () => {
			const context = await site.browser.newContext({ javaScriptEnabled: true, bypassCSP: true });
			const page = await context.newPage();
			await page.goto(await newLink(site.server, entity, 'media'));
			await submitAndWait(page, page.locator(`button[value="lang:${lang}"]`));
			await expect(page.locator('html').getAttribute('dir')).resolves.toBe(lang === 'ar' ? 'rtl' : 'ltr');
			await page.locator('fieldset.signature canvas').waitFor({ state: 'visible' });
			expect(await axeViolations(page)).toEqual([]);
			if (lang === 'ar') {
				// Right to left: the first image choice stands to the right of the second.
				const first = await page.locator('.image-choice').nth(0).boundingBox();
				const second = await page.locator('.image-choice').nth(1).boundingBox();
				expect(first!.x).toBeGreaterThan(second!.x);
			}
			await page.screenshot({ path: `test-results/surveyjs-media-${lang}.png`.replace('-en.png', '-en-js.png'), fullPage: true });
			await context.close();
		});
	}
});
