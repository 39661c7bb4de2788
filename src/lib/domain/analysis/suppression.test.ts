import { describe, expect, it } from 'vitest';
import { buildCatalogue } from './catalogue.ts';
import { aggregate, type Respondent } from './aggregate.ts';
import { breakdown, crossTab } from './dimensions.ts';
import { isSuppressed, publishBreakdown, publishCrossTab, publishResult, suppressCells, type PublishedResult } from './suppression.ts';
import type { ScaleSummary } from './stats.ts';

const K = 5;
const catalogue = buildCatalogue({
	pages: [{ name: 'p', reportSection: 's', elements: [{ type: 'radiogroup', name: 'q', notApplicableValue: 'na', choices: [5, 4, 3, 2, 1, 'na'] }] }]
});
let id = 0;
const people = (n: number, region: string, value: number | 'na', language = 'en'): Respondent[] =>
	Array.from({ length: n }, () => ({ id: String(++id), answers: { q: value }, region, category: 'member_state', sectors: [], language }));

const scale = (r: PublishedResult) => r.scales.q as ScaleSummary;

describe('suppressCells', () => {
	it('hides a small cell and the smallest other cell so the hidden pair holds at least k answers', () => {
		const hidden = suppressCells(
			[
				{ n: 20, answered: true },
				{ n: 2, answered: true },
				{ n: 9, answered: true },
				{ n: 6, answered: true }
			],
			[{ total: 0, members: [1, 2, 3] }],
			K
		);
		expect(hidden).toEqual([false, true, false, true]);
	});

	it('keeps adding complements until the hidden cells hold k answers, and leaves empty cells alone', () => {
		const hidden = suppressCells(
			[
				{ n: 5, answered: true },
				{ n: 1, answered: true },
				{ n: 1, answered: true },
				{ n: 0, answered: false },
				{ n: 3, answered: true }
			],
			[{ total: 0, members: [1, 2, 3, 4] }],
			K
		);
		expect(hidden).toEqual([false, true, true, false, true]);
	});

	it('hides the total when no complement is left', () => {
		const hidden = suppressCells(
			[
				{ n: 6, answered: true },
				{ n: 3, answered: true },
				{ n: 0, answered: true }
			],
			[{ total: 0, members: [1, 2] }],
			K
		);
		expect(hidden).toEqual([true, true, true]);
	});
});

describe('a reader trying to recover a suppressed group', () => {
	// Africa: 2 respondents (both rated 1), Europe 30, Americas 8.
	const all = [...people(2, 'AFR', 1), ...people(20, 'EUR', 4), ...people(10, 'EUR', 5), ...people(8, 'AMS', 3)];
	const published = publishBreakdown(breakdown(catalogue, all, 'region'), K);

	it('sees "suppressed" for Africa and for one complementary region', () => {
		const hidden = published.groups.filter((g) => isSuppressed(g.result.scales.q)).map((g) => g.key);
		expect(hidden).toEqual(['AFR', 'AMS']);
		expect(published.groups.find((g) => g.key === 'AFR')!.result.respondents).toBe(2);
	});

	it('can subtract the visible groups from the total but only learns about 10 respondents together', () => {
		const total = scale(published.total);
		const residual: Record<string, number> = { ...total.counts };
		for (const g of published.groups) {
			if (isSuppressed(g.result.scales.q)) continue;
			for (const [point, c] of Object.entries(scale(g.result).counts)) residual[point]! -= c;
		}
		const residualN = Object.values(residual).reduce((a, b) => a + b, 0);
		expect(residualN).toBeGreaterThanOrEqual(K);
		// The residual mixes Africa's two 1s with the Americas' eight 3s: Africa's own answers are not in it alone.
		expect(residual).toEqual({ '5': 0, '4': 0, '3': 8, '2': 0, '1': 2 });
	});

	it('holds in a cross-tabulation: every row and column with a hidden cell has at least two, worth k answers', () => {
		const mixed = [
			...people(3, 'AFR', 1, 'fr'),
			...people(6, 'AFR', 2, 'en'),
			...people(12, 'EUR', 4, 'fr'),
			...people(7, 'EUR', 5, 'en'),
			...people(1, 'AMS', 5, 'es')
		];
		const t = publishCrossTab(crossTab(catalogue, mixed, 'region', 'language'), K);
		const grid = t.cells.map((row) => row.map((c) => (isSuppressed(c.scales.q) ? null : scale(c).n)));
		const raw = crossTab(catalogue, mixed, 'region', 'language').cells.map((row) => row.map((c) => c.scales.q!.n));
		// Every line holds even when its margin is hidden here (that margin may be published elsewhere),
		// unless the line's own total is below k, which no table ever shows.
		const lineOk = (cells: (number | null)[], truth: number[], _marginHidden: boolean) => {
			if (truth.reduce((a, b) => a + b, 0) < K) return true;
			const hiddenN = cells.reduce<number>((s, c, i) => (c === null ? s + truth[i]! : s), 0);
			const hiddenCount = cells.filter((c, i) => c === null && truth[i]! > 0).length;
			return hiddenCount === 0 || (hiddenCount >= 2 && hiddenN >= K);
		};
		t.rowKeys.forEach((_, i) => expect(lineOk(grid[i]!, raw[i]!, isSuppressed(t.rowMargins[i]!.scales.q))).toBe(true));
		t.columnKeys.forEach((_, j) =>
			expect(
				lineOk(
					grid.map((row) => row[j]!),
					raw.map((row) => row[j]!),
					isSuppressed(t.columnMargins[j]!.scales.q)
				)
			).toBe(true)
		);
		// The margins hide at least what the one-way breakdowns hide.
		for (const [dimension, margins, keys] of [
			['region', t.rowMargins, t.rowKeys],
			['language', t.columnMargins, t.columnKeys]
		] as const) {
			const oneWay = publishBreakdown(breakdown(catalogue, mixed, dimension), K);
			for (const g of oneWay.groups)
				if (isSuppressed(g.result.scales.q)) expect(isSuppressed(margins[keys.indexOf(g.key)]!.scales.q), `${dimension} ${g.key}`).toBe(true);
		}
		// The Americas' single respondent is never visible, in a cell or a margin.
		const ams = t.rowKeys.indexOf('AMS');
		expect(isSuppressed(t.rowMargins[ams]!.scales.q)).toBe(true);
		expect(t.cells[ams]!.every((c) => isSuppressed(c.scales.q) || scale(c).n === 0)).toBe(true);
	});
});

describe('an index whose respondents all said "don\'t know"', () => {
	it('is hidden like an item where everyone said "na", not shown as an empty figure', () => {
		const published = publishResult(aggregate(catalogue, people(1, 'AFR', 'na')), K);
		expect(isSuppressed(published.scales.q)).toBe(true);
		expect(isSuppressed(published.sections.s)).toBe(true);
	});

	it('is hidden in a breakdown, with a complement, so that the total does not give the group away', () => {
		// Africa: its single respondent said "na"; Europe 12 rated 4; the Americas 6 rated 2.
		const all = [...people(1, 'AFR', 'na'), ...people(12, 'EUR', 4), ...people(6, 'AMS', 2)];
		const published = publishBreakdown(breakdown(catalogue, all, 'region'), K);
		const hidden = (family: 'scales' | 'sections') =>
			published.groups.filter((g) => isSuppressed(g.result[family][family === 'scales' ? 'q' : 's'])).map((g) => g.key);
		expect(hidden('sections')).toEqual(hidden('scales'));
		expect(hidden('sections')).toContain('AFR');
		expect(hidden('sections').length).toBeGreaterThanOrEqual(2);
	});

	it('is hidden in a cross-tabulation cell', () => {
		const all = [...people(1, 'AFR', 'na', 'fr'), ...people(9, 'AFR', 3, 'en'), ...people(8, 'EUR', 4, 'fr'), ...people(9, 'EUR', 5, 'en')];
		const t = publishCrossTab(crossTab(catalogue, all, 'region', 'language'), K);
		const afrFr = t.cells[t.rowKeys.indexOf('AFR')]![t.columnKeys.indexOf('fr')]!;
		expect(isSuppressed(afrFr.sections.s)).toBe(true);
	});
});
