import type { Page, Locator } from 'playwright-core';

/** Picks "Satisfied" (4) where the scale offers it, else the first choice: no follow-up is triggered. */
async function pickRadio(scope: Locator): Promise<void> {
	// A choice already made (by the test or an earlier post) is left as it is.
	if (await scope.locator('input[type=radio]:checked').count()) return;
	const preferred = scope.locator('input[type=radio][value="4"]');
	await ((await preferred.count()) > 0 ? preferred.first() : scope.locator('input[type=radio]').first()).check();
}

/** Types something sensible for the field's input type. */
async function fillText(field: Locator): Promise<void> {
	if (await field.isDisabled()) return;
	const type = (await field.getAttribute('type')) ?? 'text';
	await field.fill(type === 'number' ? '3' : type === 'email' ? 'focal.point@example.org' : 'Réponse de test – اختبار');
}

/** Answers every question shown on the current page, the way a person would. */
export async function answerPage(page: Page): Promise<void> {
	for (const q of await page.locator('.question').all()) {
		// Hidden questions (a condition not met) are not answered, as a person would not see them.
		if (await q.isHidden()) continue;
		const type = await q.getAttribute('data-type');
		switch (type) {
			case 'radiogroup':
			case 'rating':
			case 'boolean':
				await pickRadio(q);
				break;
			case 'checkbox':
			case 'tagbox':
				// A list whose choices are all hidden (choicesVisibleIf) has nothing to tick yet.
				if ((await q.locator('input[type=checkbox]').count()) && !(await q.locator('input[type=checkbox]:checked').count())) {
					await q.locator('input[type=checkbox]').first().check();
				}
				break;
			case 'matrix':
				for (const row of await q.locator('fieldset.matrix-row').all()) await pickRadio(row);
				break;
			case 'dropdown': {
				const select = q.locator('select');
				const values = await select
					.locator('option')
					.evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean))
					.catch(() => []);
				if (values.length > 0) await select.selectOption(values[0]!);
				else await select.selectOption({ index: 1 });
				break;
			}
			case 'text':
			case 'comment':
				await fillText(q.locator('input, textarea').first());
				break;
			case 'multipletext':
				for (const input of await q.locator('input').all()) await fillText(input);
				break;
			case 'ranking': {
				const selects = await q.locator('select').all();
				for (const [i, select] of selects.entries()) await select.selectOption(String(i + 1));
				break;
			}
			case 'matrixdropdown':
				for (const select of await q.locator('select').all()) await select.selectOption({ index: 1 });
				for (const input of await q.locator('input, textarea').all()) await fillText(input);
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
