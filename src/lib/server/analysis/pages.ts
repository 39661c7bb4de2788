import type { Db } from '../db/create-db.ts';
import { DIMENSIONS } from '../../domain/analysis/dimensions.ts';
import { localize } from '../../domain/analysis/catalogue.ts';
import { LOCALES, LOCALE_NATIVE_NAMES, surveyCoreLocale, toLocale, type Locale } from '../../domain/locales.ts';
import { listEditions } from '../distribution/editions/editions.ts';
import { listRegions } from '../distribution/reference.ts';
import { commentsIn, listThemes, requireRaw, themeCounts, type CommentFilter } from './comments.ts';
import { loadEditionData } from './data.ts';
import { publicationOf, publishedResults } from './releases/publication.ts';
import { listReleases, resultsForViewer } from './releases.ts';
import { listReports } from './report/report-service.ts';
import { buildResultsView } from './report/results-view.ts';
import { canGenerateReports, canReadReports, viewerFor, type ResultsRequest } from './results.ts';

/**
 * What the results routes show, one use case per page (docs/architecture.md): the route
 * parses, calls one of these and returns it. Each loads the edition's responses at most
 * once and hands the data to the pure functions.
 */

/** The reader as the analysis pages need them (the session's user). */
export interface Reader {
	email: string;
	role: string;
	region_code: string | null;
	language: string;
}

const languages = () => LOCALES.map((l) => ({ code: l, name: LOCALE_NATIVE_NAMES[l] }));

async function regionNamesIn(db: Db, locale: Locale): Promise<Record<string, string>> {
	return Object.fromEntries((await listRegions(db)).map((r) => [r.code, r.name[locale] ?? r.name.en ?? r.code]));
}

/** The results home: every edition. */
export async function resultsEditions(db: Db) {
	return (await listEditions(db)).map((e) => ({ slug: e.slug, title: e.title, state: e.state }));
}

/** One edition's results page: live figures with raw-data rights, else the latest release (never a live query). */
export async function resultsPage(db: Db, slug: string, reader: Reader, request: Required<ResultsRequest>) {
	const locale = toLocale(reader.language);
	const viewer = viewerFor(reader);
	const [{ edition, release, results, waves }, regionNames] = await Promise.all([resultsForViewer(db, slug, viewer, request), regionNamesIn(db, locale)]);
	const [releases, reports, publication] = await Promise.all([
		viewer.rawData ? listReleases(db, slug) : [],
		canReadReports(reader.role) ? listReports(db, slug) : null,
		publicationOf(db, slug)
	]);
	const common = {
		locale,
		rawData: viewer.rawData,
		region: viewer.region === null ? null : (regionNames[viewer.region] ?? viewer.region),
		release,
		releases,
		request,
		dimensions: [...DIMENSIONS],
		reports,
		canGenerate: canGenerateReports(reader.role),
		languages: languages()
	};
	if (!results) return { ...common, edition, results: null, publication };
	return {
		...common,
		edition: { ...edition, title: results.surveyTitle ? localize(results.surveyTitle, surveyCoreLocale(locale)) : edition.title },
		results: {
			minCount: results.minCount,
			respondents: results.overall.respondents,
			lastSubmittedAt: results.lastSubmittedAt,
			rates: results.rates.map((r) => ({ ...r, label: regionNames[r.region] ?? r.region })),
			view: buildResultsView(results, locale, regionNames),
			waves
		},
		publication
	};
}

/** The open answers page (raw-data rights only): the comments, their themes and the questions they answer. */
export async function commentsPage(db: Db, slug: string, reader: Reader, filter: Required<CommentFilter>) {
	const locale = toLocale(reader.language);
	const viewer = viewerFor(reader);
	requireRaw(viewer); // before anything is read
	const data = await loadEditionData(db, slug);
	const [comments, themes, counts, regions] = await Promise.all([
		commentsIn(db, data, viewer, filter),
		listThemes(db, slug),
		themeCounts(db, slug, viewer),
		listRegions(db)
	]);
	return {
		locale,
		slug,
		title: data.edition.title,
		filter,
		comments,
		themes,
		counts,
		questions: data.catalogue.texts.filter((q) => !q.signature && !q.file).map((q) => ({ name: q.name, title: localize(q.title, surveyCoreLocale(locale)) })),
		regions: regions.map((r) => ({ code: r.code, name: r.name[locale] ?? r.name.en ?? r.code })),
		languages: languages()
	};
}

/** The breakdowns the public dashboard offers (response language is an analyst's concern). */
export const PUBLIC_BREAKDOWNS = ['region', 'category', 'office', 'sector'] as const;
export type PublicBreakdown = (typeof PUBLIC_BREAKDOWNS)[number];

/** The public, suppressed dashboard from the latest results release (no sign-in). */
export async function publicDashboard(db: Db, slug: string, by: PublicBreakdown, locale: Locale) {
	const [{ publishedAt, release, results }, regionNames] = await Promise.all([publishedResults(db, slug, by), regionNamesIn(db, locale)]);
	const common = {
		locale,
		by,
		breakdowns: [...PUBLIC_BREAKDOWNS],
		dir: (locale === 'ar' ? 'rtl' : 'ltr') as 'rtl' | 'ltr',
		slug,
		publishedAt: publishedAt.slice(0, 10),
		languages: languages()
	};
	if (!release || !results) return { ...common, title: null, release: null, results: null };
	return {
		...common,
		title: results.surveyTitle ? localize(results.surveyTitle, surveyCoreLocale(locale)) : results.edition.title,
		release: { number: release.number, releasedAt: release.releasedAt.slice(0, 10) },
		results: {
			minCount: results.minCount,
			respondents: results.overall.respondents,
			rates: results.rates.map((r) => ({ ...r, label: regionNames[r.region] ?? r.region })),
			view: buildResultsView(results, locale, regionNames)
		}
	};
}
