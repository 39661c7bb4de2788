import type { AnalysisResult, ChoiceSummary, IndexSummary } from './aggregate.ts';
import { momentsFrom, summariseScale } from './stats.ts';
import { ANSWERS, BOTTOM, INDEX_SLOTS, N, NA, SQUARES, SUM, TOP, type Contribution, type Layout } from './one-pass-slots.ts';

/**
 * The one pass's sums (see one-pass.ts): a row per group in one growing array, and the
 * results built from a row, as aggregate() would return them.
 */

/** One row of sums per group, in one growing array. */
export class Accumulator {
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
