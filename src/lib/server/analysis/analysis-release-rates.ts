import { sql } from 'kysely';
import type { Db } from '../db/create-db.ts';

/** Invited and submitted entities of one group (a member category or a Sector). */
export interface GroupRate {
	key: string;
	invited: number;
	submitted: number;
}

/**
 * Response rates by member category (the registry's entity kind) and by Sector, kept in a results
 * release so the Council report states them without a live query (issue 15 item 2). An entity in
 * several Sectors counts in each: the Sector rows do not add up to the total.
 */
export async function responseRatesByGroup(db: Db, editionId: string): Promise<{ category: GroupRate[]; sector: GroupRate[] }> {
	const submitted = sql<number>`sum(case when r.state = 'submitted' then 1 else 0 end)`;
	const base = () =>
		db
			.selectFrom('invitation as i')
			.innerJoin('entity as n', 'n.id', 'i.entity_id')
			.leftJoin('response as r', (j) => j.onRef('r.edition_id', '=', 'i.edition_id').onRef('r.entity_id', '=', 'i.entity_id'))
			.where('i.edition_id', '=', editionId)
			.where('i.state', '=', 'active');
	const [category, sector] = await Promise.all([
		base()
			.select(['n.kind as key', sql<number>`count(*)`.as('invited'), submitted.as('submitted')])
			.groupBy('n.kind')
			.orderBy('n.kind')
			.execute(),
		base()
			.innerJoin('entity_sector as s', 's.entity_id', 'n.id')
			.select(['s.sector as key', sql<number>`count(*)`.as('invited'), submitted.as('submitted')])
			.groupBy('s.sector')
			.orderBy('s.sector')
			.execute()
	]);
	const rows = (list: { key: string; invited: number; submitted: number }[]) =>
		list.map((r) => ({ key: r.key, invited: Number(r.invited), submitted: Number(r.submitted) }));
	return { category: rows(category), sector: rows(sector) };
}
