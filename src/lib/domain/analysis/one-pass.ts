import type { Catalogue } from './catalogue.ts';
import { scaleAnswer, type AnalysisResult, type ChoiceSummary, type IndexSummary, type Respondent } from './aggregate.ts';
import { DIMENSIONS, groupsOf, type Breakdown, type CrossTab, type Dimension } from './dimensions.ts';
import { momentsFrom, summariseScale } from './stats.ts';

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

/** Where each figure of a group lives in its row of the accumulator, and how to read it back. */
class Layout {
	readonly stride: number;
	readonly items: { base: number; na: number }[];
	readonly indexBase: number;
	readonly choices: { n: number; slots: Map<string, number> }[];
	readonly catalogue: Catalogue;
	constructor(catalogue: Catalogue) {
		this.catalogue = catalogue;
		let next = 1; // slot 0: respondents
		this.items = catalogue.scales.map((item) => {
			const base = next;
			next += item.scale.length + 1;
			return { base, na: base + item.scale.length };
		});
		this.indexBase = next;
		next += (catalogue.sections.length + catalogue.criteria.length) * INDEX_SLOTS;
		this.choices = catalogue.choices.map((q) => {
			const n = next++;
			const slots = new Map<string, number>();
			for (const c of q.choices) if (!slots.has(c.value)) slots.set(c.value, next++);
			return { n, slots };
		});
		this.stride = next;
	}
}

// An index's slots: valid respondents, "na" respondents, sum and sum of squares of respondent means, answers, top, bottom.
const INDEX_SLOTS = 7;
const [N, NA, SUM, SQUARES, ANSWERS, TOP, BOTTOM] = [0, 1, 2, 3, 4, 5, 6];

/** One response as (slot, amount) pairs: what it adds to any group it is in. */
class Contribution {
	slots: Int32Array;
	amounts: Float64Array;
	length = 0;
	private readonly itemIndices: number[][];
	private readonly own: Float64Array[];
	private readonly layout: Layout;
	private readonly stamps: Int32Array;
	private stamp = 0;
	constructor(layout: Layout) {
		this.layout = layout;
		this.stamps = new Int32Array(layout.stride);
		const { catalogue } = layout;
		this.slots = new Int32Array(layout.stride);
		this.amounts = new Float64Array(layout.stride);
		// The same index lists as aggregate(): a criterion named twice on an item counts twice there too.
		this.itemIndices = catalogue.scales.map((item) => [
			catalogue.sections.indexOf(item.section),
			...item.criteria.map((c) => catalogue.sections.length + catalogue.criteria.indexOf(c))
		]);
		const indices = catalogue.sections.length + catalogue.criteria.length;
		this.own = [0, 1, 2, 3, 4].map(() => new Float64Array(indices));
	}

	private push(slot: number, amount: number): void {
		if (this.length === this.slots.length) {
			const slots = new Int32Array(this.slots.length * 2);
			const amounts = new Float64Array(this.slots.length * 2);
			slots.set(this.slots);
			amounts.set(this.amounts);
			[this.slots, this.amounts] = [slots, amounts];
		}
		this.slots[this.length] = slot;
		this.amounts[this.length++] = amount;
	}

	/** Mirrors aggregate()'s loop body for one response. */
	read(r: Respondent): void {
		const { catalogue, items, indexBase, choices } = this.layout;
		const [count, sum, na, top, bottom] = this.own as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
		for (const a of this.own) a.fill(0);
		this.length = 0;
		this.push(0, 1);
		for (let i = 0; i < catalogue.scales.length; i++) {
			const item = catalogue.scales[i]!;
			const value = scaleAnswer(item, r.answers);
			if (value === undefined) continue;
			if (value === 'na') {
				this.push(items[i]!.na, 1);
				for (const x of this.itemIndices[i]!) na[x]!++;
				continue;
			}
			const point = item.scale.indexOf(value);
			this.push(items[i]!.base + point, 1);
			const isTop = point < 2 ? 1 : 0;
			const isBottom = point >= item.scale.length - 2 ? 1 : 0;
			for (const x of this.itemIndices[i]!) {
				top[x]! += isTop;
				bottom[x]! += isBottom;
				sum[x]! += value;
				count[x]!++;
			}
		}
		for (let x = 0; x < count.length; x++) {
			const base = indexBase + x * INDEX_SLOTS;
			if (count[x] === 0) {
				if (na[x]! > 0) this.push(base + NA, 1);
				continue;
			}
			const mean = sum[x]! / count[x]!;
			this.push(base + N, 1);
			this.push(base + SUM, mean);
			this.push(base + SQUARES, mean * mean);
			this.push(base + ANSWERS, count[x]!);
			this.push(base + TOP, top[x]!);
			this.push(base + BOTTOM, bottom[x]!);
		}
		for (let i = 0; i < catalogue.choices.length; i++) {
			const raw = r.answers[catalogue.choices[i]!.name];
			if (raw === undefined || raw === null || raw === '') continue;
			const { n, slots } = choices[i]!;
			if (Array.isArray(raw)) {
				if (raw.length === 0) continue;
				// Each value once, as new Set(raw.map(String)) would, without allocating: stamp the slots taken.
				this.stamp++;
				for (const v of raw) {
					const slot = slots.get(String(v));
					if (slot !== undefined && this.stamps[slot] !== this.stamp) {
						this.stamps[slot] = this.stamp;
						this.push(slot, 1);
					}
				}
			} else {
				const slot = slots.get(String(raw));
				if (slot !== undefined) this.push(slot, 1);
			}
			this.push(n, 1);
		}
	}
}

/** One row of sums per group, in one growing array. */
class Accumulator {
	private data: Float64Array;
	private rows = 0;
	private readonly finished: (AnalysisResult | undefined)[] = [];
	private readonly layout: Layout;
	constructor(layout: Layout) {
		this.layout = layout;
		this.data = new Float64Array(layout.stride * 64);
	}

	newRow(): number {
		const stride = this.layout.stride;
		if ((this.rows + 1) * stride > this.data.length) {
			const grown = new Float64Array(this.data.length * 2);
			grown.set(this.data);
			this.data = grown;
		}
		return this.rows++;
	}

	add(row: number, c: Contribution): void {
		const data = this.data;
		const base = row * this.layout.stride;
		const { slots, amounts, length } = c;
		for (let k = 0; k < length; k++) data[base + slots[k]!]! += amounts[k]!;
	}

	/** The row as aggregate() would return it; built once and shared by every view that shows the group. */
	result(row: number): AnalysisResult {
		const done = this.finished[row];
		if (done) return done;
		const result = this.finish(row);
		this.finished[row] = result;
		return result;
	}

	private finish(row: number): AnalysisResult {
		const { catalogue, items, indexBase, choices } = this.layout;
		const d = this.data;
		const base = row * this.layout.stride;
		const index = (x: number): IndexSummary => {
			const b = base + indexBase + x * INDEX_SLOTS;
			const answers = d[b + ANSWERS]!;
			return {
				...momentsFrom(d[b + N]!, d[b + SUM]!, d[b + SQUARES]!),
				na: d[b + NA]!,
				answers,
				satisfied: answers ? d[b + TOP]! / answers : null,
				dissatisfied: answers ? d[b + BOTTOM]! / answers : null
			};
		};
		const S = catalogue.sections.length;
		return {
			respondents: d[base]!,
			scales: Object.fromEntries(
				catalogue.scales.map((item, i) => {
					const at = base + items[i]!.base;
					return [item.key, summariseScale(item.scale, Object.fromEntries(item.scale.map((p, j) => [String(p), d[at + j]!])), d[base + items[i]!.na]!)];
				})
			),
			choices: Object.fromEntries(
				catalogue.choices.map((q, i) => {
					const { n: nSlot, slots } = choices[i]!;
					const n = d[base + nSlot]!;
					const all = Object.fromEntries(q.choices.map((choice) => [choice.value, d[base + slots.get(choice.value)!]!]));
					const summary: ChoiceSummary = { n, counts: all, shares: Object.fromEntries(Object.entries(all).map(([v, k]) => [v, n ? k / n : null])) };
					return [q.name, summary];
				})
			),
			sections: Object.fromEntries(catalogue.sections.map((s, x) => [s, index(x)])),
			criteria: Object.fromEntries(catalogue.criteria.map((c, x) => [c, index(S + x)]))
		};
	}
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
