import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { newLink, startServer, type RunningServer } from '../helpers/server.ts';
import { answerPage, submitAndWait } from '../helpers/answer.ts';
import { sqlGet } from '../helpers/sql.ts';

/**
 * Issue 12, item 9: without JavaScript, a follow-up question that an answer reveals on
 * the SAME page must be asked (the page is shown again with it) instead of skipped.
 * The three conditional questions of the 2026 questionnaire, one by one.
 */
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

async function storedAnswers(entity: string): Promise<Record<string, unknown>> {
	const row = await sqlGet<{ answers_json: string }>(
		server.dbPath,
		'select r.answers_json from response r join entity e on e.id = r.entity_id where e.code = ?',
		entity
	);
	return JSON.parse(row?.answers_json ?? '{}') as Record<string, unknown>;
}

const progress = (page: Page) => page.locator('#progress-label').innerText();
const focusedQuestion = (page: Page) => page.evaluate(() => document.activeElement?.closest('.question')?.id ?? null);

/** Posts the page with "next" (or "review" on the last) and expects the same page again with `question` newly asked. */
async function expectAskedAgain(page: Page, question: string, shot: string): Promise<void> {
	const before = await progress(page);
	expect(await page.locator(`#q-${question}`).isHidden()).toBe(true);
	await submitAndWait(page, page.locator('.actions button.primary'));
	// Same page, not the next one.
	expect(await progress(page)).toBe(before);
	await expect(page.locator(`#q-${question}`).isVisible()).resolves.toBe(true);
	// Told, in a live region, and the keyboard is on the new question.
	const notice = page.locator('#revealed-notice');
	expect(await notice.getAttribute('role')).toBe('status');
	expect((await notice.innerText()).length).toBeGreaterThan(10);
	expect(await focusedQuestion(page)).toBe(`q-${question}`);
	expect(await page.locator(`#q-${question}`).evaluate((el) => el.classList.contains('revealed'))).toBe(true);
	// No error scolds a question the respondent has not been asked yet.
	expect(await page.locator('.error-summary').count()).toBe(0);
	await page.screenshot({ path: `test-results/${shot}.png`, fullPage: true });
}

async function walk(context: BrowserContext, entity: string, lang: string): Promise<void> {
	const page = await context.newPage();
	await page.goto(`${await newLink(server, entity)}?lang=${lang}`);
	expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
	// Page 1: an office is ticked (the events follow-up needs one).
	await answerPage(page);
	await submitAndWait(page, page.locator('.actions button.primary'));

	// Page 2: a low rating of technical assistance reveals "what could be better".
	await page.locator('input[name=sat_technical_assistance][value="2"]').check();
	await answerPage(page);
	await expectAskedAgain(page, 'technical_assistance_improvement', `followup-technical-${lang}`);
	expect((await storedAnswers(entity)).sat_technical_assistance).toBe(2);
	await page.locator('#q-technical_assistance_improvement textarea').fill('More staff in the field');
	await submitAndWait(page, page.locator('.actions button.primary'));
	expect(await progress(page)).toMatch(/3/);

	await answerPage(page);
	await submitAndWait(page, page.locator('.actions button.primary'));

	// Page 4: having attended events (any rating but "not applicable") reveals which office ran them.
	await answerPage(page);
	await expectAskedAgain(page, 'events_office', `followup-events-${lang}`);
	await page.locator('#q-events_office select').selectOption('RO-AFR');
	await submitAndWait(page, page.locator('.actions button.primary'));
	expect(await progress(page)).toMatch(/5/);

	// Page 5 (the last): low overall satisfaction reveals "why".
	await page.locator('input[name=overall_satisfaction][value="1"]').check();
	await answerPage(page);
	await expectAskedAgain(page, 'overall_reason', `followup-overall-${lang}`);
	await page.locator('#q-overall_reason textarea').fill('Too far from the capital');
	await submitAndWait(page, page.locator('.actions button.primary'));
	// Now on the review page; submitting stores the three follow-up answers.
	await submitAndWait(page, page.locator('.review-form button.primary'));
	expect(await page.locator('#done-title').count()).toBe(1);
	const answers = await storedAnswers(entity);
	expect(answers).toMatchObject({
		technical_assistance_improvement: 'More staff in the field',
		events_office: 'RO-AFR',
		overall_satisfaction: 1,
		overall_reason: 'Too far from the capital'
	});
	await page.close();
}

describe('follow-up questions without JavaScript', () => {
	it.each(['en', 'ar'])('asks each follow-up revealed on the same page, in %s, and stores the answers', async (lang) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		await walk(context, lang === 'en' ? 'MS-KEN' : 'MS-JOR', lang);
		await context.close();
	});

	it('does not ask again with JavaScript on, where the browser already showed the follow-up', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(await newLink(server, 'MS-AUS'));
		await answerPage(page);
		await submitAndWait(page, page.locator('.actions button.primary'));
		await page.locator('input[name=sat_technical_assistance][value="2"]').check();
		await expect(page.locator('#q-technical_assistance_improvement').isVisible()).resolves.toBe(true);
		await answerPage(page);
		await submitAndWait(page, page.locator('.actions button.primary'));
		expect(await progress(page)).toMatch(/3/);
		expect((await storedAnswers('MS-AUS')).technical_assistance_improvement).toEqual(expect.any(String));
		await context.close();
	});
});
