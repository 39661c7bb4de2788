import type { AnalysisResult, ChoiceSummary, IndexSummary } from './aggregate.ts';
import type { Breakdown, CrossTab, Dimension } from './dimensions.ts';
import type { ScaleSummary } from './stats.ts';

/**
 * Minimum-count suppression with complementary suppression.
 *
 * A figure (the summary of one question, choice question or index in one group) is
 * suppressed when fewer than `minCount` respondents gave it a valid answer but at
 * least one answered (primary suppression). A published total would let a reader
 * recover a single suppressed cell by subtraction, so along every line whose total is
 * published, the suppressed cells must be at least two AND together hold at least
 * `minCount` valid answers: then even their sum, which is all subtraction gives, is
 * about `minCount` or more respondents. Complements are taken smallest first; when no
 * cell is left to take, the line's total is suppressed instead. Lines are re-checked
 * until nothing changes (a cross-tabulation has rows, columns and margins).
 *
 * Respondent counts (participation) are not answers and are never suppressed.
 */
export const DEFAULT_MIN_COUNT = 5;

export interface SuppressedCell {
	suppressed: true;
}
export type Masked<T> = T | SuppressedCell;

export function isSuppressed(value: unknown): value is SuppressedCell {
	return typeof value === 'object' && value !== null && (value as SuppressedCell).suppressed === true;
}

export interface PublishedResult {
	respondents: number;
	scales: Record<string, Masked<ScaleSummary>>;
	choices: Record<string, Masked<ChoiceSummary>>;
	sections: Record<string, Masked<IndexSummary>>;
	criteria: Record<string, Masked<IndexSummary>>;
}

export interface CellSize {
	/** Valid answers behind the figure. */
	n: number;
	/** Whether anyone answered at all (valid or "na"): an empty cell discloses nothing. */
	answered: boolean;
}

export interface Line {
	members: number[];
	total: number;
}

/**
 * Which cells to hide. Pure and deterministic, so every screen and export hides the
 * same. Every line is enforced even when its total is hidden here, because the same
 * total may be published by another table (the overall results, a one-way breakdown).
 * `seed` marks cells that must be hidden from the start (a margin another table hides).
 */
export function suppressCells(sizes: readonly CellSize[], lines: readonly Line[], minCount: number, seed: readonly boolean[] = []): boolean[] {
	const hidden = sizes.map((s, i) => seed[i] === true || (s.answered && s.n < minCount));
	let changed = true;
	while (changed) {
		changed = false;
		for (const line of lines) {
			const safe = () => {
				const h = line.members.filter((m) => hidden[m]);
				return h.length === 0 || (h.length >= 2 && h.reduce((s, m) => s + sizes[m]!.n, 0) >= minCount);
			};
			while (!safe()) {
				const candidates = line.members.filter((m) => !hidden[m] && sizes[m]!.answered);
				if (candidates.length === 0) {
					if (!hidden[line.total]) {
						hidden[line.total] = true;
						changed = true;
					}
					break;
				}
				const next = candidates.reduce((a, b) => (sizes[b]!.n < sizes[a]!.n ? b : a));
				hidden[next] = true;
				changed = true;
			}
		}
	}
	return hidden;
}

type Family = 'scales' | 'choices' | 'sections' | 'criteria';
const FAMILIES: Family[] = ['scales', 'choices', 'sections', 'criteria'];

function sizeOf(result: AnalysisResult, family: Family, key: string): CellSize {
	const figure = result[family][key];
	if (!figure) return { n: 0, answered: false };
	// Items and indices count "don't know" alike: answered, but no valid answer. Choices have no "na".
	const na = family === 'choices' ? 0 : ((figure as ScaleSummary | IndexSummary).na ?? 0);
	return { n: figure.n, answered: figure.n + na > 0 };
}

type Seeder = (sizes: CellSize[]) => boolean[];

/** Applies suppression to a set of results linked by lines, figure by figure. */
function publish(results: readonly AnalysisResult[], lines: readonly Line[], minCount: number, seeder?: Seeder): PublishedResult[] {
	const published: PublishedResult[] = results.map((r) => ({ respondents: r.respondents, scales: {}, choices: {}, sections: {}, criteria: {} }));
	const template = results[0];
	if (!template) return published;
	for (const family of FAMILIES) {
		for (const key of Object.keys(template[family])) {
			const sizes = results.map((r) => sizeOf(r, family, key));
			const hidden = suppressCells(sizes, lines, minCount, seeder?.(sizes));
			results.forEach((r, i) => {
				(published[i]![family] as Record<string, unknown>)[key] = hidden[i] ? { suppressed: true } : r[family][key];
			});
		}
	}
	return published;
}

export function publishResult(result: AnalysisResult, minCount: number): PublishedResult {
	return publish([result], [], minCount)[0]!;
}

export interface PublishedBreakdown {
	dimension: Dimension;
	minCount: number;
	total: PublishedResult;
	groups: { key: string; result: PublishedResult }[];
}

export function publishBreakdown(b: Breakdown, minCount: number): PublishedBreakdown {
	const results = [b.total, ...b.groups.map((g) => g.result)];
	const line: Line = { total: 0, members: b.groups.map((_, i) => i + 1) };
	const [total, ...groups] = publish(results, [line], minCount);
	return { dimension: b.dimension, minCount, total: total!, groups: b.groups.map((g, i) => ({ key: g.key, result: groups[i]! })) };
}

export interface PublishedCrossTab {
	rows: Dimension;
	columns: Dimension;
	minCount: number;
	rowKeys: string[];
	columnKeys: string[];
	cells: PublishedResult[][];
	rowMargins: PublishedResult[];
	columnMargins: PublishedResult[];
	total: PublishedResult;
}

export function publishCrossTab(t: CrossTab, minCount: number): PublishedCrossTab {
	const R = t.rowKeys.length;
	const C = t.columnKeys.length;
	// Layout: cells row by row, then row margins, then column margins, then the total.
	const cell = (i: number, j: number) => i * C + j;
	const rowMargin = (i: number) => R * C + i;
	const columnMargin = (j: number) => R * C + R + j;
	const total = R * C + R + C;
	const lines: Line[] = [
		...t.rowKeys.map((_, i) => ({ total: rowMargin(i), members: t.columnKeys.map((__, j) => cell(i, j)) })),
		...t.columnKeys.map((_, j) => ({ total: columnMargin(j), members: t.rowKeys.map((__, i) => cell(i, j)) })),
		{ total, members: t.rowKeys.map((_, i) => rowMargin(i)) },
		{ total, members: t.columnKeys.map((_, j) => columnMargin(j)) }
	];
	// The margins are one-way breakdowns published on their own too: start from what
	// those hide, so that a margin hidden there is not shown here (nor the reverse used).
	const oneWay = (sizes: CellSize[], members: number[]) =>
		suppressCells([sizes[total]!, ...members.map((m) => sizes[m]!)], [{ total: 0, members: members.map((_, i) => i + 1) }], minCount);
	const seeder: Seeder = (sizes) => {
		const seed = sizes.map(() => false);
		const rows = t.rowKeys.map((_, i) => rowMargin(i));
		const columns = t.columnKeys.map((_, j) => columnMargin(j));
		for (const members of [rows, columns]) {
			const h = oneWay(sizes, members);
			if (h[0]) seed[total] = true;
			members.forEach((m, i) => (seed[m] = seed[m] || h[i + 1]!));
		}
		return seed;
	};
	const flat = publish([...t.cells.flat(), ...t.rowMargins, ...t.columnMargins, t.total], lines, minCount, seeder);
	return {
		rows: t.rows,
		columns: t.columns,
		minCount,
		rowKeys: t.rowKeys,
		columnKeys: t.columnKeys,
		cells: t.rowKeys.map((_, i) => t.columnKeys.map((__, j) => flat[cell(i, j)]!)),
		rowMargins: t.rowKeys.map((_, i) => flat[rowMargin(i)]!),
		columnMargins: t.columnKeys.map((_, j) => flat[columnMargin(j)]!),
		total: flat[total]!
	};
}

/** The same shape without suppression, for callers with raw-data rights. */
export function unsuppressed(result: AnalysisResult): PublishedResult {
	return result;
}
