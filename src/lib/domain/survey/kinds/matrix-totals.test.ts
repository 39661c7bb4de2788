import { describe, expect, it } from 'vitest';
import { Model } from 'survey-core';
import { getModel, loadAnswers } from '../model-cache.ts';
import { keepVisibleAnswers } from '../../response/answers.ts';
import { parsePageAnswers } from '../page-form.ts';
import { buildPageView } from '../page-view.ts';

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
						{ name: 'hours', cellType: 'text', inputType: 'number', totalType: 'sum', totalDisplayStyle: 'currency', totalCurrency: 'EUR' },
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

	it('are drawn under the rows from the posted cells, as survey-core displays them', () => {
		const model = loadAnswers(getModel('totals', json, 'en'), {});
		const answers = parsePageAnswers(model, 0, [
			['quality::accurate::rating', '3'],
			['quality::timely::rating', '5'],
			['quality::accurate::hours', '4'],
			['quality::timely::hours', '6.5']
		]);
		const q = buildPageView(loadAnswers(getModel('totals', json, 'en'), answers), 0).questions[0]!;
		if (q.kind !== 'matrixdropdown') throw new Error(q.kind);
		expect(q.totals?.cells.map((c) => c.text)).toEqual(['Avg score: 4', '€10.50', '']);
		expect(q.totals?.cells.map((c) => c.live?.type ?? null)).toEqual(['avg', 'sum', null]);
		expect(q.totals?.cells[1]?.live).toMatchObject({ column: 'hours', style: 'currency', currency: 'EUR', locale: 'en' });
	});

	it('are not drawn for a matrix without totals', () => {
		const plain = { pages: [{ name: 'p', elements: [{ type: 'matrixdropdown', name: 'm', columns: [{ name: 'a' }], rows: ['r'] }] }] };
		const q = buildPageView(loadAnswers(getModel('no-totals', plain, 'en'), {}), 0).questions[0]!;
		if (q.kind !== 'matrixdropdown') throw new Error(q.kind);
		expect(q.totals).toBeNull();
	});
});
