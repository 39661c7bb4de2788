import { describe, expect, it } from 'vitest';
import { newLink } from '../helpers/server.ts';
import { fixtureSite } from '../helpers/fixture-site.ts';
import { submitAndWait } from '../helpers/answer.ts';

/**
 * Issue 18, item 4 (corpus: healthcare-patient-registration): "country" has defaultValue
 * "United Kingdom" while its choices load from a web service (choicesByUrl) the server never
 * calls. survey-core shows the default selected and keeps it; the page must draw it selected,
 * with and without JavaScript, so the post keeps it.
 */
const site = fixtureSite('tests/fixtures/surveyjs-corpus/healthcare-patient-registration.json', 'by-url');

describe('a default outside choices loaded from a web service', () => {
	for (const javaScriptEnabled of [false, true]) {
		it(`is drawn selected ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async () => {
			const context = await site.browser.newContext({ javaScriptEnabled });
			try {
				const page = await context.newPage();
				await page.goto(await newLink(site.server, javaScriptEnabled ? 'MS-SEN' : 'MS-FRA', 'by-url'));
				await submitAndWait(page, page.locator('button[value="lang:en"]').first());
				const country = page.locator('select[name=country]');
				await expect(country.inputValue()).resolves.toBe('United Kingdom');
				await expect(country.locator('option[selected]').getAttribute('value')).resolves.toBe('United Kingdom');
			} finally {
				await context.close();
			}
		});
	}
});
