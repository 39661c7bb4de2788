import { describe, expect, it } from 'vitest';
import { buildCatalogue } from './catalogue.ts';
import { cellAnswer, microdataCells } from './microdata-cells.ts';

/** Issue 18 (review of item 3): the export columns of the new kinds, and rating points as survey-core computes them. */
describe('microdata cells', () => {
	it('reads a rating scale as survey-core does (rateMin with rateCount, rateStep, rateValues)', () => {
		const scales = buildCatalogue({
			pages: [
				{
					elements: [
						{ type: 'rating', name: 'nps', rateMin: 0, rateCount: 11 },
						{ type: 'rating', name: 'step', rateMin: 0, rateMax: 10, rateStep: 5 },
						{ type: 'rating', name: 'listed', rateValues: [1, 2, 4] },
						{ type: 'rating', name: 'alone', rateCount: 3 }
					]
				}
			]
		}).scales.map((s) => [s.key, s.scale]);
		expect(scales).toEqual([
			['nps', [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]],
			['step', [10, 5, 0]],
			['listed', [4, 2, 1]],
			// rateCount alone: survey-core 3 recounts it from rateMin..rateMax (1..5), in the page and in a matrix cell alike.
			['alone', [5, 4, 3, 2, 1]]
		]);
	});

	it('gives a column per matrix cell and per dynamic row up to the largest count', () => {
		const definition = {
			pages: [
				{
					elements: [
						{ type: 'matrixdropdown', name: 'm', rows: ['r'], columns: [{ name: 'c', cellType: 'checkbox', choices: ['a', 'b'] }] },
						{ type: 'matrixdynamic', name: 'd', columns: [{ name: 'k', cellType: 'text' }] }
					]
				}
			]
		};
		const cells = microdataCells(definition, [{ d: [{ k: 'x' }, { k: 'y' }] }, { d: [{ k: 'z' }] }]);
		expect(cells.map((c) => c.key)).toEqual(['m.r.c.a', 'm.r.c.b', 'd.1.k', 'd.2.k']);
		expect(cells.map((c) => cellAnswer(c, { m: { r: { c: ['b'] } }, d: [{ k: 'x' }] }))).toEqual([0, 1, 'x', null]);
	});
});
