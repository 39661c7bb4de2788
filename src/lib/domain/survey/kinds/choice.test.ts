import { describe, expect, it } from 'vitest';
import { Model } from 'survey-core';
import { defaultAnswers, getModel, loadAnswers } from '../model-cache.ts';
import { parsePageAnswers } from '../page-form.ts';
import { buildPageView } from '../page-view.ts';

/**
 * A defaultValue that is not among the choices, because the choices load from a web service
 * (choicesByUrl) the server never calls (issue 18, item 4: two corpus questionnaires): survey-core
 * shows the default selected and keeps it in the data; so must the page and its post.
 */
const json = {
	pages: [
		{
			name: 'p',
			elements: [
				{
					type: 'dropdown',
					name: 'country',
					defaultValue: 'United Kingdom',
					choices: ['item1', 'item2'],
					choicesByUrl: { url: 'https://surveyjs.io/api/CountriesExample' }
				},
				{ type: 'dropdown', name: 'plain', defaultValue: 'elsewhere', choices: ['here'] }
			]
		}
	]
};

describe('a default among choices from a web service', () => {
	it('is kept in the data by survey-core', () => {
		expect(new Model(json).data).toEqual({ country: 'United Kingdom', plain: 'elsewhere' });
	});

	it('is drawn selected, as an option of its own', () => {
		const view = buildPageView(loadAnswers(getModel('by-url', json, 'en'), defaultAnswers('by-url', json)), 0);
		const country = view.questions[0]!;
		expect(country.kind === 'single' && country.choices.map((c) => c.value)).toEqual(['item1', 'item2', 'United Kingdom']);
		expect(country.kind === 'single' && country.selected).toBe('United Kingdom');
	});

	it('is stored again when the page posts it back', () => {
		const model = loadAnswers(getModel('by-url', json, 'en'), defaultAnswers('by-url', json));
		expect(parsePageAnswers(model, 0, [['country', 'United Kingdom']])).toMatchObject({ country: 'United Kingdom' });
	});

	it('stays refused where the choices are the questionnaire’s own', () => {
		const model = loadAnswers(getModel('by-url', json, 'en'), {});
		expect(() => parsePageAnswers(model, 0, [['plain', 'elsewhere']])).toThrow(/not a choice/);
	});
});
