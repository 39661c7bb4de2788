import type { Db } from '../../db/create-db.ts';
import { editionStatus } from './editions.ts';
import { editionTracking } from '../invitations/tracking.ts';
import { describeGaps, translationGaps } from '../../translation/gate.ts';
import { listRegions } from '../reference-repository.ts';
import { findEditionBySlug, listEditions } from './editions-repository.ts';
import { nextStates } from '../../../domain/invitation/edition-lifecycle.ts';
import { NotFoundError } from '../../../domain/errors.ts';

/** Region and office names in every language the reference data has ({ code: { locale: name } }). */
async function placeNames(db: Db, region: 'all' | string) {
	const [regions, offices] = await Promise.all([listRegions(db), db.selectFrom('office').select(['code', 'name_json']).execute()]);
	return {
		// A regional office is given its own region's name only.
		regions: Object.fromEntries(regions.filter((r) => region === 'all' || r.code === region).map((r) => [r.code, r.name])),
		offices: Object.fromEntries(offices.map((o) => [o.code, JSON.parse(o.name_json) as Record<string, string>]))
	};
}

/**
 * What the edition's overview shows: totals, rates by region, category, office and Sector,
 * submissions over time, and (for the coordinator, `withGate`) the translation launch gate.
 * `region` is a regional office's scope: every figure is then its region's only.
 */
export async function editionOverview(db: Db, slug: string, region: 'all' | string, withGate: boolean) {
	const [status, tracking, names] = await Promise.all([editionStatus(db, slug, region), editionTracking(db, slug, region), placeNames(db, region)]);
	const gate = withGate ? describeGaps(await translationGaps(db, tracking.edition.questionnaire_id)) : null;
	const { nonResponders, edition: _edition, ...counts } = tracking;
	return { total: status.total, tracking: counts, nonRespondersTotal: nonResponders.length, names, translationGaps: gate };
}

/** The settings page: the edition, the states it may move to, and the translation launch gate. */
export async function editionSettings(db: Db, slug: string) {
	const edition = await findEditionBySlug(db, slug);
	if (!edition) throw new NotFoundError(`no edition "${slug}"`);
	const gaps = describeGaps(await translationGaps(db, edition.questionnaire_id));
	return { nextStates: [...nextStates(edition.state)], translationGaps: gaps };
}

/** What every sub-page of the edition workspace heads with (its tabs, title, state and dates). */
export async function editionHeader(db: Db, slug: string) {
	const edition = await findEditionBySlug(db, slug);
	if (!edition) throw new NotFoundError(`no edition "${slug}"`);
	return { slug: edition.slug, title: edition.title, state: edition.state, opens_at: edition.opens_at, closes_at: edition.closes_at };
}

/** Every edition's heading (slug, title, state, dates), for lists outside the workspace (the API). */
export async function listEditionHeaders(db: Db) {
	return (await listEditions(db)).map((e) => ({ slug: e.slug, title: e.title, state: e.state, opens_at: e.opens_at, closes_at: e.closes_at }));
}
