import { describe, expect, it } from 'vitest';
import { getModel, loadAnswers } from '../survey/model-cache.ts';
import { buildReview } from './review.ts';

const definition = {
	pages: [
		{
			name: 'p1',
			title: { default: 'Services', fr: 'Services rendus' },
			elements: [
				{ type: 'radiogroup', name: 'sat', choices: [{ value: 4, text: { default: 'Satisfied', fr: 'Satisfait' } }] },
				{
					type: 'matrix',
					name: 'grid',
					columns: [{ value: 1, text: { default: 'Low', fr: 'Faible' } }],
					rows: [{ value: 'a', text: { default: 'Access', fr: 'Accès' } }]
				},
				{ type: 'comment', name: 'why' },
				{ type: 'html', name: 'note', html: '<p>x</p>' }
			]
		}
	]
};

describe('buildReview', () => {
	it('lists every visible question with the answer as text in the chosen language', () => {
		const model = loadAnswers(getModel('test-review', definition, 'fr'), { sat: 4, grid: { a: 1 } });
		const [section] = buildReview(model);
		expect(section!.title).toBe('Services rendus');
		expect(section!.items.map((i) => [i.name, i.lines, i.answered])).toEqual([
			['sat', ['Satisfait'], true],
			['grid', ['Accès: Faible'], true],
			['why', [], false]
		]);
	});
});
