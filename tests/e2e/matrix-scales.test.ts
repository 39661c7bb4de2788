import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { newLink, startServer, type RunningServer } from '../helpers/server.ts';
import { createEditionFromFile } from '../helpers/seed.ts';
import { submitAndWait } from '../helpers/answer.ts';
import { sqlGet } from '../helpers/sql.ts';

/**
 * Issue 12, item 16: what a respondent sees must be what is saved. The fixture has
 * Likert grids of 2 to 10 columns and questions with a defaultValue.
 */
let server: RunningServer;
let browser: Browser;
const COLUMN_COUNTS = [2, 3, 4, 5, 6, 7, 8, 9, 10];

beforeAll(async () => {
	server = await startServer();
	browser = await launchBrowser();
	await createEditionFromFile(server, 'tests/fixtures/matrix-scales.json', 'matrix-scales', 'test fixture in English and Arabic only');
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

async function storedAnswers(entity: string): Promise<Record<string, unknown>> {
	const row = await sqlGet<{ answers_json: string }>(
		server.dbPath,
		"select r.answers_json from response r join entity e on e.id = r.entity_id join edition d on d.id = r.edition_id where e.code = ? and d.slug = 'matrix-scales'",
		entity
	);
	return JSON.parse(row?.answers_json ?? '{}') as Record<string, unknown>;
}

interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}
const centreX = (b: Box) => b.x + b.width / 2;

/** The column headings of a grid with their boxes, in document order. */
async function headings(page: Page, question: string): Promise<{ text: string; box: Box }[]> {
	return page.locator(`#q-${question} .matrix-head span`).evaluateAll((spans) =>
		spans.slice(1).map((s) => {
			const r = s.getBoundingClientRect();
			return { text: (s.textContent ?? '').trim(), box: { x: r.x, y: r.y, width: r.width, height: r.height } };
		})
	);
}

/** The heading whose column (its box, left to right) holds x. */
function headingAt(list: { text: string; box: Box }[], x: number): string | null {
	return list.find((h) => x >= h.box.x && x <= h.box.x + h.box.width)?.text ?? null;
}

async function openScales(page: Page, entity: string, lang: string): Promise<void> {
	await page.goto(`${await newLink(server, entity, 'matrix-scales')}?lang=${lang}`);
	await submitAndWait(page, page.locator('.actions button.primary'));
	await expect(page.locator('#q-scale2').isVisible()).resolves.toBe(true);
}

describe('Likert grids of 2 to 10 columns', () => {
	it.each([
		['en', 'MS-KEN'],
		['ar', 'MS-JOR']
	])('puts over each radio button the heading of the value it saves (%s)', async (lang, entity) => {
		const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		await openScales(page, entity, lang);
		expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
		const expected: Record<string, Record<string, number>> = {};
		for (const n of COLUMN_COUNTS) {
			const question = `scale${n}`;
			const heads = await headings(page, question);
			expect(heads).toHaveLength(n);
			const row = page.locator(`#q-${question} fieldset.matrix-row`).first();
			for (let k = 1; k <= n; k++) {
				const radio = (await row.locator(`input[value="${k}"]`).boundingBox())!;
				const heading = headingAt(heads, centreX(radio));
				// The heading stands above the button and names the very value the button saves.
				expect(heading, `${question}, value ${k}`).toBe(lang === 'ar' ? heads[k - 1]!.text : `Level ${k} of ${n}`);
				expect(heads[k - 1]!.box.y).toBeLessThan(radio.y);
			}
			// Clicking by sight: the button under the middle heading (row a) and under the last (row b).
			const middle = heads[Math.ceil(n / 2) - 1]!;
			const last = heads[n - 1]!;
			for (const [r, wanted] of [
				[0, middle],
				[1, last]
			] as const) {
				const rowAt = page.locator(`#q-${question} fieldset.matrix-row`).nth(r);
				// Mouse coordinates are the viewport's: bring the row into view, then measure again.
				await rowAt.scrollIntoViewIfNeeded();
				const heading = (await headings(page, question)).find((h) => h.text === wanted.text)!;
				const radios = rowAt.locator('input[type=radio]');
				const boxes = await radios.evaluateAll((inputs) =>
					inputs.map((i) => {
						const b = i.getBoundingClientRect();
						return { x: b.x, y: b.y, width: b.width, height: b.height };
					})
				);
				const under = boxes.find((b) => centreX(b) >= heading.box.x && centreX(b) <= heading.box.x + heading.box.width)!;
				await page.mouse.click(centreX(under), under.y + under.height / 2);
			}
			expected[question] = { a: Math.ceil(n / 2), b: n };
		}
		for (const n of [3, 5, 10]) {
			await page.locator(`#q-scale${n}`).screenshot({ path: `test-results/matrix-${n}-columns-${lang}.png` });
		}
		await submitAndWait(page, page.locator('.actions button[value=save]'));
		expect(await storedAnswers(entity)).toMatchObject(expected);
		await context.close();
	});
});

describe('default values', () => {
	it('shows the defaults on first view, saves them, and lets the respondent clear one', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		const link = await newLink(server, 'MS-SEN', 'matrix-scales');
		await page.goto(`${link}?lang=en`);
		expect(await page.locator('input[name=preset_choice][value=no]').isChecked()).toBe(true);
		expect(await page.locator('input[name=preset_list]:checked').evaluateAll((l) => l.map((i) => (i as HTMLInputElement).value))).toEqual(['x', 'z']);
		expect(await page.locator('input[name=preset_text]').inputValue()).toBe('Geneva');
		await submitAndWait(page, page.locator('.actions button.primary'));
		expect(await storedAnswers('MS-SEN')).toMatchObject({ preset_choice: 'no', preset_list: ['x', 'z'], preset_text: 'Geneva' });

		// A default the respondent removed stays removed.
		await page.goto(`${link}?page=0`);
		await page.locator('input[name=preset_list][value=x]').uncheck();
		await page.locator('input[name=preset_text]').fill('');
		await submitAndWait(page, page.locator('.actions button[value=save]'));
		await page.goto(`${link}?page=0`);
		expect(await page.locator('input[name=preset_list]:checked').evaluateAll((l) => l.map((i) => (i as HTMLInputElement).value))).toEqual(['z']);
		expect(await page.locator('input[name=preset_text]').inputValue()).toBe('');
		const answers = await storedAnswers('MS-SEN');
		expect(answers.preset_list).toEqual(['z']);
		expect(answers).not.toHaveProperty('preset_text');
		await context.close();
	});
});
