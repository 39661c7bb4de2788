import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultAnswers, getModel, loadAnswers } from './model-cache.ts';
import { buildPageView } from './page-view.ts';

/**
 * A question whose choices load from a web service (choicesByUrl): the server never calls the
 * service, so survey-core keeps waiting for the choices and keeps the default (issue 18, corpus:
 * healthcare-patient-registration). Before, survey-core fetched the URL in Node and, once the
 * request ended, cleared the cached model's value between two requests.
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
					choices: ['item1'],
					choicesByUrl: { url: 'http://127.0.0.1:9/countries' }
				}
			]
		}
	]
};

describe('choices from a web service on the server', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('are never requested: the cached model keeps waiting and keeps the default', () => {
		// survey-core sends the request while the model loads, synchronously: a call would be seen at once.
		const fetch = vi.fn(() => Promise.reject(new Error('no network in this test')));
		vi.stubGlobal('fetch', fetch);
		const model = loadAnswers(getModel('offline', json, 'en'), defaultAnswers('offline', json));
		expect(fetch).not.toHaveBeenCalled();
		const byUrl = (model.getQuestionByName('country') as unknown as { choicesByUrl: { isRunning: boolean } }).choicesByUrl;
		expect(byUrl.isRunning).toBe(true);
		expect(model.data).toEqual({ country: 'United Kingdom' });
		const view = buildPageView(model, 0).questions[0]!;
		expect(view.kind === 'single' && view.selected).toBe('United Kingdom');
	});
});
