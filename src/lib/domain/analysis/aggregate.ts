import type { Catalogue, ScaleItem } from './catalogue.ts';
import { momentsFrom, summariseScale, type Moments, type ScaleSummary } from './stats.ts';

/** One submitted response with what it is broken down by. */
export interface Respondent {
	id: string;
	answers: Record<string, unknown>;
	/** ITU-D region code of the entity, null when it has none. */
	region: string | null;
	/** Member category: the entity's kind (member_state, sector_member, ...). */
	category: string;
	/** Sectors the entity is a member of (entity_sector); empty for Member States. */
	sectors: string[];
	/** The language the response was given in. */
	language: string;
}

export interface ChoiceSummary {
	/** Respondents who answered the question. */
	n: number;
	counts: Record<string, number>;
	/** counts / n: for multiple choice, the share of respondents who ticked the choice. */
	shares: Record<string, number | null>;
}

/**
 * An index over several scale items (a section, a Resolution 25 criterion): the mean
 * over respondents of each respondent's mean of the items they rated, so that a
 * respondent who rated many items weighs as much as one who rated few.
 */
export interface IndexSummary extends Moments {
	/** Valid item answers pooled over the items (the base of the two shares). */
	answers: number;
	satisfied: number | null;
	dissatisfied: number | null;
}

export interface AnalysisResult {
	respondents: number;
	scales: Record<string, ScaleSummary>;
	choices: Record<string, ChoiceSummary>;
	sections: Record<string, IndexSummary>;
	criteria: Record<string, IndexSummary>;
}

/** The numeric answer of a respondent to a scale item, 'na', or undefined (not answered / invalid). */
export function scaleAnswer(item: ScaleItem, answers: Record<string, unknown>): number | 'na' | undefined {
	let raw = answers[item.question];
	if (item.row !== null) raw = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[item.row] : undefined;
	if (raw === undefined || raw === null || raw === '') return undefined;
	if (item.naValue !== null && String(raw) === item.naValue) return 'na';
	const value = Number(raw);
	return item.scale.includes(value) ? value : undefined;
}

interface IndexAccumulator {
	n: number;
	sum: number;
	sumSquares: number;
	answers: number;
	top: number;
	bottom: number;
}

const emptyIndex = (): IndexAccumulator => ({ n: 0, sum: 0, sumSquares: 0, answers: 0, top: 0, bottom: 0 });

function finishIndex(a: IndexAccumulator): IndexSummary {
	return { ...momentsFrom(a.n, a.sum, a.sumSquares), answers: a.answers, satisfied: a.answers ? a.top / a.answers : null, dissatisfied: a.answers ? a.bottom / a.answers : null };
}

/** Every figure of the report for one group of respondents. */
export function aggregate(catalogue: Catalogue, respondents: readonly Respondent[]): AnalysisResult {
	const scaleCounts = catalogue.scales.map(() => ({ counts: {} as Record<string, number>, na: 0 }));
	const choiceCounts = catalogue.choices.map(() => ({ n: 0, counts: {} as Record<string, number> }));
	const sections = new Map(catalogue.sections.map((s) => [s, emptyIndex()]));
	const criteria = new Map(catalogue.criteria.map((c) => [c, emptyIndex()]));
	// Per-respondent partial sums, reused between respondents to avoid allocation.
	const own = new Map<IndexAccumulator, { sum: number; count: number }>();

	for (const r of respondents) {
		own.clear();
		catalogue.scales.forEach((item, i) => {
			const value = scaleAnswer(item, r.answers);
			if (value === undefined) return;
			const acc = scaleCounts[i]!;
			if (value === 'na') {
				acc.na++;
				return;
			}
			acc.counts[value] = (acc.counts[value] ?? 0) + 1;
			const top = value >= item.scale[1]! ? 1 : 0;
			const bottom = value <= item.scale[item.scale.length - 2]! ? 1 : 0;
			for (const index of [sections.get(item.section)!, ...item.criteria.map((c) => criteria.get(c)!)]) {
				index.answers++;
				index.top += top;
				index.bottom += bottom;
				const mine = own.get(index) ?? { sum: 0, count: 0 };
				mine.sum += value;
				mine.count++;
				own.set(index, mine);
			}
		});
		for (const [index, mine] of own) {
			const mean = mine.sum / mine.count;
			index.n++;
			index.sum += mean;
			index.sumSquares += mean * mean;
		}
		catalogue.choices.forEach((q, i) => {
			const raw = r.answers[q.name];
			const values = Array.isArray(raw) ? raw.map(String) : raw === undefined || raw === null || raw === '' ? [] : [String(raw)];
			if (values.length === 0) return;
			const acc = choiceCounts[i]!;
			acc.n++;
			for (const v of new Set(values)) acc.counts[v] = (acc.counts[v] ?? 0) + 1;
		});
	}

	return {
		respondents: respondents.length,
		scales: Object.fromEntries(catalogue.scales.map((item, i) => [item.key, summariseScale(item.scale, scaleCounts[i]!.counts, scaleCounts[i]!.na)])),
		choices: Object.fromEntries(
			catalogue.choices.map((q, i) => {
				const { n, counts } = choiceCounts[i]!;
				const all = Object.fromEntries(q.choices.map((c) => [c.value, counts[c.value] ?? 0]));
				return [q.name, { n, counts: all, shares: Object.fromEntries(Object.entries(all).map(([v, c]) => [v, n ? c / n : null])) }];
			})
		),
		sections: Object.fromEntries([...sections].map(([s, a]) => [s, finishIndex(a)])),
		criteria: Object.fromEntries([...criteria].map(([c, a]) => [c, finishIndex(a)]))
	};
}
