import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/database.ts';
import type { QuestionnaireDraft } from '../db/schema/authoring.ts';
import { newId, nowIso } from '../db/ids.ts';

export async function findDraftBySlug(db: Kysely<Database>, slug: string): Promise<QuestionnaireDraft | undefined> {
	return db.selectFrom('questionnaire_draft').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function listDrafts(db: Kysely<Database>): Promise<QuestionnaireDraft[]> {
	return db.selectFrom('questionnaire_draft').selectAll().orderBy('slug').execute();
}

export interface NewDraft {
	slug: string;
	title: string;
	definitionJson: string;
	baseQuestionnaireId: string | null;
	actor: string;
}

export async function insertDraft(db: Kysely<Database>, d: NewDraft): Promise<QuestionnaireDraft> {
	const now = nowIso();
	const row = {
		id: newId(),
		slug: d.slug,
		title: d.title,
		definition_json: d.definitionJson,
		base_questionnaire_id: d.baseQuestionnaireId,
		revision: 1,
		created_by: d.actor,
		created_at: now,
		updated_by: d.actor,
		updated_at: now
	};
	await db.insertInto('questionnaire_draft').values(row).execute();
	return row;
}

/**
 * Saves a draft only if nobody saved since `revision` was read; returns whether it did.
 * The caller refuses the edit (and shows the author their input back) when it did not.
 */
export async function updateDraftIfRevision(
	db: Kysely<Database>,
	id: string,
	revision: number,
	changes: { title: string; definitionJson: string; baseQuestionnaireId?: string | null; actor: string }
): Promise<boolean> {
	const result = await db
		.updateTable('questionnaire_draft')
		.set({
			title: changes.title,
			definition_json: changes.definitionJson,
			...(changes.baseQuestionnaireId !== undefined ? { base_questionnaire_id: changes.baseQuestionnaireId } : {}),
			revision: revision + 1,
			updated_by: changes.actor,
			updated_at: nowIso()
		})
		.where('id', '=', id)
		.where('revision', '=', revision)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}
