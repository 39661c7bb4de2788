import { createHash } from 'node:crypto';
import { aggregate, type AnalysisResult, type Respondent } from '../../../domain/analysis/aggregate.ts';
import type { Catalogue, LocalizedText } from '../../../domain/analysis/catalogue.ts';
import { breakdown, DIMENSIONS, type CrossTab, type Dimension } from '../../../domain/analysis/dimensions.ts';
import { aggregateAll, type OnePassPart } from '../../../domain/analysis/one-pass.ts';
import { basisLine, figureKeys, type Basis } from '../../../domain/analysis/release-rule.ts';
import {
	publishBreakdown,
	publishCrossTab,
	publishResult,
	type PublishedBreakdown,
	type PublishedCrossTab,
	type PublishedResult
} from '../../../domain/analysis/suppression.ts';
import { InvalidInputError } from '../../../domain/errors.ts';
import type { EditionData } from '../data.ts';
import type { AnalysisViewer, EditionResults, ResultsRequest } from '../results.ts';
import type { ThemeCount } from '../comments.ts';
import type { StatusRow } from '../../distribution/editions/editions.ts';
import type { WaveView } from '../waves/waves.ts';
import type { GroupRate } from '../analysis-release-rates.ts';

/**
 * What a release keeps: every view a reader without raw-data rights can ask for,
 * computed and suppressed once, at release time. Nothing here is an answer.
 */
export interface ReleaseSnapshot {
	edition: { slug: string; title: string; state: string };
	surveyTitle: LocalizedText | null;
	catalogue: Catalogue;
	minCount: number;
	lastSubmittedAt: string | null;
	/** By region, then the total. */
	rates: StatusRow[];
	overall: PublishedResult;
	breakdowns: Record<string, PublishedBreakdown>;
	/** Keyed "rows|columns"; cells keep what the cross-tabulation shows (the section indexes). */
	crossTabs: Record<string, PublishedCrossTab>;
	/** A regional office's view of its own region: overall and one-way breakdowns. */
	regions: Record<string, { overall: PublishedResult; breakdowns: Record<string, PublishedBreakdown> }>;
	waves: WaveView[];
	themes: ThemeCount[];
	/** The Council report's two breakdowns, in the report's group order. */
	report: { byRegion: PublishedBreakdown; byOffice: PublishedBreakdown };
	/** Response rates by member category and Sector (releases made before these were kept lack it). */
	groupRates?: { category: GroupRate[]; sector: GroupRate[] };
}

export interface SnapshotInputs {
	data: EditionData;
	minCount: number;
	rates: StatusRow[];
	regionCodes: string[];
	officeCodes: string[];
	waves: WaveView[];
	themes: ThemeCount[];
	groupRates?: { category: GroupRate[]; sector: GroupRate[] };
}

/** A cross-tabulation cell shows a section index and a count: keep only that. */
function trim(r: PublishedResult): PublishedResult {
	return { respondents: r.respondents, scales: {}, choices: {}, criteria: {}, sections: r.sections };
}

/**
 * The same before suppression: suppression decides figure by figure (each question, choice and index
 * alone), so publishing only the section indexes hides exactly what publishing everything and then
 * trimming did, at a fraction of the work (a release's 20 cross-tabulations were most of its time).
 */
function sectionsOnly(t: CrossTab): CrossTab {
	const only = (r: AnalysisResult): AnalysisResult => ({ respondents: r.respondents, scales: {}, choices: {}, sections: r.sections, criteria: {} });
	return {
		...t,
		cells: t.cells.map((row) => row.map(only)),
		rowMargins: t.rowMargins.map(only),
		columnMargins: t.columnMargins.map(only),
		total: only(t.total)
	};
}

function trimCrossTab(t: PublishedCrossTab): PublishedCrossTab {
	return {
		...t,
		cells: t.cells.map((row) => row.map(trim)),
		rowMargins: t.rowMargins.map(trim),
		columnMargins: t.columnMargins.map(trim),
		total: trim(t.total)
	};
}

function breakdownsOf(catalogue: Catalogue, respondents: readonly Respondent[], k: number): Record<string, PublishedBreakdown> {
	return Object.fromEntries(DIMENSIONS.map((d) => [d, publishBreakdown(breakdown(catalogue, respondents, d), k)]));
}

function publishedBreakdowns(part: OnePassPart, k: number): Record<string, PublishedBreakdown> {
	return Object.fromEntries(DIMENSIONS.map((d) => [d, publishBreakdown(part.breakdown(d), k)]));
}

export function buildSnapshot(input: SnapshotInputs): ReleaseSnapshot {
	const { data, minCount: k } = input;
	const { catalogue, respondents } = data;
	// Every figure of the release (overall, breakdowns, cross-tabulations, each region's part) in one pass over the responses.
	const all = aggregateAll(catalogue, respondents, { crossTabs: true, partOf: (r) => r.region });
	const crossTabs: Record<string, PublishedCrossTab> = {};
	for (const rows of DIMENSIONS)
		for (const columns of DIMENSIONS)
			if (rows !== columns) crossTabs[`${rows}|${columns}`] = trimCrossTab(publishCrossTab(sectionsOnly(all.crossTab(rows, columns)), k));
	const regions: ReleaseSnapshot['regions'] = {};
	for (const code of input.regionCodes) {
		const own = all.part(code);
		regions[code] = { overall: publishResult(own.overall, k), breakdowns: publishedBreakdowns(own, k) };
	}
	return {
		edition: { slug: data.edition.slug, title: data.edition.title, state: data.edition.state },
		surveyTitle: (data.definition.title as LocalizedText | undefined) ?? null,
		catalogue,
		minCount: k,
		lastSubmittedAt: data.lastSubmittedAt,
		rates: input.rates,
		overall: publishResult(all.overall, k),
		breakdowns: publishedBreakdowns(all, k),
		crossTabs,
		regions,
		waves: input.waves,
		themes: input.themes,
		groupRates: input.groupRates,
		report: {
			byRegion: publishBreakdown(all.breakdown('region', input.regionCodes), k),
			byOffice: publishBreakdown(all.breakdown('office', input.officeCodes), k)
		}
	};
}

/** The release rule's record of who is in the release; see release-rule.ts. */
export function buildBasis(data: EditionData): Basis {
	const figures = figureKeys(data.catalogue);
	const fingerprint = (r: Respondent) =>
		createHash('sha256')
			.update(JSON.stringify([r.answers, r.region, r.category, r.sectors, r.language]))
			.digest('hex')
			.slice(0, 32);
	return { figures, lines: data.respondents.map((r) => basisLine(data.catalogue, r, fingerprint(r), figures)) };
}

function dimension(value: string | null | undefined, name: string): Dimension | null {
	if (value === undefined || value === null || value === '') return null;
	if (!(DIMENSIONS as readonly string[]).includes(value)) throw new InvalidInputError(`${name} must be one of ${DIMENSIONS.join(', ')} (got "${value}")`);
	return value as Dimension;
}

/**
 * The results a viewer without raw-data rights asked for, read from a release.
 * A regional office gets its region's part only (no cross-tabulation: a release
 * keeps those for the whole membership).
 */
export function resultsFromSnapshot(s: ReleaseSnapshot, viewer: AnalysisViewer, request: ResultsRequest = {}): EditionResults {
	const by = dimension(request.by, 'by');
	const rows = dimension(request.rows, 'rows');
	const columns = dimension(request.columns, 'columns');
	if ((rows === null) !== (columns === null)) throw new InvalidInputError('a cross-tabulation needs both rows and columns');
	if (rows !== null && rows === columns) throw new InvalidInputError('a cross-tabulation needs two different dimensions');
	const part =
		viewer.region === null
			? s
			: (s.regions[viewer.region] ?? { overall: publishResult(aggregate(s.catalogue, []), s.minCount), breakdowns: breakdownsOf(s.catalogue, [], s.minCount) });
	const b = by ? (part.breakdowns[by] ?? null) : null;
	return {
		edition: s.edition,
		surveyTitle: s.surveyTitle,
		catalogue: s.catalogue,
		viewer,
		minCount: s.minCount,
		overall: b ? b.total : part.overall,
		breakdown: b,
		crossTab: viewer.region === null && rows && columns ? (s.crossTabs[`${rows}|${columns}`] ?? null) : null,
		rates: viewer.region === null ? s.rates : s.rates.filter((r) => r.region === viewer.region),
		lastSubmittedAt: s.lastSubmittedAt
	};
}
