import type { Db } from '../../db/create-db.ts';

/**
 * The reads behind an edition's tracking and its respondents list: each active invitation's
 * entity with its response's progress, and the invited entities' contacts (primary first).
 * `region`: a regional office's scope (`regionScope`); no entity or contact of another
 * region is read.
 */
export function invitedEntities(db: Db, editionId: string, region: 'all' | string) {
	let query = db
		.selectFrom('invitation as i')
		.innerJoin('entity as n', 'n.id', 'i.entity_id')
		.leftJoin('response as r', (j) => j.onRef('r.edition_id', '=', 'i.edition_id').onRef('r.entity_id', '=', 'i.entity_id'))
		.leftJoin('country as k', 'k.iso3', 'n.country_iso3')
		.select([
			'n.id',
			'n.code',
			'n.name',
			'n.kind',
			'n.region_code',
			'n.country_iso3',
			'k.iso2 as country_iso2',
			'i.first_opened_at',
			'i.last_opened_at',
			'r.state as response_state',
			'r.revision',
			'r.updated_at',
			'r.submitted_at',
			'r.entered_by_user_id'
		])
		.where('i.edition_id', '=', editionId)
		.where('i.state', '=', 'active');
	if (region !== 'all') query = query.where('n.region_code', '=', region);
	return query.orderBy('n.code').execute();
}

export function invitedContacts(db: Db, editionId: string, region: 'all' | string) {
	let query = db
		.selectFrom('contact as c')
		.innerJoin('invitation as i', 'i.entity_id', 'c.entity_id')
		.innerJoin('entity as n', 'n.id', 'c.entity_id')
		.select(['c.entity_id', 'c.name', 'c.email', 'c.bounced_at'])
		.where('i.edition_id', '=', editionId);
	if (region !== 'all') query = query.where('n.region_code', '=', region);
	return query.orderBy('c.is_primary', 'desc').orderBy('c.email').execute();
}
