import jStat from 'jstat';

/**
 * Descriptive statistics of one scale item or index. A 95% confidence interval of
 * the mean uses Student's t (n - 1 degrees of freedom): with the small groups of a
 * regional breakdown the normal 1.96 would claim too much precision.
 */
export interface ScaleSummary {
	/** Valid answers on the scale ("na" excluded). */
	n: number;
	/** "No interaction / don't know" answers: reported, not in the mean. */
	na: number;
	/** Count per scale point, keyed by the point as text ("5" .. "1"). */
	counts: Record<string, number>;
	mean: number | null;
	sd: number | null;
	ci95: [number, number] | null;
	/** Share of valid answers in the top two points (e.g. 5 and 4). */
	satisfied: number | null;
	/** Share of valid answers in the bottom two points (e.g. 2 and 1). */
	dissatisfied: number | null;
}

/**
 * The 97.5% quantile of Student's t with `df` degrees of freedom (two-sided 95%), exact
 * (jStat inverts the regularised incomplete beta function; within 1e-7 of scipy's t.ppf
 * for every df from 1 to 2000).
 * It replaces a table read at 40, 60 and 120 df and 1.96 beyond, which made intervals
 * of groups between those points up to 1% too narrow.
 */
export function tQuantile975(df: number): number {
	if (!(df >= 1)) return Number.NaN;
	return jStat.studentt.inv(0.975, df);
}

export interface Moments {
	n: number;
	mean: number | null;
	sd: number | null;
	ci95: [number, number] | null;
}

/** Mean, sample standard deviation and 95% CI from n, sum and sum of squares. */
export function momentsFrom(n: number, sum: number, sumSquares: number): Moments {
	if (n === 0) return { n, mean: null, sd: null, ci95: null };
	const mean = sum / n;
	if (n === 1) return { n, mean, sd: null, ci95: null };
	// Guard against a tiny negative variance from floating-point cancellation.
	const variance = Math.max(0, (sumSquares - n * mean * mean) / (n - 1));
	const sd = Math.sqrt(variance);
	const half = (tQuantile975(n - 1) * sd) / Math.sqrt(n);
	return { n, mean, sd, ci95: [mean - half, mean + half] };
}

/** Summarises counts per scale point (scale listed highest first) and the "na" count. */
export function summariseScale(scale: readonly number[], counts: Record<string, number>, na: number): ScaleSummary {
	let n = 0;
	let sum = 0;
	let sumSquares = 0;
	for (const point of scale) {
		const c = counts[String(point)] ?? 0;
		n += c;
		sum += c * point;
		sumSquares += c * point * point;
	}
	const { mean, sd, ci95 } = momentsFrom(n, sum, sumSquares);
	const share = (points: readonly number[]) => (n === 0 ? null : points.reduce((s, p) => s + (counts[String(p)] ?? 0), 0) / n);
	return {
		n,
		na,
		counts: Object.fromEntries(scale.map((p) => [String(p), counts[String(p)] ?? 0])),
		mean,
		sd,
		ci95,
		satisfied: share(scale.slice(0, 2)),
		dissatisfied: share(scale.slice(-2))
	};
}
