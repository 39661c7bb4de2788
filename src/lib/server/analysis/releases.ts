import { createHash } from 'node:crypto';
import type { Db } from '../db/create-db.ts';
import { newId, nowIso } from '../db/ids.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors.ts';
import { releaseViolations, type Basis, type Violation } from '../../domain/analysis/release-rule.ts';
import { appendAudit } from '../access/audit/audit-repository.ts';
import { findEditionBySlug } from '../distribution/editions/editions.ts';
import { listRegions } from '../distribution/reference.ts';
import { editionStatus } from '../distribution/editions/editions.ts';
import { loadEditionData } from './data.ts';
import { analysisMinCount } from './settings.ts';
import { canGenerateReports, resultsDimensions, resultsOf, type AnalysisViewer, type EditionResults, type ResultsRequest } from './results.ts';
import { themeCounts } from './comments.ts';
import { compareWavesWith, type WaveView } from './waves/waves.ts';
import { buildBasis, buildSnapshot, resultsFromSnapshot, type ReleaseSnapshot } from './releases/snapshot.ts';
import { responseRatesByGroup } from './analysis-release-rates.ts';
import { emitResultsReleased } from '../distribution/webhooks/emit.ts';

/**
 * Results releases: an analyst or administrator freezes the suppressed aggregates of
 * an edition; readers without raw-data rights read only the latest release. A new
 * release must pass the rule of src/lib/domain/analysis/release-rule.ts against every
 * earlier one (docs/analysis.md, "Results releases").
 */
export interface ReleaseInfo {
	id: string;
	number: number;
	releasedAt: string;
	releasedBy: string;
	respondents: number;
	minCount: number;
	lastSubmittedAt: string | null;
}

export interface Release extends ReleaseInfo {
	snapshot: ReleaseSnapshot;
}

const OFFICES_QUESTION = 'offices_dealt_with';
const NAMED_CELLS = 8;

/** Refused: the message names the cells (and the release it was compared with). */
export class ReleaseRefusedError extends ConflictError {
	readonly violations: readonly Violation[];
	readonly minCount: number;
	constructor(violations: readonly Violation[], minCount: number) {
		const named = violations
			.slice(0, NAMED_CELLS)
			.map((v) => `${v.cell} (${v.changed} response(s) in or out since release ${v.release}; ${v.figures.length} figure(s))`);
		const more = violations.length > NAMED_CELLS ? `, and ${violations.length - NAMED_CELLS} more` : '';
		super(
			`Release refused: these cells changed by fewer than ${minCount} responses, so comparing releases would show individual answers: ${named.join('; ')}${more}. Release again when more responses have come in.`,
			'release_refused'
		);
		this.violations = violations;
		this.minCount = minCount;
	}
}

export async function listReleases(db: Db, slug: string): Promise<ReleaseInfo[]> {
	const rows = await db
		.selectFrom('analysis_release as a')
		.innerJoin('edition as e', 'e.id', 'a.edition_id')
		.select(['a.id', 'a.number', 'a.released_at', 'a.released_by', 'a.respondents', 'a.min_count', 'a.last_submitted_at'])
		.where('e.slug', '=', slug)
		.orderBy('a.number', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		number: Number(r.number),
		releasedAt: r.released_at,
		releasedBy: r.released_by,
		respondents: Number(r.respondents),
		minCount: Number(r.min_count),
		lastSubmittedAt: r.last_submitted_at
	}));
}

/** Releases never change, so a parsed snapshot (about 2 MB of JSON for 200 responses) can be kept by id. */
const SNAPSHOT_CACHE_SIZE = 8;
const snapshots = new Map<string, ReleaseSnapshot>();

/** The release non-raw readers see, or null before the first one. */
export async function latestRelease(db: Db, slug: string): Promise<Release | null> {
	const [info] = await listReleases(db, slug);
	if (!info) return null;
	let snapshot = snapshots.get(info.id);
	if (!snapshot) {
		const row = await db.selectFrom('analysis_release').select('views_json').where('id', '=', info.id).executeTakeFirstOrThrow();
		snapshot = JSON.parse(row.views_json) as ReleaseSnapshot;
		if (snapshots.size >= SNAPSHOT_CACHE_SIZE) snapshots.delete(snapshots.keys().next().value!);
		snapshots.set(info.id, snapshot);
	}
	// Shared between requests: every caller only reads it (resultsFromSnapshot, buildReportModel).
	return { ...info, snapshot };
}

/** Freezes the edition's current suppressed aggregates as the next release, if the rule allows. */
export async function releaseResults(db: Db, slug: string, user: { role: string; email: string }): Promise<ReleaseInfo> {
	if (!canGenerateReports(user.role)) throw new ForbiddenError('only analysts and administrators release results');
	const minCount = analysisMinCount();
	// One load: the edition comes with its responses (NotFoundError when there is none).
	const data = await loadEditionData(db, slug);
	const edition = data.edition;
	const basis = buildBasis(data);
	const previous = await db.selectFrom('analysis_release').select(['number', 'basis_json']).where('edition_id', '=', edition.id).orderBy('number').execute();
	const violations = releaseViolations(
		previous.map((p) => ({ number: Number(p.number), basis: JSON.parse(p.basis_json) as Basis })),
		basis,
		minCount
	);
	if (violations.length) {
		await appendAudit(db, {
			actor: user.email,
			action: 'analysis.release_refused',
			targetType: 'edition',
			targetId: edition.id,
			details: { slug, respondents: data.respondents.length, cells: violations.slice(0, 50).map((v) => v.cell) }
		});
		throw new ReleaseRefusedError(violations, minCount);
	}
	const [status, groupRates, regions, themes, waves] = await Promise.all([
		editionStatus(db, slug),
		responseRatesByGroup(db, edition.id),
		listRegions(db),
		themeCounts(db, slug, { rawData: false, region: null }, minCount),
		compareWavesWith(db, data, { rawData: false, region: null }, minCount)
	]);
	const offices = data.catalogue.choices.find((c) => c.name === OFFICES_QUESTION);
	const snapshot = buildSnapshot({
		data,
		minCount,
		rates: [...status.byRegion, status.total],
		regionCodes: regions.map((r) => r.code),
		officeCodes: offices?.choices.map((c) => c.value) ?? [],
		waves,
		themes,
		groupRates
	});
	const viewsJson = JSON.stringify(snapshot);
	const number = previous.length ? Math.max(...previous.map((p) => Number(p.number))) + 1 : 1;
	const row = {
		id: newId(),
		edition_id: edition.id,
		number,
		released_at: nowIso(),
		released_by: user.email,
		respondents: data.respondents.length,
		min_count: minCount,
		last_submitted_at: data.lastSubmittedAt,
		views_json: viewsJson,
		views_sha256: createHash('sha256').update(viewsJson).digest('hex'),
		basis_json: JSON.stringify(basis)
	};
	// The unique (edition, number) refuses a concurrent second release with the same number.
	await db.transaction().execute(async (trx) => {
		await trx.insertInto('analysis_release').values(row).execute();
		await appendAudit(trx, {
			actor: user.email,
			action: 'analysis.release',
			targetType: 'analysis_release',
			targetId: row.id,
			details: { slug, number, respondents: row.respondents, min_count: minCount, views_sha256: row.views_sha256 }
		});
		await emitResultsReleased(trx, { slug, number, releasedAt: row.released_at, respondents: row.respondents }, user.email);
	});
	return {
		id: row.id,
		number,
		releasedAt: row.released_at,
		releasedBy: row.released_by,
		respondents: row.respondents,
		minCount,
		lastSubmittedAt: row.last_submitted_at
	};
}

export interface ViewerResults {
	edition: { slug: string; title: string };
	/** The release shown (non-raw readers) or the latest one (raw-data readers, for reference). */
	release: ReleaseInfo | null;
	/** Null when a non-raw reader has no release to read yet. */
	results: EditionResults | null;
	waves: WaveView[];
}

/**
 * The one entry to results for a signed-in reader: live figures for raw-data rights,
 * the latest release for everyone else (never a live query).
 */
export async function resultsForViewer(db: Db, slug: string, viewer: AnalysisViewer, request: ResultsRequest = {}): Promise<ViewerResults> {
	if (viewer.rawData) {
		// One load of the responses, for the figures and the wave comparison alike.
		const dimensions = resultsDimensions(request);
		const data = await loadEditionData(db, slug, viewer.region);
		const [status, waves, releases] = await Promise.all([editionStatus(db, slug), compareWavesWith(db, data, viewer), listReleases(db, slug)]);
		const results = resultsOf(data, status, viewer, dimensions);
		return { edition: results.edition, release: releases[0] ?? null, results, waves };
	}
	const edition = await findEditionBySlug(db, slug);
	if (!edition) throw new NotFoundError(`no edition "${slug}"`);
	const release = await latestRelease(db, slug);
	if (!release) return { edition: { slug, title: edition.title }, release: null, results: null, waves: [] };
	const { snapshot, ...info } = release;
	return {
		edition: { slug, title: edition.title },
		release: info,
		results: resultsFromSnapshot(snapshot, viewer, request),
		waves: viewer.region === null ? snapshot.waves : []
	};
}
