import { describe, expect, it } from 'vitest';
import { buildCatalogue } from './catalogue.ts';
import { compareWave, validateWaveRows } from './wave.ts';
import { summariseScale } from './stats.ts';

const LIKERT = [5, 4, 3, 2, 1, 'na'];
const catalogue = buildCatalogue({
	pages: [
		{
			name: 'p',
			elements: [
				{ type: 'radiogroup', name: 'q1', notApplicableValue: 'na', choices: LIKERT },
				{ type: 'matrix', name: 'm', notApplicableValue: 'na', columns: LIKERT, rows: ['a'] }
			]
		}
	]
});

describe('validateWaveRows', () => {
	it('accepts stable names, an explicit mapping and decimal commas', () => {
		const { items, problems } = validateWaveRows(
			[
				{ question: 'q1', n: '40', mean: '3,5', sd: '1.1', satisfied: '0.55' },
				{ question: 'old_matrix_a', maps_to: 'm.a', n: 30, mean: 4, sd: 0.9 }
			],
			catalogue
		);
		expect(problems).toEqual([]);
		expect(items).toEqual([
			{ key: 'q1', sourceKey: 'q1', n: 40, mean: 3.5, sd: 1.1, satisfied: 0.55 },
			{ key: 'm.a', sourceKey: 'old_matrix_a', n: 30, mean: 4, sd: 0.9, satisfied: null }
		]);
	});

	it('reports every unknown question, wrong scale and bad number, and returns no item', () => {
		const { items, problems } = validateWaveRows(
			[
				{ question: 'q1', n: '40', mean: '6.2', sd: '1', scale_max: '7' },
				{ question: 'gone', n: '10', mean: '3', sd: '1' },
				{ question: 'm.a', n: '0', mean: '3', sd: '-1' }
			],
			catalogue
		);
		expect(items).toEqual([]);
		expect(problems.join('\n')).toMatch(/line 2: scale_max 7 differs/);
		expect(problems.join('\n')).toMatch(/line 2: mean 6.2 is outside the scale 1 to 5/);
		expect(problems.join('\n')).toMatch(/line 3: "gone" is not a rated item/);
		expect(problems.join('\n')).toMatch(/line 4: n must be a whole number/);
		expect(problems.join('\n')).toMatch(/line 4: sd must be between/);
	});

	it('names missing columns', () => {
		expect(validateWaveRows([{ item: 'q1' }], catalogue).problems[0]).toMatch(/missing column "question"/);
		expect(validateWaveRows([], catalogue).problems).toEqual(['the file has no data rows']);
	});
});

describe('compareWave', () => {
	it('flags a change beyond the confidence interval and not a small one (hand computed)', () => {
		// Current: 20 x 5 and 20 x 3 -> mean 4, sd = sqrt(40 / 39) = 1.0127
		const current = { q1: summariseScale([5, 4, 3, 2, 1], { '5': 20, '3': 20 }, 0), 'm.a': summariseScale([5, 4, 3, 2, 1], { '4': 3, '3': 3 }, 0) };
		const [big, small] = compareWave(
			[
				{ key: 'q1', sourceKey: 'q1', n: 50, mean: 3.2, sd: 1, satisfied: null },
				{ key: 'm.a', sourceKey: 'm.a', n: 50, mean: 3.4, sd: 1, satisfied: null }
			],
			current
		);
		const se = Math.sqrt(40 / 39 / 40 + 1 / 50);
		expect(big!.difference).toBeCloseTo(0.8, 10);
		expect(big!.ci95![0]).toBeCloseTo(0.8 - 1.96 * se, 10);
		expect(big!.significant).toBe(true);
		expect(small!.difference).toBeCloseTo(0.1, 10);
		expect(small!.significant).toBe(false);
	});

	it('does not compare a suppressed current figure', () => {
		const [c] = compareWave([{ key: 'q1', sourceKey: 'q1', n: 50, mean: 3.2, sd: 1, satisfied: null }], { q1: { suppressed: true } });
		expect(c).toMatchObject({ current: null, difference: null, significant: null });
	});
});
