import { describe, expect, it } from 'vitest';
import { Model } from 'survey-core';
import { getModel, loadAnswers } from '../model-cache.ts';
import { keepVisibleAnswers } from '../../response/answers.ts';

/**
 * Column totals of a dropdown matrix (issue 18, item 4: hr-add-performance-review): survey-core
 * keeps them in the data as "<name>-total", even when no cell is answered; the stored answers too.
 */
const json = {
	pages: [
		{
			name: 'p',
			elements: [
				{
					type: 'matrixdropdown',
					name: 'quality',
					columns: [
						{ name: 'rating', cellType: 'rating', rateValues: [1, 2, 3, 4, 5], totalType: 'avg', totalFormat: 'Avg score: {0}' },
						{ name: 'hours', cellType: 'text', inputType: 'number', totalType: 'sum' },
						{ name: 'note', cellType: 'text' }
					],
					rows: ['accurate', 'timely', 'details']
				},
				{ type: 'text', name: 'remark' }
			]
		}
	]
};

/** What survey-core's data holds for these answers. */
function surveyCoreData(answers: Record<string, unknown>): Record<string, unknown> {
	const model = new Model(json);
	for (const [name, value] of Object.entries(answers)) model.setValue(name, value);
	return model.data;
}

describe('dropdown-matrix totals', () => {
	it('are stored as survey-core keeps them, answered or not', () => {
		for (const answers of [
			{ remark: 'none' },
			{ quality: { accurate: { rating: 3, hours: 4 }, timely: { rating: 5, hours: 6, note: 'ok' } } },
			{ quality: { details: { rating: 2 } }, remark: 'x' }
		]) {
			const kept = keepVisibleAnswers(loadAnswers(getModel('totals', json, 'en'), answers), answers);
			expect(kept).toEqual(surveyCoreData(answers));
			expect(kept).toHaveProperty('quality-total');
		}
	});
});
