/**
 * Which facts the executive summary states, chosen from released figures (issue 15 item 2). Pure: the
 * generator turns each point into a sentence of the message catalogue in the report's language. The
 * overall-satisfaction question is a summary of the others, so it is reported as the overall result and
 * never as the "strongest" or "weakest" item.
 */
export interface SummaryFigure {
	mean: number | null;
	ci95: [number, number] | null;
}

export interface SummaryItem extends SummaryFigure {
	key: string;
	label: string;
}

export interface SummaryGroup extends SummaryFigure {
	dimension: 'region' | 'category';
	key: string;
	label: string;
}

export interface SummaryInput {
	invited: number;
	submitted: number;
	/** The overall-satisfaction question's key in the catalogue. */
	overallKey: string;
	/** Every five-point item, the overall question included (it is taken out here). */
	items: SummaryItem[];
	/** Share of valid answers "satisfied" or "very satisfied" to the overall question. */
	overallSatisfied: number | null;
	/** The overall question compared with the previous survey, when it was asked then. */
	change: { label: string; previous: number; current: number; difference: number; significant: boolean } | null;
	/** The overall question's figure in each region and member category (suppressed groups: mean null). */
	groups: SummaryGroup[];
	/** How many items are named as strongest and as weakest. */
	extremes?: number;
}

export type SummaryPoint =
	| { kind: 'participation'; submitted: number; invited: number; rate: number | null }
	| { kind: 'overall'; mean: number; satisfied: number | null }
	| { kind: 'change'; label: string; previous: number; current: number; difference: number; significant: boolean }
	| { kind: 'strongest' | 'weakest'; items: { label: string; mean: number }[] }
	| { kind: 'above' | 'below'; dimension: 'region' | 'category'; groups: { label: string; mean: number }[] };

const DEFAULT_EXTREMES = 3;

type Rated<T> = T & { mean: number };
const rated = <T extends SummaryFigure>(list: readonly T[]): Rated<T>[] => list.filter((x): x is Rated<T> => x.mean !== null);

/**
 * A group is "clearly" above (below) the whole when its whole 95% interval lies above (below) the
 * whole's mean: a difference sampling alone would rarely produce, not a ranking of noise.
 */
export function clearlyDifferent(group: SummaryFigure, whole: number): 'above' | 'below' | null {
	if (group.mean === null || group.ci95 === null) return null;
	if (group.ci95[0] > whole) return 'above';
	if (group.ci95[1] < whole) return 'below';
	return null;
}

export function summaryPoints(input: SummaryInput): SummaryPoint[] {
	const points: SummaryPoint[] = [
		{ kind: 'participation', submitted: input.submitted, invited: input.invited, rate: input.invited > 0 ? input.submitted / input.invited : null }
	];
	const overall = input.items.find((i) => i.key === input.overallKey);
	if (overall?.mean != null) points.push({ kind: 'overall', mean: overall.mean, satisfied: input.overallSatisfied });
	if (input.change) points.push({ kind: 'change', ...input.change });
	const n = input.extremes ?? DEFAULT_EXTREMES;
	const others = rated(input.items.filter((i) => i.key !== input.overallKey)).sort((a, b) => b.mean - a.mean || a.label.localeCompare(b.label));
	if (others.length >= 2) {
		const take = Math.min(n, Math.floor(others.length / 2));
		points.push({ kind: 'strongest', items: others.slice(0, take).map(({ label, mean }) => ({ label, mean })) });
		points.push({
			kind: 'weakest',
			items: others
				.slice(-take)
				.reverse()
				.map(({ label, mean }) => ({ label, mean }))
		});
	}
	if (overall?.mean != null) {
		for (const dimension of ['region', 'category'] as const) {
			for (const side of ['above', 'below'] as const) {
				const groups = rated(input.groups.filter((g) => g.dimension === dimension && clearlyDifferent(g, overall.mean!) === side));
				groups.sort((a, b) => (side === 'above' ? b.mean - a.mean : a.mean - b.mean));
				if (groups.length) points.push({ kind: side, dimension, groups: groups.map(({ label, mean }) => ({ label, mean })) });
			}
		}
	}
	return points;
}
