import { councilOutline, type CouncilSection } from '../../../../domain/report/council-outline.ts';
import { isSuppressed, type Masked } from '../../../../domain/analysis/suppression.ts';
import type { Moments, ScaleSummary } from '../../../../domain/analysis/stats.ts';
import type { IndexSummary } from '../../../../domain/analysis/aggregate.ts';
import { countsLowFirst } from '../../../../domain/report/chart-layout.ts';
import { comparisonChart, distributionChart, meanIntervalChart, type ChartOutput, type DistributionRow, type IntervalRow } from '../charts/chart-council.ts';
import type { LabelledFigure, ReportModel } from './council-docx.ts';

/**
 * The one place where the Council report asks for its charts, section by section (3 to 8): the
 * readable charts of chart-council.ts (issue 15 item 4). Section 3 shows the distribution of every
 * five-point item as diverging stacked bars, one chart per questionnaire section, and the indices as means with their 95% intervals;
 * sections 4 to 6 the overall-satisfaction question group by group (and for all respondents) as a
 * dot plot with intervals; section 7 the criteria likewise; section 8 the comparison with the
 * previous survey as paired dots with arrows. Each chart brings its data table and text alternative.
 */
export interface ReportChart {
	/** What the chart shows (its caption says "Figure n: title"). */
	title: string;
	chart: ChartOutput;
	/** 'distribution': the document prints the chart's table of shares after it (the other charts' figures are in the section's tables). */
	kind: 'distribution' | 'means' | 'comparison';
}

export interface ChartTitles {
	/** "… : distribution of answers" and "… : means with 95% confidence intervals". */
	distribution: (title: string) => string;
	means: (title: string) => string;
	overallBy: (dimension: 'category' | 'region' | 'office') => string;
	/** The row for all respondents in a group chart, and the current survey in the comparison. */
	whole: string;
	current: string;
}

const SCALE_MIN = 1;
const SCALE_MAX = 5;
const FIVE_POINTS = 5;

const plain = <T extends Moments>(f: Masked<T> | null) => (f === null || isSuppressed(f) ? null : f);

function intervalRow(label: string, figure: Masked<ScaleSummary | IndexSummary> | null): IntervalRow {
	const f = plain(figure);
	return { label, mean: f?.mean ?? null, ci95: f?.ci95 ?? null, n: f?.n ?? null };
}

function distributionRow(item: LabelledFigure<ScaleSummary>): DistributionRow {
	const f = plain(item.figure);
	return { label: item.label, counts: f ? countsLowFirst(f.counts) : null, na: f?.na ?? 0 };
}

/** Items rated on five points (very dissatisfied … very satisfied), whose distribution a diverging bar shows. */
const fivePoint = (item: LabelledFigure<ScaleSummary>) => {
	const f = plain(item.figure);
	return f === null || Object.keys(f.counts).length === FIVE_POINTS;
};

async function sectionCharts(section: CouncilSection, model: ReportModel, titles: ChartTitles): Promise<ReportChart[]> {
	const locale = model.locale;
	const means = async (title: string, rows: IntervalRow[]): Promise<ReportChart[]> =>
		rows.length ? [{ title: titles.means(title), kind: 'means', chart: await meanIntervalChart({ rows, min: SCALE_MIN, max: SCALE_MAX }, locale) }] : [];
	switch (section) {
		case 'overall': {
			// One distribution chart per questionnaire section: twenty items in one image would take a whole
			// page that cannot break, leaving the page before it half blank (issue 15's layout review).
			const bySection = new Map<string, LabelledFigure<ScaleSummary>[]>();
			for (const item of model.items.filter(fivePoint)) {
				const group = item.group ?? model.itemsTitle;
				bySection.set(group, [...(bySection.get(group) ?? []), item]);
			}
			const distribution: ReportChart[] = [];
			for (const [group, items] of bySection)
				distribution.push({
					title: titles.distribution(group),
					kind: 'distribution',
					chart: await distributionChart({ rows: items.map(distributionRow) }, locale)
				});
			return [
				...(await means(
					model.sectionsTitle,
					model.sections.map((s) => intervalRow(s.label, s.figure))
				)),
				...distribution
			];
		}
		case 'category':
		case 'region':
		case 'office': {
			const whole = model.items.find((i) => i.label === model.overallQuestion)?.figure ?? null;
			const groups = model.groups[section].filter((g) => g.overall !== null).map((g) => intervalRow(g.label, g.overall));
			return groups.length ? means(titles.overallBy(section), [...groups, intervalRow(titles.whole, whole)]) : [];
		}
		case 'criterion':
			return means(
				model.criteriaTitle,
				model.criteria.map((c) => intervalRow(c.label, c.figure))
			);
		case 'comparison': {
			const wave = model.wave;
			if (!wave || wave.rows.length === 0) return [];
			const rows = wave.rows.map((r) => ({ label: r.label, previous: r.previous, current: r.current, significant: r.significant }));
			const chart = await comparisonChart({ rows, previousLabel: wave.label, currentLabel: titles.current, min: SCALE_MIN, max: SCALE_MAX }, locale);
			return [{ title: wave.title, kind: 'comparison', chart }];
		}
		default:
			return [];
	}
}

/** Every section's charts, drawn before the document is laid out (drawing is asynchronous, layout is not). */
export async function reportCharts(model: ReportModel, titles: ChartTitles): Promise<Map<CouncilSection, ReportChart[]>> {
	const charts = new Map<CouncilSection, ReportChart[]>();
	for (const s of councilOutline().sections) charts.set(s.id, await sectionCharts(s.id, model, titles));
	return charts;
}
