import type { Page, Locator } from 'playwright-core';

/** Picks "Satisfied" (4) where the scale offers it, else the first choice: no follow-up is triggered. */
async function pickRadio(scope: Locator): Promise<void> {
	const preferred = scope.locator('input[type=radio][value="4"]');
	await ((await preferred.count()) > 0 ? preferred.first() : scope.locator('input[type=radio]').first()).check();
}

/** Answers every question shown on the current page, the way a person would. */
export async function answerPage(page: Page): Promise<void> {
	for (const q of await page.locator('.question').all()) {
		const type = await q.getAttribute('data-type');
		switch (type) {
			case 'radiogroup':
			case 'rating':
			case 'boolean':
				await pickRadio(q);
				break;
			case 'checkbox':
				if (!(await q.locator('input[type=checkbox]:checked').count())) await q.locator('input[type=checkbox]').first().check();
				break;
			case 'matrix':
				for (const row of await q.locator('fieldset.matrix-row').all()) await pickRadio(row);
				break;
			case 'dropdown': {
				const select = q.locator('select');
				const values = await select.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean)).catch(() => []);
				if (values.length > 0) await select.selectOption(values[0]!);
				else await select.selectOption({ index: 1 });
				break;
			}
			case 'text':
			case 'comment':
				await q.locator('input, textarea').first().fill('Réponse de test – اختبار');
				break;
		}
	}
}

/** Clicks a submit button and waits for the page the post leads to (not the one still shown). */
export async function submitAndWait(page: Page, button: Locator): Promise<void> {
	const loaded = page.waitForEvent('load');
	await button.click();
	await loaded;
}

/** Answers page after page until the confirmation shows; returns how many pages were posted. */
export async function completeQuestionnaire(page: Page, maxPosts = 30): Promise<number> {
	for (let posts = 1; posts <= maxPosts; posts++) {
		await answerPage(page);
		await submitAndWait(page, page.locator('.actions button.primary'));
		if (await page.locator('#done-title').count()) return posts;
	}
	throw new Error(`not submitted after ${maxPosts} page posts: ${await page.locator('main').innerText()}`);
}
