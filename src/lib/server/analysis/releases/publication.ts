import type { Db } from '../../db/create-db.ts';
import { nowIso } from '../../db/ids.ts';
import { ForbiddenError, NotFoundError } from '../../../domain/errors.ts';
import { appendAudit } from '../../access/audit/audit-repository.ts';
import { findEditionBySlug } from '../../distribution/editions/editions.ts';
import { canGenerateReports, type EditionResults } from '../results.ts';
import { latestRelease, type ReleaseInfo } from '../releases.ts';
import { resultsFromSnapshot } from './snapshot.ts';
import { analysisMinCount } from '../settings.ts';

/**
 * The public dashboard: an edition's aggregated results, suppressed exactly as for
 * the Council, readable without signing in once an analyst or administrator has
 * published them. Only aggregates: no breakdown finer than the service offers the
 * Council, no open answers, no microdata.
 */
const PUBLIC_VIEWER = { rawData: false, region: null } as const;

export async function publicationOf(db: Db, slug: string): Promise<{ publishedAt: string; publishedBy: string; minCount: number } | null> {
	const row = await db
		.selectFrom('analysis_publication as p')
		.innerJoin('edition as e', 'e.id', 'p.edition_id')
		.select(['p.published_at', 'p.published_by', 'p.min_count'])
		.where('e.slug', '=', slug)
		.executeTakeFirst();
	return row ? { publishedAt: row.published_at, publishedBy: row.published_by, minCount: row.min_count } : null;
}

export async function setPublication(db: Db, slug: string, publish: boolean, user: { role: string; email: string }): Promise<void> {
	if (!canGenerateReports(user.role)) throw new ForbiddenError('only analysts and administrators publish results');
	const edition = await findEditionBySlug(db, slug);
	if (!edition) throw new NotFoundError(`no edition "${slug}"`);
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('analysis_publication').where('edition_id', '=', edition.id).execute();
		if (publish)
			await trx
				.insertInto('analysis_publication')
				.values({ edition_id: edition.id, published_at: nowIso(), published_by: user.email, min_count: analysisMinCount() })
				.execute();
		await appendAudit(trx, {
			actor: user.email,
			action: publish ? 'analysis.publish' : 'analysis.unpublish',
			targetType: 'edition',
			targetId: edition.id,
			details: { slug }
		});
	});
}

/**
 * The published view: the latest results release, never a live query (null results
 * before the first release). An unpublished (or unknown) edition is simply not found.
 */
export async function publishedResults(
	db: Db,
	slug: string,
	by: string | null = null
): Promise<{ publishedAt: string; release: ReleaseInfo | null; results: EditionResults | null }> {
	const publication = await publicationOf(db, slug);
	if (!publication) throw new NotFoundError('no published results for this edition');
	const release = await latestRelease(db, slug);
	if (!release) return { publishedAt: publication.publishedAt, release: null, results: null };
	const { snapshot, ...info } = release;
	return { publishedAt: publication.publishedAt, release: info, results: resultsFromSnapshot(snapshot, PUBLIC_VIEWER, { by }) };
}
