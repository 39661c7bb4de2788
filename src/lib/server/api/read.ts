import type { Db } from '../db/create-db.ts';
import { ForbiddenError, NotFoundError } from '../../domain/errors.ts';
import { assertCan, regionScope } from '../../domain/access/permissions.ts';
import { editionHeader, listEditionHeaders } from '../distribution/editions/overview.ts';
import { editionStatus } from '../distribution/editions/editions.ts';
import { latestRelease } from '../analysis/releases.ts';
import { resultsFromSnapshot } from '../analysis/releases/snapshot.ts';
import { viewerFor } from '../analysis/results.ts';
import { exportTable } from '../analysis/exports/export.ts';
import type { ApiPrincipal } from './tokens.ts';
import type { z } from 'zod';
import type { PublishedBreakdown, PublishedResult } from '../../domain/analysis/suppression.ts';
import type { Codebook, EditionList, EditionOne, Microdata, Results, Tracking } from './schemas.ts';

/**
 * The API's read use cases: each checks the token's role (and region) with the same
 * table as the web pages (PERMISSIONS) and calls the areas' own functions, so the API
 * shows what the pages for that role show.
 */

/** Editions and their state: for every token (each role that has one reads some edition data). */
export async function apiEditions(db: Db, _who: ApiPrincipal): Promise<z.infer<typeof EditionList>> {
	return { editions: await listEditionHeaders(db) };
}

export async function apiEdition(db: Db, _who: ApiPrincipal, slug: string): Promise<z.infer<typeof EditionOne>> {
	return { edition: await editionHeader(db, slug) };
}

/** Invited / opened / started / submitted by region; a regional office's token gets its region only. */
export async function apiTracking(db: Db, who: ApiPrincipal, slug: string): Promise<z.infer<typeof Tracking>> {
	assertCan(who, 'tracking.read');
	const scope = regionScope(who, 'tracking.read')!;
	const status = await editionStatus(db, slug, scope);
	return { edition: slug, scope, total: status.total, byRegion: status.byRegion };
}

/**
 * Released results, from the latest results release (never a live query): what a reader
 * without raw-data rights sees on /admin/results, the regional office its region's part.
 * An analyst's token reads the release too: a script publishes what was released.
 */
/** The Results schema, with the figures typed as the analysis computes them (the schema keeps them open). */
type ResultsBody = Omit<z.infer<typeof Results>, 'overall' | 'breakdown'> & { overall: PublishedResult; breakdown: PublishedBreakdown | null };

export async function apiResults(db: Db, who: ApiPrincipal, slug: string, by: string | null): Promise<ResultsBody> {
	assertCan(who, 'results.read');
	await editionHeader(db, slug); // 404 for an unknown edition, before "no release"
	const release = await latestRelease(db, slug);
	if (!release) throw new NotFoundError(`edition "${slug}" has no results release yet`, 'no_release');
	const viewer = { rawData: false, region: regionScope(who, 'results.read') === 'all' ? null : who.region_code };
	const results = resultsFromSnapshot(release.snapshot, viewer, { by });
	return {
		edition: slug,
		scope: viewer.region ?? 'all',
		release: {
			number: release.number,
			releasedAt: release.releasedAt,
			respondents: release.respondents,
			minCount: release.minCount,
			lastSubmittedAt: release.lastSubmittedAt
		},
		minCount: results.minCount,
		overall: results.overall,
		breakdown: results.breakdown,
		rates: results.rates,
		lastSubmittedAt: results.lastSubmittedAt
	};
}

/** Microdata and codebook: raw-data rights only (an analyst's token), every call audited as a download. */
export async function apiMicrodata(db: Db, who: ApiPrincipal, slug: string, what: 'microdata', partial: boolean): Promise<z.infer<typeof Microdata>>;
export async function apiMicrodata(db: Db, who: ApiPrincipal, slug: string, what: 'codebook', partial: boolean): Promise<z.infer<typeof Codebook>>;
export async function apiMicrodata(
	db: Db,
	who: ApiPrincipal,
	slug: string,
	what: 'microdata' | 'codebook',
	partial: boolean
): Promise<z.infer<typeof Microdata> | z.infer<typeof Codebook>> {
	assertCan(who, 'responses.read_raw');
	const viewer = viewerFor(who);
	if (!viewer.rawData) throw new ForbiddenError('microdata are for analyst tokens');
	const table = await exportTable(db, slug, viewer, what, { email: `api-token:${who.name}`, id: null, ip: null }, { partial });
	return what === 'codebook' ? { edition: slug, variables: table.codebook } : { edition: slug, columns: table.columns, rows: table.rows };
}
