import type { Kysely } from 'kysely';
import type { Database, Edition } from '../../db/schema/database.ts';
import { newId, nowIso } from '../../db/ids.ts';

export async function findEditionBySlug(db: Kysely<Database>, slug: string): Promise<Edition | undefined> {
	return db.selectFrom('edition').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function listEditions(db: Kysely<Database>): Promise<Edition[]> {
	return db.selectFrom('edition').selectAll().orderBy('created_at', 'desc').execute();
}

export interface NewEdition {
	slug: string;
	title: string;
	questionnaireId: string;
	opensAt: string | null;
	closesAt: string | null;
	state: Edition['state'];
}

export async function insertEdition(db: Kysely<Database>, e: NewEdition): Promise<Edition> {
	const row = {
		id: newId(),
		slug: e.slug,
		title: e.title,
		questionnaire_id: e.questionnaireId,
		opens_at: e.opensAt,
		closes_at: e.closesAt,
		state: e.state,
		created_at: nowIso(),
		translation_gate_overridden_by: null
	};
	await db.insertInto('edition').values(row).execute();
	return row;
}
