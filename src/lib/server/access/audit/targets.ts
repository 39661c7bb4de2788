import type { Db } from '../../db/create-db.ts';

/**
 * What an audit entry's target is called, so the log names an edition by its title and
 * a user by e-mail instead of internal ids. One query per kind of target on the page.
 */
export type TargetNames = Record<string, string>;
const key = (type: string, id: string) => `${type}:${id}`;

async function auditTargetNames(db: Db, rows: readonly { target_type: string | null; target_id: string | null }[]): Promise<TargetNames> {
	const ids = (type: string) => [...new Set(rows.filter((r) => r.target_type === type && r.target_id).map((r) => r.target_id!))];
	const names: TargetNames = {};
	const fill = (type: string, list: { id: string; name: string }[]) => list.forEach((r) => (names[key(type, r.id)] = r.name));
	const editions = ids('edition');
	const users = ids('user');
	const questionnaires = ids('questionnaire');
	const drafts = ids('questionnaire_draft');
	const entities = ids('entity');
	const invitations = ids('invitation');
	await Promise.all([
		editions.length &&
			db
				.selectFrom('edition')
				.select(['id', 'title as name'])
				.where('id', 'in', editions)
				.execute()
				.then((r) => fill('edition', r)),
		users.length &&
			db
				.selectFrom('app_user')
				.select(['id', 'email as name'])
				.where('id', 'in', users)
				.execute()
				.then((r) => fill('user', r)),
		questionnaires.length &&
			db
				.selectFrom('questionnaire')
				.select(['id', 'title', 'version'])
				.where('id', 'in', questionnaires)
				.execute()
				.then((r) =>
					fill(
						'questionnaire',
						r.map((q) => ({ id: q.id, name: `${q.title} (v${q.version})` }))
					)
				),
		drafts.length &&
			db
				.selectFrom('questionnaire_draft')
				.select(['id', 'title as name'])
				.where('id', 'in', drafts)
				.execute()
				.then((r) => fill('questionnaire_draft', r)),
		entities.length &&
			db
				.selectFrom('entity')
				.select(['id', 'name'])
				.where('id', 'in', entities)
				.execute()
				.then((r) => fill('entity', r)),
		invitations.length &&
			db
				.selectFrom('invitation as i')
				.innerJoin('entity as n', 'n.id', 'i.entity_id')
				.innerJoin('edition as e', 'e.id', 'i.edition_id')
				.select(['i.id', 'n.name as entity', 'e.title as edition'])
				.where('i.id', 'in', invitations)
				.execute()
				.then((r) =>
					fill(
						'invitation',
						r.map((x) => ({ id: x.id, name: `${x.entity} – ${x.edition}` }))
					)
				)
	]);
	return names;
}

/** The rows with `target_name`: the target's title, e-mail or name, null when unknown (deleted, or a kind without a name). */
export async function withTargetNames<R extends { target_type: string | null; target_id: string | null }>(
	db: Db,
	rows: readonly R[]
): Promise<(R & { target_name: string | null })[]> {
	const names = await auditTargetNames(db, rows);
	return rows.map((r) => ({ ...r, target_name: r.target_type && r.target_id ? (names[key(r.target_type, r.target_id)] ?? null) : null }));
}
