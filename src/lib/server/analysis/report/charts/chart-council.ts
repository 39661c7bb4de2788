import type { Locale } from '../../../../domain/locales.ts';
import { drawComparison, drawDistribution, drawIntervals } from './chart-draw.ts';
import { chartText } from './chart-text.ts';

/**
 * The report's charts (issue 15 item 4), for the Council document and the results
 * pages. Each returns the PNG with its pixel size, the same figures as a table (to
 * print below the chart) and a text alternative, all in the reader's language.
 * Texts come from the message catalogues (keys ch_*, chart-text.ts), numbers from Intl.
 */
export interface ChartTable {
	header: string[];
	rows: string[][];
}

export interface ChartOutput {
	png: Buffer;
	width: number;
	height: number;
	table: ChartTable;
	alt: string;
}

export interface DistributionRow {
	label: string;
	/** Counts per scale point from the lowest (very dissatisfied) to the highest; null when suppressed. */
	counts: readonly number[] | null;
	/** "No interaction / don't know" answers. */
	na: number;
}
export interface DistributionInput {
	rows: readonly DistributionRow[];
}

export interface IntervalRow {
	label: string;
	/** Null when suppressed. */
	mean: number | null;
	ci95: readonly [number, number] | null;
	n: number | null;
}
export interface MeanIntervalInput {
	rows: readonly IntervalRow[];
	/** The rating scale, e.g. 1 and 5. */
	min: number;
	max: number;
}

export interface ComparisonRow {
	label: string;
	previous: number | null;
	current: number | null;
	/** Whether the change is significant at 95% (null when not tested). */
	significant?: boolean | null;
}
export interface ComparisonInput {
	rows: readonly ComparisonRow[];
	/** How each survey is named in the legend and table, e.g. "2022" and "2026". */
	previousLabel: string;
	currentLabel: string;
	min: number;
	max: number;
}

function format(locale: Locale) {
	const num = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
	const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
	const signed = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
	const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
	return { num: (v: number) => num.format(v), pct: (v: number) => pct.format(v), signed: (v: number) => signed.format(v), int: (v: number) => int.format(v) };
}

export function pointLabels(points: number, locale: Locale): string[] {
	const five = [
		chartText(locale, 'ch_point_1'),
		chartText(locale, 'ch_point_2'),
		chartText(locale, 'ch_point_3'),
		chartText(locale, 'ch_point_4'),
		chartText(locale, 'ch_point_5')
	];
	return points === 5 ? five : Array.from({ length: points }, (_, i) => String(i + 1));
}

const satisfiedShare = (counts: readonly number[]) => {
	const total = counts.reduce((a, b) => a + b, 0);
	return total ? (counts.at(-1)! + (counts.length > 3 ? counts.at(-2)! : 0)) / total : null;
};

/** The figures of a distribution chart: shares of valid answers per point, "don't know" and n. */
export function distributionTable(input: DistributionInput, locale: Locale): ChartTable {
	const f = format(locale);
	const points = input.rows.find((r) => r.counts)?.counts?.length ?? 5;
	return {
		header: [chartText(locale, 'ch_item'), ...pointLabels(points, locale), chartText(locale, 'ch_dont_know'), chartText(locale, 'ch_valid_n')],
		rows: input.rows.map((r) => {
			if (!r.counts) return [r.label, chartText(locale, 'ch_suppressed'), ...Array<string>(points + 1).fill('')];
			const n = r.counts.reduce((a, b) => a + b, 0);
			return [r.label, ...r.counts.map((c) => (n ? f.pct(c / n) : '–')), f.int(r.na), f.int(n)];
		})
	};
}

export async function distributionChart(input: DistributionInput, locale: Locale): Promise<ChartOutput> {
	const f = format(locale);
	const points = input.rows.find((r) => r.counts)?.counts?.length ?? 5;
	const drawn = await drawDistribution({
		rows: input.rows.map((r) => ({ label: r.label, counts: r.counts, na: r.na })),
		pointLabels: pointLabels(points, locale),
		dontKnowLabel: chartText(locale, 'ch_dont_know'),
		suppressedLabel: chartText(locale, 'ch_suppressed'),
		pct: f.pct,
		axisPct: f.pct,
		rtl: locale === 'ar'
	});
	const ranked = input.rows
		.flatMap((r) => (r.counts && satisfiedShare(r.counts) !== null ? [{ label: r.label, share: satisfiedShare(r.counts)! }] : []))
		.sort((a, b) => b.share - a.share);
	const best = ranked[0];
	const worst = ranked.at(-1);
	// One item: "most and least satisfied" would name it twice, and "1 items" is not a sentence.
	const only = input.rows.length === 1 ? input.rows[0] : null;
	const alt = only
		? chartText(locale, 'ch_alt_distribution_one', { item: only.label, share: best ? f.pct(best.share) : '–' })
		: chartText(locale, 'ch_alt_distribution', {
				count: input.rows.length,
				best: best?.label ?? '–',
				bestShare: best ? f.pct(best.share) : '–',
				worst: worst?.label ?? '–',
				worstShare: worst ? f.pct(worst.share) : '–'
			});
	return { ...drawn, table: distributionTable(input, locale), alt };
}

export function meanIntervalTable(input: MeanIntervalInput, locale: Locale): ChartTable {
	const f = format(locale);
	return {
		header: [chartText(locale, 'ch_item'), chartText(locale, 'ch_mean'), chartText(locale, 'ch_ci'), chartText(locale, 'ch_valid_n')],
		rows: input.rows.map((r) =>
			r.mean === null
				? [r.label, chartText(locale, 'ch_suppressed'), '', '']
				: [r.label, f.num(r.mean), r.ci95 ? `${f.num(r.ci95[0])} – ${f.num(r.ci95[1])}` : '–', r.n === null ? '–' : f.int(r.n)]
		)
	};
}

export async function meanIntervalChart(input: MeanIntervalInput, locale: Locale): Promise<ChartOutput> {
	const f = format(locale);
	const drawn = await drawIntervals({
		rows: [...input.rows],
		min: input.min,
		max: input.max,
		meanLabel: chartText(locale, 'ch_mean'),
		ciLabel: chartText(locale, 'ch_ci'),
		suppressedLabel: chartText(locale, 'ch_suppressed'),
		num: f.num,
		rtl: locale === 'ar'
	});
	return { ...drawn, table: meanIntervalTable(input, locale), alt: meanIntervalAlt(input, locale) };
}

/** The dot plot's text alternative, without drawing it (the results page's img alt). */
export function meanIntervalAlt(input: MeanIntervalInput, locale: Locale): string {
	const f = format(locale);
	const ranked = input.rows.filter((r) => r.mean !== null).sort((a, b) => b.mean! - a.mean!);
	const best = ranked[0];
	const worst = ranked.at(-1);
	if (input.rows.length === 1)
		return chartText(locale, 'ch_alt_means_one', {
			item: input.rows[0]!.label,
			min: f.int(input.min),
			max: f.int(input.max),
			mean: best ? f.num(best.mean!) : '–'
		});
	return chartText(locale, 'ch_alt_means', {
		count: input.rows.length,
		min: f.int(input.min),
		max: f.int(input.max),
		best: best?.label ?? '–',
		bestMean: best ? f.num(best.mean!) : '–',
		worst: worst?.label ?? '–',
		worstMean: worst ? f.num(worst.mean!) : '–'
	});
}

export function comparisonTable(input: ComparisonInput, locale: Locale): ChartTable {
	const f = format(locale);
	const yesNo = (s: boolean | null | undefined) => (s === true ? chartText(locale, 'ch_yes') : s === false ? chartText(locale, 'ch_no') : '–');
	return {
		header: [chartText(locale, 'ch_item'), input.previousLabel, input.currentLabel, chartText(locale, 'ch_change'), chartText(locale, 'ch_significant')],
		rows: input.rows.map((r) => [
			r.label,
			r.previous === null ? '–' : f.num(r.previous),
			r.current === null ? '–' : f.num(r.current),
			r.previous !== null && r.current !== null ? f.signed(r.current - r.previous) : '–',
			yesNo(r.significant)
		])
	};
}

export async function comparisonChart(input: ComparisonInput, locale: Locale): Promise<ChartOutput> {
	const f = format(locale);
	const drawn = await drawComparison({
		rows: input.rows.map((r) => ({ label: r.label, previous: r.previous, current: r.current, significant: r.significant === true })),
		min: input.min,
		max: input.max,
		previousLabel: input.previousLabel,
		currentLabel: input.currentLabel,
		significantNote: chartText(locale, 'ch_significant_note'),
		suppressedLabel: chartText(locale, 'ch_suppressed'),
		num: f.num,
		signed: f.signed,
		rtl: locale === 'ar'
	});
	const paired = input.rows.filter((r) => r.previous !== null && r.current !== null);
	const alt = chartText(locale, 'ch_alt_comparison', {
		count: input.rows.length,
		previous: input.previousLabel,
		current: input.currentLabel,
		up: f.int(paired.filter((r) => r.current! > r.previous!).length),
		down: f.int(paired.filter((r) => r.current! < r.previous!).length),
		significant: f.int(paired.filter((r) => r.significant === true).length)
	});
	return { ...drawn, table: comparisonTable(input, locale), alt };
}
