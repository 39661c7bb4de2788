import { localize } from '../../../domain/analysis/catalogue.ts';
import type { IndexSummary } from '../../../domain/analysis/aggregate.ts';
import type { ChoiceSummary } from '../../../domain/analysis/aggregate.ts';
import { isMultiValued, NO_GROUP, type Dimension } from '../../../domain/analysis/dimensions.ts';
import type { ScaleSummary } from '../../../domain/analysis/stats.ts';
import { isSuppressed, type Masked, type PublishedResult } from '../../../domain/analysis/suppression.ts';
import { LOCALE_NATIVE_NAMES, isLocale, surveyCoreLocale, type Locale } from '../../../domain/locales.ts';
import type { EditionResults } from '../results.ts';
import { REPORT_TEXT } from './report-text.ts';
import { countsLowFirst } from '../../../domain/report/chart-layout.ts';
import { meanIntervalAlt, type MeanIntervalInput } from './charts/chart-council.ts';

/**
 * The results page's tables, labelled in the reader's language: the page only
 * formats numbers. Suppressed figures stay `{ suppressed: true }` all the way down.
 */
export interface Figure {
	suppressed: boolean;
	n: number | null;
	na: number | null;
	mean: number | null;
	ci95: [number, number] | null;
	satisfied: number | null;
	dissatisfied: number | null;
	/** A scale item's answers per point, lowest (very dissatisfied) first; null for indices and hidden figures. */
	counts: number[] | null;
}

export interface ChoiceFigure {
	suppressed: boolean;
	n: number;
	counts: Record<string, number>;
	shares: Record<string, number | null>;
}

const HIDDEN: Figure = { suppressed: true, n: null, na: null, mean: null, ci95: null, satisfied: null, dissatisfied: null, counts: null };

/** Flattens a masked figure into one shape the page can read without narrowing. */
export function figureOf(f: Masked<ScaleSummary | IndexSummary> | undefined): Figure {
	if (f === undefined || isSuppressed(f)) return HIDDEN;
	return {
		suppressed: false,
		n: f.n,
		na: 'na' in f ? f.na : null,
		mean: f.mean,
		ci95: f.ci95,
		satisfied: f.satisfied,
		dissatisfied: f.dissatisfied,
		counts: 'counts' in f ? countsLowFirst(f.counts) : null
	};
}

function choiceOf(f: Masked<ChoiceSummary> | undefined): ChoiceFigure {
	if (f === undefined || isSuppressed(f)) return { suppressed: true, n: 0, counts: {}, shares: {} };
	return { suppressed: false, ...f };
}

export interface FigureRow {
	key: string;
	label: string;
	figure: Figure;
}

export interface ResultsView {
	columns: (typeof REPORT_TEXT)['en']['col'];
	sectionsHeading: string;
	criteriaHeading: string;
	questionsHeading: string;
	/** The section chart's text alternative (chart.png draws the same input). */
	chartAlt: string;
	sections: FigureRow[];
	criteria: FigureRow[];
	items: FigureRow[];
	choices: { name: string; title: string; figure: ChoiceFigure; labels: Record<string, string> }[];
	breakdown: { multi: boolean; groups: { key: string; label: string; respondents: number }[]; rows: { label: string; cells: Figure[] }[] } | null;
	/** Cells show the cross-tabulation index with its n: the count suppression decides on, not the respondents. */
	crossTab: {
		caption: string;
		rowKeys: string[];
		columnKeys: string[];
		rowLabels: string[];
		columnLabels: string[];
		cells: Figure[][];
		rowMargins: Figure[];
		columnMargins: Figure[];
		total: Figure;
	} | null;
}

/** Index shown in cross-tabulation cells: the overall assessment section when present. */
const CROSS_TAB_SECTION = 'overall';

export function buildResultsView(results: EditionResults, locale: Locale, regionNames: Record<string, string>): ResultsView {
	const t = REPORT_TEXT[locale];
	const sl = surveyCoreLocale(locale);
	const { catalogue } = results;
	const itemLabel = (key: string) => {
		const s = catalogue.scales.find((i) => i.key === key)!;
		return s.rowTitle === null ? localize(s.title, sl) : `${localize(s.title, sl)}: ${localize(s.rowTitle, sl)}`;
	};
	const rowsOf = (r: PublishedResult) => ({
		sections: catalogue.sections.map((s) => ({ key: s, label: t.sectionNames[s] ?? s, figure: figureOf(r.sections[s]) })),
		criteria: catalogue.criteria.map((c) => ({ key: c, label: t.criterionNames[c] ?? c, figure: figureOf(r.criteria[c]) })),
		items: catalogue.scales.map((s) => ({ key: s.key, label: itemLabel(s.key), figure: figureOf(r.scales[s.key]) }))
	});
	const choiceLabels = (name: string) =>
		Object.fromEntries((catalogue.choices.find((c) => c.name === name)?.choices ?? []).map((c) => [c.value, localize(c.label, sl)]));
	const groupLabel = (dimension: Dimension, key: string): string => {
		if (key === NO_GROUP) return '–';
		if (dimension === 'region') return regionNames[key] ?? key;
		if (dimension === 'language') return isLocale(key) ? LOCALE_NATIVE_NAMES[key] : key;
		if (dimension === 'office') return choiceLabels('offices_dealt_with')[key] ?? key;
		if (dimension === 'category') return choiceLabels('respondent_category')[key] ?? key;
		return choiceLabels('sectors_involved')[key] ?? key;
	};
	const overall = rowsOf(results.overall);
	const cell = (r: PublishedResult) => figureOf(r.sections[CROSS_TAB_SECTION]);
	const b = results.breakdown;
	const x = results.crossTab;
	return {
		columns: t.col,
		sectionsHeading: t.sections,
		criteriaHeading: t.criteria,
		questionsHeading: t.questions,
		chartAlt: meanIntervalAlt(sectionChartInput(overall.sections), locale),
		...overall,
		choices: catalogue.choices.map((c) => ({
			name: c.name,
			title: localize(c.title, sl),
			figure: choiceOf(results.overall.choices[c.name]),
			labels: choiceLabels(c.name)
		})),
		breakdown: b && {
			multi: isMultiValued(b.dimension),
			groups: b.groups.map((g) => ({ key: g.key, label: groupLabel(b.dimension, g.key), respondents: g.result.respondents })),
			rows: [...overall.sections, ...overall.criteria, ...overall.items].map((row, i) => {
				const pick = (r: PublishedResult) => [...rowsOf(r).sections, ...rowsOf(r).criteria, ...rowsOf(r).items][i]!.figure;
				return { label: row.label, cells: b.groups.map((g) => pick(g.result)) };
			})
		},
		crossTab: x && {
			caption: `${t.sectionNames[CROSS_TAB_SECTION] ?? CROSS_TAB_SECTION}: ${t.col.mean} (${t.col.n})`,
			rowKeys: x.rowKeys,
			columnKeys: x.columnKeys,
			rowLabels: x.rowKeys.map((k) => groupLabel(x.rows, k)),
			columnLabels: x.columnKeys.map((k) => groupLabel(x.columns, k)),
			cells: x.cells.map((row) => row.map(cell)),
			rowMargins: x.rowMargins.map(cell),
			columnMargins: x.columnMargins.map(cell),
			total: cell(x.total)
		}
	};
}

/** The rating scale of the survey's indices and items. */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

/** The section chart of the results pages: each section's mean index with its 95% interval. */
export function sectionChartInput(sections: readonly FigureRow[]): MeanIntervalInput {
	return { min: SCALE_MIN, max: SCALE_MAX, rows: sections.map((s) => ({ label: s.label, mean: s.figure.mean, ci95: s.figure.ci95, n: s.figure.n })) };
}
