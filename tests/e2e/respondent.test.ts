import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { newLink, startServer, type RunningServer } from '../helpers/server.ts';
import { completeQuestionnaire, answerPage, submitAndWait } from '../helpers/answer.ts';

let server: RunningServer;
let browser: Browser;

const linkFor = (entity: string) => newLink(server, entity);

function responseOf(entityCode: string) {
	const db = new Database(server.dbPath, { readonly: true });
	try {
		return db
			.prepare(`select r.state, r.locale, r.answers_json, r.furthest_page from response r join entity e on e.id = r.entity_id where e.code = ?`)
			.get(entityCode) as { state: string; locale: string; answers_json: string; furthest_page: number } | undefined;
	} finally {
		db.close();
	}
}

function responseCount(entityCode: string): number {
	const db = new Database(server.dbPath, { readonly: true });
	try {
		return (db.prepare('select count(*) as n from response r join entity e on e.id = r.entity_id where e.code = ?').get(entityCode) as { n: number }).n;
	} finally {
		db.close();
	}
}

beforeAll(async () => {
	server = await startServer({ ADMIN_PASSWORD: 'correct horse battery staple' });
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

describe('respondent, in a real browser', () => {
	it('prints a demo link at start that opens the questionnaire in the entity language (Senegal: French)', async () => {
		expect(server.demoLink).toMatch(/\/r\/[a-z2-7]{32}$/);
		const page = await browser.newPage();
		await page.goto(server.demoLink);
		expect(await page.locator('html').getAttribute('lang')).toBe('fr');
		expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
		await expect(page.locator('h2.page-title').innerText()).resolves.toBe('Votre entité');
		await page.close();
	});

	it('completes the whole questionnaire in French with JavaScript disabled, and it is stored and counted', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(await linkFor('MS-FRA'));
		expect(await page.locator('html').getAttribute('lang')).toBe('fr');
		const posts = await completeQuestionnaire(page);
		expect(posts).toBeGreaterThanOrEqual(5);
		await expect(page.locator('#done-title').innerText()).resolves.toMatch(/Merci|merci/);
		const stored = responseOf('MS-FRA');
		expect(stored?.state).toBe('submitted');
		expect(stored?.locale).toBe('fr');
		const answers = JSON.parse(stored!.answers_json);
		// A second submit (a double click, a replayed post) changes nothing and stores no second response.
		const replay = await fetch(page.url(), {
			method: 'POST',
			redirect: 'manual',
			headers: { accept: 'text/html', origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ _action: 'submit', _page: '4', _revision: '0', suggestions: 'changed' }).toString()
		});
		expect(replay.status).toBe(303);
		expect(responseOf('MS-FRA')).toEqual(stored);
		expect(responseCount('MS-FRA')).toBe(1);
		expect(answers.overall_satisfaction).toBe(4);
		expect(answers.sat_itud_priorities).toMatchObject({ affordable_connectivity: 4 });
		await context.close();
	});

	it('switches to Arabic without losing answers, lays the page right-to-left, and completes', async () => {
		const page = await browser.newPage();
		const link = await linkFor('MS-EGY');
		await page.goto(link);
		await answerPage(page);
		await page.locator('nav.languages button[lang=ar]').click();
		await page.waitForLoadState('load');
		expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
		expect(await page.locator('html').getAttribute('lang')).toBe('ar');
		// The answers given before switching are still there.
		expect(await page.locator('input[name=respondent_category]:checked').count()).toBe(1);
		const direction = await page.locator('main').evaluate((el) => getComputedStyle(el).direction);
		expect(direction).toBe('rtl');
		await page.screenshot({ path: 'test-results/arabic-page-1.png', fullPage: true });
		// On the page with the Likert grid, the scale runs right to left: "very satisfied" (5) on the right.
		for (let i = 0; i < 2; i++) {
			await answerPage(page);
			await submitAndWait(page, page.locator('.actions button.primary'));
		}
		const row = page.locator('#q-sat_itud_priorities fieldset.matrix-row').first();
		const first = await row.locator('input[value="5"]').boundingBox();
		const last = await row.locator('input[value="na"]').boundingBox();
		expect(first!.x).toBeGreaterThan(last!.x);
		await page.screenshot({ path: 'test-results/arabic-matrix.png', fullPage: true });
		await completeQuestionnaire(page);
		expect(responseOf('MS-EGY')).toMatchObject({ state: 'submitted', locale: 'ar' });
		await page.close();
	});

	const THANKS: Record<string, RegExp> = { ar: /شكر/, zh: /谢谢|感谢/, en: /Thank you/, fr: /Merci|merci/, ru: /Спасибо|Благодар/, es: /Gracias|gracias/ };
	const ENTITIES: Record<string, [string, string]> = {
		ar: ['MS-JOR', 'MS-LBN'],
		zh: ['MS-CHN', 'MS-MNG'],
		en: ['MS-KEN', 'MS-AUS'],
		fr: ['MS-MLI', 'MS-CHE'],
		ru: ['MS-KAZ', 'MS-KGZ'],
		es: ['MS-ARG', 'MS-CHL']
	};
	it.each(Object.keys(THANKS).flatMap((locale) => [[locale, 'with JavaScript', true] as const, [locale, 'without JavaScript', false] as const]))(
		'completes the whole questionnaire in %s %s',
		async (locale, _label, javaScriptEnabled) => {
			const entity = ENTITIES[locale]![javaScriptEnabled ? 0 : 1]!;
			const context = await browser.newContext({ javaScriptEnabled });
			const page = await context.newPage();
			await page.goto(`${await linkFor(entity)}?lang=${locale}`);
			expect(await page.locator('html').getAttribute('lang')).toBe(locale);
			expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
			await completeQuestionnaire(page);
			await expect(page.locator('#done-title').innerText()).resolves.toMatch(THANKS[locale]!);
			expect(responseOf(entity)).toMatchObject({ state: 'submitted', locale });
			await context.close();
		}
	);

	it('resumes at the furthest page reached when the link is opened again', async () => {
		const link = await linkFor('MS-BRA');
		const first = await browser.newContext();
		const page = await first.newPage();
		await page.goto(link);
		await answerPage(page);
		await page.locator('.actions button.primary').click();
		await page.waitForLoadState('load');
		await page.locator('.actions button', { hasText: /./ }).nth(1).click(); // save and finish later
		await page.waitForLoadState('load');
		expect(await page.locator('.notice.success').count()).toBe(1);
		await first.close();

		const second = await browser.newContext();
		const again = await second.newPage();
		await again.goto(link);
		await expect(again.locator('#progress-label').innerText()).resolves.toMatch(/2/);
		expect(responseOf('MS-BRA')?.furthest_page).toBe(1);
		await second.close();
	});

	it('shows the Secretariat the submitted responses on the edition page', async () => {
		const page = await browser.newPage();
		await page.goto(`${server.url}/login`);
		await page.locator('#email').fill('admin@example.org');
		await page.locator('#password').fill('correct horse battery staple');
		await page.locator('button[type=submit]').click();
		await page.waitForURL(/\/admin$/);
		await page.goto(`${server.url}/admin/editions/rp-2026`);
		const submitted = Number(await page.locator('[data-count=submitted]').innerText());
		expect(submitted).toBeGreaterThanOrEqual(2);
		expect(Number(await page.locator('[data-count=invited]').innerText())).toBeGreaterThanOrEqual(4);
		await page.close();
	});
});
