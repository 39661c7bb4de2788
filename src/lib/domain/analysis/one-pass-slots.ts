import type { Catalogue } from './catalogue.ts';
import { scaleAnswer, type Respondent } from './aggregate.ts';

/**
 * The one pass's slot layout (see one-pass.ts): which slot of a group's row each figure
 * adds to, and a response read once into the (slot, amount) pairs it adds to every group it is in.
 */

/** Where each figure of a group lives in its row of the accumulator, and how to read it back. */
export class Layout {
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
export const INDEX_SLOTS = 7;
export const [N, NA, SUM, SQUARES, ANSWERS, TOP, BOTTOM] = [0, 1, 2, 3, 4, 5, 6];

/** One response as (slot, amount) pairs: what it adds to any group it is in. */
export class Contribution {
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
