import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema/database.ts';
import type { QuestionnaireDraft } from '../db/schema/authoring.ts';
import { updateDraftIfRevision } from '../authoring/common.ts';
import { ConflictError } from '../../domain/errors.ts';
import { listTranslationStates, upsertTranslationStates } from './states-repository.ts';
import { extractStrings, type Json } from '../../domain/translation/strings.ts';
import { sourceHash, stateKey, type StateIndex } from '../../domain/translation/status.ts';
import { LOCALES } from '../../domain/locales.ts';

/*
 * What the workbench needs of drafts, on top of the authoring area's repository
 * (repositories/questionnaire-drafts.ts), which owns copying, editing and publishing.
 */

/** The states of one owner, indexed by (locale, key). */
export async function stateIndex(db: Kysely<Database>, ownerId: string): Promise<StateIndex> {
	const rows = await listTranslationStates(db, ownerId);
	return new Map(rows.map((r) => [stateKey(r.string_key, r.locale as (typeof LOCALES)[number]), { status: r.status, sourceHash: r.source_hash }]));
}

/**
 * Gives every present translation without a state a `draft` state with the current
 * English hash: from then on, changing the English marks it "needs review". Every new
 * draft is seeded (authoring-library.ts), whatever it was made from.
 */
export async function seedMissingStates(trx: Transaction<Database>, ownerId: string, json: Json, actor: string): Promise<void> {
	const have = await stateIndex(trx, ownerId);
	const rows = extractStrings(json).flatMap((s) =>
		LOCALES.filter((l) => l !== 'en' && s.texts[l] && !have.has(stateKey(s.key, l))).map((l) => ({
			stringKey: s.key,
			locale: l,
			status: 'draft' as const,
			sourceHash: sourceHash(s.texts.en ?? '')
		}))
	);
	await upsertTranslationStates(trx, ownerId, rows, actor);
}

/** Writes new JSON into the draft if its revision is still `revision`; returns the new revision. */
export async function saveDraftJson(trx: Kysely<Database>, draft: QuestionnaireDraft, revision: number, json: Json, actor: string): Promise<number> {
	const saved = await updateDraftIfRevision(trx, draft.id, revision, { title: draft.title, definitionJson: JSON.stringify(json, null, 2), actor });
	if (!saved) throw new ConflictError('the draft was changed by someone else meanwhile: reload the page and make your change again');
	return revision + 1;
}
