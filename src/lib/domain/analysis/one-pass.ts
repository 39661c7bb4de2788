import type { Catalogue } from './catalogue.ts';
import type { AnalysisResult, Respondent } from './aggregate.ts';
import { DIMENSIONS, groupsOf, type Breakdown, type CrossTab, type Dimension } from './dimensions.ts';
import { Contribution, Layout } from './one-pass-slots.ts';
import { Accumulator } from './one-pass-rows.ts';

/**
 * Every breakdown of an edition in one pass over its responses: each response is read
 * once (its ratings, its section and criterion means, its choices) into a short list of
 * (slot, amount) pairs, which is then added to every group the response belongs to:
 * overall, each dimension's groups, each cross-tabulation cell and, when asked, the same
 * within the response's part (a regional office's region).
 *
 * The figures are exactly those of aggregate(), breakdown() and crossTab() (which stay
 * the reference, see one-pass.test.ts): a group's sums are added in the same order
 * (responses in input order), so even the floating-point sums are bit for bit the same.
 */

/** What a pass accumulates beyond the overall result and the one-way breakdowns. */
export interface OnePassOptions {
	/** Also the cross-tabulations of two dimensions: every one (true) or those listed (either way round). */
	crossTabs?: boolean | readonly (readonly [Dimension, Dimension])[];
	/** Also the overall result and one-way breakdowns within each response's part (e.g. `(r) => r.region`). */
	partOf?: (r: Respondent) => string | null;
}

export interface OnePassPart {
	overall: AnalysisResult;
	/** Groups listed in `order` first (empty when nobody is in them), then in first-seen order, as breakdown(). */
	breakdown(dimension: Dimension, order?: readonly string[]): Breakdown;
}

export interface OnePassResults extends OnePassPart {
	/** As crossTab(); needs the pair in `crossTabs`. */
	crossTab(rows: Dimension, columns: Dimension): CrossTab;
	/** A part's results (empty when no response is in it); needs `partOf`. */
	part(key: string): OnePassPart;
}

/** Groups of one dimension: a row per group key, keys in first-seen order. */
class Groups {
	readonly rows = new Map<string, number>();
	private readonly acc: Accumulator;
	constructor(acc: Accumulator) {
		this.acc = acc;
	}
	row(key: string): number {
		let row = this.rows.get(key);
		if (row === undefined) this.rows.set(key, (row = this.acc.newRow()));
		return row;
	}
}

/** The overall row and one-way breakdown rows of a set of responses (all, or one part). */
class Tally implements OnePassPart {
	readonly total: number;
	readonly groups: Record<Dimension, Groups>;
	readonly acc: Accumulator;
	constructor(acc: Accumulator) {
		this.acc = acc;
		this.total = acc.newRow();
		this.groups = Object.fromEntries(DIMENSIONS.map((d) => [d, new Groups(acc)])) as Record<Dimension, Groups>;
	}

	add(c: Contribution, groups: readonly string[][]): void {
		this.acc.add(this.total, c);
		for (let i = 0; i < DIMENSIONS.length; i++) {
			const rows = this.groups[DIMENSIONS[i]!];
			for (const g of groups[i]!) this.acc.add(rows.row(g), c);
		}
	}

	get overall(): AnalysisResult {
		return this.acc.result(this.total);
	}

	breakdown(dimension: Dimension, order: readonly string[] = []): Breakdown {
		const keys = new Set([...order, ...this.groups[dimension].rows.keys()]);
		const empty = () => this.acc.result(this.acc.newRow());
		return {
			dimension,
			total: this.overall,
			groups: [...keys].map((key) => {
				const row = this.groups[dimension].rows.get(key);
				return { key, result: row === undefined ? empty() : this.acc.result(row) };
			})
		};
	}
}

export function aggregateAll(catalogue: Catalogue, respondents: readonly Respondent[], options: OnePassOptions = {}): OnePassResults {
	const layout = new Layout(catalogue);
	const acc = new Accumulator(layout);
	const all = new Tally(acc);
	const parts = new Map<string, Tally>();
	// Cross-tabulation cells, one per unordered pair of dimensions: "a|b" x "g|h" -> row.
	const wanted = (a: Dimension, b: Dimension) =>
		options.crossTabs === true || (Array.isArray(options.crossTabs) && options.crossTabs.some(([x, y]) => (x === a && y === b) || (x === b && y === a)));
	const pairs = DIMENSIONS.flatMap((a, i) => DIMENSIONS.slice(i + 1).flatMap((b) => (wanted(a, b) ? [[i, DIMENSIONS.indexOf(b)] as const] : [])));
	const cells = pairs.map(() => new Map<string, Map<string, number>>());
	const c = new Contribution(layout);
	for (const r of respondents) {
		c.read(r);
		const groups = DIMENSIONS.map((d) => groupsOf(r, d));
		all.add(c, groups);
		if (pairs.length) {
			pairs.forEach(([a, b], p) => {
				for (const g of groups[a]!) {
					let byColumn = cells[p]!.get(g);
					if (!byColumn) cells[p]!.set(g, (byColumn = new Map()));
					for (const h of groups[b]!) {
						let row = byColumn.get(h);
						if (row === undefined) byColumn.set(h, (row = acc.newRow()));
						acc.add(row, c);
					}
				}
			});
		}
		const key = options.partOf?.(r);
		if (key !== undefined && key !== null) {
			let part = parts.get(key);
			if (!part) parts.set(key, (part = new Tally(acc)));
			part.add(c, groups);
		}
	}

	let emptyRow: number | undefined;
	const empty = () => acc.result((emptyRow ??= acc.newRow()));
	return {
		get overall() {
			return all.overall;
		},
		breakdown: (dimension, order) => all.breakdown(dimension, order),
		crossTab(rows, columns) {
			const [i, j] = [DIMENSIONS.indexOf(rows), DIMENSIONS.indexOf(columns)];
			const p = pairs.findIndex(([a, b]) => (a === i && b === j) || (a === j && b === i));
			if (p < 0) throw new Error(`aggregateAll: the cross-tabulation ${rows} x ${columns} was not asked for`);
			const cell = (rk: string, ck: string) => {
				const [g, h] = pairs[p]![0] === i ? [rk, ck] : [ck, rk];
				const row = cells[p]!.get(g)?.get(h);
				return row === undefined ? empty() : acc.result(row);
			};
			const rowKeys = [...all.groups[rows].rows.keys()].sort();
			const columnKeys = [...all.groups[columns].rows.keys()].sort();
			return {
				rows,
				columns,
				rowKeys,
				columnKeys,
				cells: rowKeys.map((rk) => columnKeys.map((ck) => cell(rk, ck))),
				rowMargins: rowKeys.map((rk) => acc.result(all.groups[rows].rows.get(rk)!)),
				columnMargins: columnKeys.map((ck) => acc.result(all.groups[columns].rows.get(ck)!)),
				total: all.overall
			};
		},
		part(key) {
			let part = parts.get(key);
			if (!part) parts.set(key, (part = new Tally(acc)));
			return part;
		}
	};
}
