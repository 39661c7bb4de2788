import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { QuestionnaireDraft } from '../db/schema-authoring.ts';
import { newId, nowIso } from '../db/ids.ts';
import { findDraftBySlug as findDraft, updateDraftIfRevision } from '../repositories/questionnaire-drafts.ts';
import { ConflictError, NotFoundError } from '../../domain/errors.ts';
import { appendAudit } from '../repositories/audit.ts';
import { copyTranslationStates, listTranslationStates, upsertTranslationStates } from '../repositories/translation-states.ts';
import { extractStrings, type Json } from '../../domain/translation/strings.ts';
import { sourceHash, stateKey, type StateIndex } from '../../domain/translation/status.ts';
import { LOCALES } from '../../domain/locales.ts';

/*
 * What the workbench needs of drafts, on top of the authoring area's repository
 * (repositories/questionnaire-drafts.ts), which owns copying, editing and publishing.
 * `createDraftFromVersion` is the short way the translation tests make a draft.
 */

/** The draft of `slug`, or NotFoundError (drafts belong to the authoring area). */
export async function findDraftBySlug(db: Kysely<Database>, slug: string): Promise<QuestionnaireDraft> {
	const draft = await findDraft(db, slug);
	if (!draft) throw new NotFoundError(`no draft questionnaire "${slug}"`);
	return draft;
}

/** The states of one owner, indexed by (locale, key). */
export async function stateIndex(db: Kysely<Database>, ownerId: string): Promise<StateIndex> {
	const rows = await listTranslationStates(db, ownerId);
	return new Map(rows.map((r) => [stateKey(r.string_key, r.locale as (typeof LOCALES)[number]), { status: r.status, sourceHash: r.source_hash }]));
}

/**
 * Copies a published version into the draft of its slug, with its review states. Texts
 * that have no state yet get a `draft` state with the current source hash, so that a
 * later change of the English marks them as needing review.
 */
export async function createDraftFromVersion(db: Kysely<Database>, questionnaireId: string, actor: string): Promise<QuestionnaireDraft> {
	return db.transaction().execute(async (trx) => {
		const q = await trx.selectFrom('questionnaire').selectAll().where('id', '=', questionnaireId).executeTakeFirst();
		if (!q) throw new NotFoundError(`no questionnaire ${questionnaireId}`);
		if (await trx.selectFrom('questionnaire_draft').select('id').where('slug', '=', q.slug).executeTakeFirst()) throw new ConflictError(`"${q.slug}" already has a draft`);
		const now = nowIso();
		const draft: QuestionnaireDraft = {
			id: newId(),
			slug: q.slug,
			title: q.title,
			definition_json: q.definition_json,
			base_questionnaire_id: q.id,
			revision: 1,
			created_by: actor,
			created_at: now,
			updated_by: actor,
			updated_at: now
		};
		await trx.insertInto('questionnaire_draft').values(draft).execute();
		await copyTranslationStates(trx, q.id, draft.id);
		await seedMissingStates(trx, draft.id, JSON.parse(q.definition_json) as Json, actor);
		await appendAudit(trx, { actor, action: 'questionnaire.draft_create', targetType: 'questionnaire_draft', targetId: draft.id, details: { from: q.id } });
		return draft;
	});
}

/**
 * Gives every present translation without a state a `draft` state with the current
 * English hash: from then on, changing the English marks it "needs review". Every new
 * draft is seeded (authoring-library.ts), whatever it was made from.
 */
export async function seedMissingStates(trx: Transaction<Database>, ownerId: string, json: Json, actor: string): Promise<void> {
	const have = await stateIndex(trx, ownerId);
	const rows = extractStrings(json).flatMap((s) =>
		LOCALES.filter((l) => l !== 'en' && s.texts[l] && !have.has(stateKey(s.key, l))).map((l) => ({ stringKey: s.key, locale: l, status: 'draft' as const, sourceHash: sourceHash(s.texts.en ?? '') }))
	);
	await upsertTranslationStates(trx, ownerId, rows, actor);
}

/** Writes new JSON into the draft if its revision is still `revision`; returns the new revision. */
export async function saveDraftJson(trx: Kysely<Database>, draft: QuestionnaireDraft, revision: number, json: Json, actor: string): Promise<number> {
	const saved = await updateDraftIfRevision(trx, draft.id, revision, { title: draft.title, definitionJson: JSON.stringify(json, null, 2), actor });
	if (!saved) throw new ConflictError('the draft was changed by someone else meanwhile: reload the page and make your change again');
	return revision + 1;
}
