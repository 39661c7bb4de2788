import type { Db } from '../db/create-db.ts';
import { ForbiddenError, InvalidInputError } from '../../domain/errors.ts';
import { can } from '../../domain/access/permissions.ts';
import { aggregateAll } from '../../domain/analysis/one-pass.ts';
import type { Catalogue, LocalizedText } from '../../domain/analysis/catalogue.ts';
import { isDimension, type Dimension } from '../../domain/analysis/dimensions.ts';
import {
	publishBreakdown,
	publishCrossTab,
	publishResult,
	type PublishedBreakdown,
	type PublishedCrossTab,
	type PublishedResult
} from '../../domain/analysis/suppression.ts';
import { editionStatus, type StatusRow } from '../distribution/editions/editions.ts';
import { loadEditionData, type EditionData } from './data.ts';
import { analysisMinCount } from './settings.ts';

/**
 * Who is looking, as far as analysis is concerned. Only analysts and administrators
 * have raw-data rights; a regional office sees its own region's aggregates; everyone
 * else (council, coordinators, authors) sees suppressed aggregates of the whole edition.
 */
export interface AnalysisViewer {
	rawData: boolean;
	region: string | null;
}

const RAW_DATA_ROLES = new Set(['admin', 'analyst']);

export function viewerFor(user: { role: string; region_code: string | null }): AnalysisViewer {
	if (RAW_DATA_ROLES.has(user.role)) return { rawData: true, region: null };
	if (user.role === 'regional_office') {
		if (!user.region_code) throw new ForbiddenError('this regional office account has no region');
		return { rawData: false, region: user.region_code };
	}
	return { rawData: false, region: null };
}

/** The suppression threshold a viewer gets: 0 (nothing hidden) with raw-data rights. */
export function effectiveMinCount(viewer: AnalysisViewer, minCount = analysisMinCount()): number {
	return viewer.rawData ? 0 : minCount;
}

export interface ResultsRequest {
	by?: string | null;
	rows?: string | null;
	columns?: string | null;
}

export interface EditionResults {
	edition: { slug: string; title: string; state: string };
	/** The questionnaire's own title, in its languages. */
	surveyTitle: LocalizedText | null;
	catalogue: Catalogue;
	viewer: AnalysisViewer;
	/** 0 when nothing is suppressed. */
	minCount: number;
	overall: PublishedResult;
	breakdown: PublishedBreakdown | null;
	crossTab: PublishedCrossTab | null;
	rates: StatusRow[];
	lastSubmittedAt: string | null;
}

function dimension(value: string | null | undefined, name: string): Dimension | null {
	if (value === undefined || value === null || value === '') return null;
	if (!isDimension(value)) throw new InvalidInputError(`${name} must be one of region, category, office, sector, language (got "${value}")`);
	return value;
}

/**
 * The results of an edition as the viewer may see them. Suppression is applied here,
 * in the service, so that every screen and export built on it hides the same cells.
 */
export async function editionResults(
	db: Db,
	slug: string,
	viewer: AnalysisViewer,
	request: ResultsRequest = {},
	minCount = analysisMinCount()
): Promise<EditionResults> {
	// The request is checked before anything is read.
	const dimensions = resultsDimensions(request);
	const data = await loadEditionData(db, slug, viewer.region);
	return resultsOf(data, await editionStatus(db, slug), viewer, dimensions, minCount);
}

interface Dimensions {
	by: Dimension | null;
	rows: Dimension | null;
	columns: Dimension | null;
}

export function resultsDimensions(request: ResultsRequest): Dimensions {
	const by = dimension(request.by, 'by');
	const rows = dimension(request.rows, 'rows');
	const columns = dimension(request.columns, 'columns');
	if ((rows === null) !== (columns === null)) throw new InvalidInputError('a cross-tabulation needs both rows and columns');
	if (rows !== null && rows === columns) throw new InvalidInputError('a cross-tabulation needs two different dimensions');
	return { by, rows, columns };
}

/** The viewer's results from data already loaded (loadEditionData with the viewer's region): no query. */
export function resultsOf(
	data: EditionData,
	status: { byRegion: StatusRow[]; total: StatusRow },
	viewer: AnalysisViewer,
	{ by, rows, columns }: Dimensions,
	minCount = analysisMinCount()
): EditionResults {
	const k = effectiveMinCount(viewer, minCount);
	const rates = viewer.region === null ? [...status.byRegion, status.total] : status.byRegion.filter((r) => r.region === viewer.region);
	// One pass for the overall result, the breakdown and the cross-tabulation asked for.
	const all = aggregateAll(data.catalogue, data.respondents, { crossTabs: rows && columns ? [[rows, columns]] : false });
	const b = by ? all.breakdown(by) : null;
	return {
		edition: { slug: data.edition.slug, title: data.edition.title, state: data.edition.state },
		surveyTitle: (data.definition.title as LocalizedText | undefined) ?? null,
		catalogue: data.catalogue,
		viewer,
		minCount: k,
		overall: b ? publishBreakdown(b, k).total : publishResult(all.overall, k),
		breakdown: b ? publishBreakdown(b, k) : null,
		crossTab: rows && columns ? publishCrossTab(all.crossTab(rows, columns), k) : null,
		rates,
		lastSubmittedAt: data.lastSubmittedAt
	};
}

/** Who may download the stored Council reports (suppressed aggregates of every region): PERMISSIONS, the one table. */
export function canReadReports(role: string): boolean {
	return can({ role, region_code: null }, 'reports.read_published');
}

/** Who may generate them (logged; stores a document for the Council), import previous editions, publish. */
export function canGenerateReports(role: string): boolean {
	return can({ role, region_code: null }, 'analysis.manage');
}
