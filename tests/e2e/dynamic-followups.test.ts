import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newLink } from '../helpers/server.ts';
import { fixtureSite, storedAnswers } from '../helpers/fixture-site.ts';
import { submitAndWait } from '../helpers/answer.ts';

/**
 * Issue 18, review of item 3, in Chromium: a follow-up inside a panel and inside a dynamic
 * panel is asked without JavaScript (the post that reveals it shows the page again with it,
 * as for a page-level follow-up) and at once with it, and its answer is saved; after "Add"
 * or "Remove" on a long page the respondent is brought back to the panel or row changed.
 */
const site = fixtureSite('tests/fixtures/surveyjs-panel-followups.json', 'panel-followups');

const sitePanel = (page: Page, i: number) => page.locator('section.dynamic-panel').nth(i);
const progress = (page: Page) => page.locator('#progress-label').innerText();

async function open(javaScriptEnabled: boolean, entity: string): Promise<Page> {
	const context = await site.browser.newContext({ javaScriptEnabled, bypassCSP: true, viewport: { width: 1000, height: 700 } });
	const page = await context.newPage();
	await page.goto(await newLink(site.server, entity, 'panel-followups'));
	await submitAndWait(page, page.locator('button[value="lang:en"]'));
	return page;
}

/** The element's top is on screen, in the upper half of the viewport (700 px high): the page opened there, not at its header. */
const onScreen = async (page: Page, selector: string) => {
	const top = await page.locator(selector).evaluate((el) => el.getBoundingClientRect().top);
	return top >= 0 && top < 350;
};

/** The id of the section or row holding the keyboard's focus (null: the page's body). */
const focusedIn = (page: Page, holder: 'section' | 'tr') => page.evaluate((h) => document.activeElement?.closest(h)?.id ?? null, holder);

describe('follow-ups inside panels and dynamic panels', () => {
	it('asks them again without JavaScript, then saves their answers', async () => {
		const page = await open(false, 'MS-SEN');
		const before = await progress(page);
		await page.getByRole('radio', { name: '1' }).check();
		await sitePanel(page, 0).getByRole('radio', { name: 'yes' }).check();
		expect(await page.locator('#q-why').isHidden()).toBe(true);
		expect(await page.locator('[id="q-sites::0::since"]').isHidden()).toBe(true);
		await submitAndWait(page, page.locator('.actions button.primary'));
		// The same page again, with both follow-ups asked and none scolded as missing.
		expect(await progress(page)).toBe(before);
		expect(await page.locator('#q-why').isVisible()).toBe(true);
		expect(await page.locator('[id="q-sites::0::since"]').isVisible()).toBe(true);
		expect(await page.locator('[id="q-sites::0::since"]').evaluate((el) => el.classList.contains('revealed'))).toBe(true);
		expect(await page.locator('.error-summary').count()).toBe(0);
		await page.screenshot({ path: 'test-results/panel-followups-nojs-en.png', fullPage: true });
		await page.getByRole('textbox', { name: 'Why not satisfied?' }).fill('Slow replies');
		await sitePanel(page, 0)
			.getByRole('textbox', { name: /Open since/ })
			.fill('2019');
		await submitAndWait(page, page.locator('.actions button.primary'));
		expect(await page.locator('main').innerText()).toContain('Anything else?');
		expect(storedAnswers(site.server, 'panel-followups', 'MS-SEN')).toMatchObject({ sat: 1, why: 'Slow replies', sites: [{ open: 'yes', since: '2019' }] });
		await page.context().close();
	});

	it('shows them at once with JavaScript and moves on in one post', async () => {
		const page = await open(true, 'MS-FRA');
		await page.getByRole('radio', { name: '1' }).check();
		await expect(page.locator('#q-why').isVisible()).resolves.toBe(true);
		await sitePanel(page, 0).getByRole('radio', { name: 'yes' }).check();
		await expect(page.locator('[id="q-sites::0::since"]').isVisible()).resolves.toBe(true);
		await page.getByRole('textbox', { name: 'Why not satisfied?' }).fill('Slow replies');
		await sitePanel(page, 0)
			.getByRole('textbox', { name: /Open since/ })
			.fill('2020');
		await submitAndWait(page, page.locator('.actions button.primary'));
		expect(await page.locator('main').innerText()).toContain('Anything else?');
		expect(storedAnswers(site.server, 'panel-followups', 'MS-FRA')).toMatchObject({ sat: 1, why: 'Slow replies', sites: [{ open: 'yes', since: '2020' }] });
		await page.context().close();
	});

	for (const javaScriptEnabled of [false, true]) {
		it(`returns at the panel or row changed after Add and Remove ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async () => {
			const page = await open(javaScriptEnabled, javaScriptEnabled ? 'MS-EGY' : 'MS-KEN');
			await submitAndWait(page, page.getByRole('button', { name: 'Add a site' }));
			expect(new URL(page.url()).hash).toBe('#q-sites-panel-1');
			// The new panel is on screen at the top, not the page's header (the page is long).
			expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
			expect(await onScreen(page, '#q-sites-panel-1')).toBe(true);
			// With JavaScript the keyboard is in the new panel's first field, and a status line says so.
			if (javaScriptEnabled) {
				await expect.poll(() => focusedIn(page, 'section'), { timeout: 5000 }).toBe('q-sites-panel-1');
				expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('sites::1::open');
				await expect.poll(() => page.getByRole('status').filter({ hasText: 'Site #2 added' }).count(), { timeout: 5000 }).toBe(1);
			}
			await submitAndWait(page, page.getByRole('button', { name: 'Remove this site – Site #2' }));
			expect(new URL(page.url()).hash).toBe('#q-sites');
			expect(await onScreen(page, '#q-sites')).toBe(true);
			await submitAndWait(page, page.getByRole('button', { name: 'Add Row' }));
			expect(new URL(page.url()).hash).toBe('#q-devices-row-1');
			expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
			if (javaScriptEnabled) await expect.poll(() => focusedIn(page, 'tr'), { timeout: 5000 }).toBe('q-devices-row-1');
			await page.screenshot({ path: `test-results/dynamic-anchor-${javaScriptEnabled ? 'js' : 'nojs'}-en.png` });
			await page.context().close();
		});
	}
});
