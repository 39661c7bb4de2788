import { describe, expect, it } from 'vitest';
import { clearlyDifferent, summaryPoints, type SummaryInput } from './executive-summary.ts';

const item = (key: string, mean: number | null) => ({
	key,
	label: `Item ${key}`,
	mean,
	ci95: mean === null ? null : ([mean - 0.1, mean + 0.1] as [number, number])
});

const base: SummaryInput = {
	invited: 400,
	submitted: 300,
	overallKey: 'overall_satisfaction',
	// The overall question has the highest mean: it must not be named the strongest item.
	items: [item('overall_satisfaction', 4.9), item('a', 4.1), item('b', 3.2), item('c', 2.1), item('d', null), item('e', 3.9), item('f', 2.8)],
	overallSatisfied: 0.72,
	change: { label: '2022', previous: 3.4, current: 4.9, difference: 1.5, significant: true },
	groups: [
		{ dimension: 'region', key: 'AFR', label: 'Africa', mean: 5.2, ci95: [5.0, 5.4] },
		{ dimension: 'region', key: 'EUR', label: 'Europe', mean: 4.8, ci95: [4.5, 5.1] },
		{ dimension: 'region', key: 'CIS', label: 'CIS', mean: null, ci95: null },
		{ dimension: 'category', key: 'sector_member', label: 'Sector Members', mean: 4.2, ci95: [4.0, 4.4] }
	]
};

describe('the executive summary', () => {
	it('states participation, the overall result and its change with significance, in that order', () => {
		const points = summaryPoints(base);
		expect(points.slice(0, 3)).toEqual([
			{ kind: 'participation', submitted: 300, invited: 400, rate: 0.75 },
			{ kind: 'overall', mean: 4.9, satisfied: 0.72 },
			{ kind: 'change', label: '2022', previous: 3.4, current: 4.9, difference: 1.5, significant: true }
		]);
	});

	it('names the strongest and weakest items without the overall-satisfaction question itself', () => {
		const points = summaryPoints(base);
		const strongest = points.find((p) => p.kind === 'strongest');
		const weakest = points.find((p) => p.kind === 'weakest');
		expect(strongest).toEqual({
			kind: 'strongest',
			items: [
				{ label: 'Item a', mean: 4.1 },
				{ label: 'Item e', mean: 3.9 }
			]
		});
		expect(weakest).toEqual({
			kind: 'weakest',
			items: [
				{ label: 'Item c', mean: 2.1 },
				{ label: 'Item f', mean: 2.8 }
			]
		});
		expect(JSON.stringify(points.filter((p) => p.kind === 'strongest' || p.kind === 'weakest'))).not.toContain('overall');
	});

	it('names only regions and categories whose whole interval lies above or below the whole', () => {
		const points = summaryPoints(base);
		expect(points.filter((p) => p.kind === 'above' || p.kind === 'below')).toEqual([
			{ kind: 'above', dimension: 'region', groups: [{ label: 'Africa', mean: 5.2 }] },
			{ kind: 'below', dimension: 'category', groups: [{ label: 'Sector Members', mean: 4.2 }] }
		]);
		expect(clearlyDifferent({ mean: 4.8, ci95: [4.5, 5.1] }, 4.9)).toBeNull();
		expect(clearlyDifferent({ mean: null, ci95: null }, 4.9)).toBeNull();
	});

	it('says nothing it cannot support: no rate without invitations, no change without a previous survey', () => {
		const points = summaryPoints({ ...base, invited: 0, change: null, items: [item('overall_satisfaction', null)] });
		expect(points).toEqual([{ kind: 'participation', submitted: 300, invited: 0, rate: null }]);
	});
});
