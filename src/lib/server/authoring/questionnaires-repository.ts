import type { Kysely } from 'kysely';
import type { Database, Questionnaire } from '../db/schema/database.ts';
import { newId, nowIso } from '../db/ids.ts';

export async function findQuestionnaireById(db: Kysely<Database>, id: string): Promise<Questionnaire | undefined> {
	return db.selectFrom('questionnaire').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findLatestQuestionnaire(db: Kysely<Database>, slug: string): Promise<Questionnaire | undefined> {
	return db.selectFrom('questionnaire').selectAll().where('slug', '=', slug).orderBy('version', 'desc').executeTakeFirst();
}

export interface NewQuestionnaireVersion {
	slug: string;
	title: string;
	definitionJson: string;
	checksum: string;
	source: string | null;
}

/** Stores a published version, numbered after the latest one of the same slug. */
export async function insertPublishedVersion(db: Kysely<Database>, q: NewQuestionnaireVersion): Promise<Questionnaire> {
	const latest = await findLatestQuestionnaire(db, q.slug);
	const now = nowIso();
	const row = {
		id: newId(),
		slug: q.slug,
		version: (latest?.version ?? 0) + 1,
		title: q.title,
		definition_json: q.definitionJson,
		checksum: q.checksum,
		source: q.source,
		state: 'published' as const,
		created_at: now,
		published_at: now
	};
	await db.insertInto('questionnaire').values(row).execute();
	return row;
}

/** Every published version of every slug (the library page), newest first per slug. */
export async function listQuestionnaireVersions(db: Kysely<Database>): Promise<Questionnaire[]> {
	return db.selectFrom('questionnaire').selectAll().orderBy('slug').orderBy('version', 'desc').execute();
}

export async function findQuestionnaireVersion(db: Kysely<Database>, slug: string, version: number): Promise<Questionnaire | undefined> {
	return db.selectFrom('questionnaire').selectAll().where('slug', '=', slug).where('version', '=', version).executeTakeFirst();
}
