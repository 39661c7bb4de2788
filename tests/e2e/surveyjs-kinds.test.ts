import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { Model } from 'survey-core';
import { newLink } from '../helpers/server.ts';
import { fixtureSite, storedAnswers } from '../helpers/fixture-site.ts';
import { submitAndWait } from '../helpers/answer.ts';

/**
 * Issue 18, item 3, in Chromium without JavaScript: "Other" (typed text alone selects
 * it), "Select all", and rating scales (smileys, 0-10, stars, rateValues) drawn as one
 * horizontal row with the end labels at the ends, in both directions and on a phone.
 * The stored answers equal survey-core's data for the same inputs.
 */
const FIXTURE = 'tests/fixtures/surveyjs-kinds.json';
const site = fixtureSite(FIXTURE, 'kinds');

/** The boxes of a rating's points: all in one row, none past the page's width. */
async function scaleGeometry(page: Page, name: string) {
	const boxes = await page.locator(`#q-${name} .rating-point`).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
	const ends = await page.locator(`#q-${name} .scale-labels span`).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
	return {
		boxes,
		ends,
		width: await page.evaluate(() => document.documentElement.clientWidth),
		scroll: await page.evaluate(() => document.documentElement.scrollWidth)
	};
}

describe('Other, Select all and rating scales without JavaScript', () => {
	it('stores what survey-core stores and draws each scale as one row with its end labels at the ends', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(await newLink(site.server, 'MS-SEN', 'kinds'));
		await submitAndWait(page, page.locator('button[value="lang:en"]'));
		// min/max/step are the input's own attributes, known to the browser before any post.
		await expect(page.locator('#q-hours-input').evaluate((e) => [e.getAttribute('min'), e.getAttribute('max'), e.getAttribute('step')])).resolves.toEqual([
			'0',
			'24',
			'0.25'
		]);
		// colCount 3: the three ordinary choices of "role" share one row on a wide screen.
		const roleRows = await page.locator('#q-role .choice').evaluateAll((els) => els.slice(0, 3).map((e) => Math.round(e.getBoundingClientRect().y)));
		expect(new Set(roleRows).size).toBe(1);
		await page.locator('#q-role-other').fill('visiting expert');
		await page.locator('input[name=parts][value=""]').check();
		await page.screenshot({ path: 'test-results/surveyjs-other-en.png', fullPage: true });
		await submitAndWait(page, page.locator('.actions button.primary'));
		await expect(page.locator('main').innerText()).resolves.toContain('Overall satisfaction');

		await page.locator('input[name=Satisfaction][value="2"]').check();
		await page.locator('input[name=nps][value="9"]').check();
		await page.locator('input[name=stars][value="4"]').check();
		await page.locator('input[name=level][value="mid"]').check();
		const nps = await scaleGeometry(page, 'nps');
		expect(nps.boxes).toHaveLength(11);
		expect(new Set(nps.boxes.map((b) => Math.round(b.y))).size).toBe(1);
		expect(nps.boxes[0]!.x).toBeLessThan(nps.boxes[10]!.x);
		// "Not at all likely" starts where the first point starts, "Extremely likely" ends where the last ends.
		expect(Math.abs(nps.ends[0]!.x - nps.boxes[0]!.x)).toBeLessThan(2);
		expect(Math.abs(nps.ends[1]!.x + nps.ends[1]!.width - (nps.boxes[10]!.x + nps.boxes[10]!.width))).toBeLessThan(2);
		await expect(page.locator('#q-Satisfaction .rating-point').first().innerText()).resolves.toContain('😞');
		await page.screenshot({ path: 'test-results/surveyjs-rating-en.png', fullPage: true });
		for (let posts = 0; posts < 4 && !(await page.locator('#done-title').count()); posts++) await submitAndWait(page, page.locator('button.primary').first());
		await expect(page.locator('#done-title').count()).resolves.toBe(1);

		const reference = new Model(JSON.parse(readFileSync(FIXTURE, 'utf8')));
		const role = reference.getQuestionByName('role');
		role.value = 'other';
		(role as unknown as { otherValue: string }).otherValue = 'visiting expert';
		(reference.getQuestionByName('parts') as unknown as { selectAll(): void }).selectAll();
		reference.setValue('Satisfaction', 2);
		reference.setValue('nps', 9);
		reference.setValue('stars', 4);
		reference.setValue('level', 'mid');
		expect(storedAnswers(site.server, 'kinds', 'MS-SEN')).toEqual(reference.data);
		await context.close();
	});

	it('mirrors the scale right to left and fits a phone', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
		const page = await context.newPage();
		await page.goto(await newLink(site.server, 'MS-FRA', 'kinds'));
		await submitAndWait(page, page.locator('button[value="lang:ar"]'));
		await page.screenshot({ path: 'test-results/surveyjs-other-ar.png', fullPage: true });
		await submitAndWait(page, page.locator('.actions button.primary'));
		const nps = await scaleGeometry(page, 'nps');
		expect(new Set(nps.boxes.map((b) => Math.round(b.y))).size).toBe(1);
		expect(nps.boxes[0]!.x).toBeGreaterThan(nps.boxes[10]!.x);
		expect(nps.scroll).toBeLessThanOrEqual(nps.width);
		await page.screenshot({ path: 'test-results/surveyjs-rating-ar-phone.png', fullPage: true });
		await context.close();
	});
});
