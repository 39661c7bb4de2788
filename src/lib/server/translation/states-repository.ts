import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/database.ts';
import type { StoredTranslationStatus, TranslationState } from '../db/schema/authoring.ts';
import { nowIso } from '../db/ids.ts';

/** Review states of the strings of one draft or published version (owner). */
export async function listTranslationStates(db: Kysely<Database>, ownerId: string): Promise<TranslationState[]> {
	return db.selectFrom('translation_state').selectAll().where('owner_id', '=', ownerId).execute();
}

export interface TranslationStateInput {
	stringKey: string;
	locale: string;
	status: StoredTranslationStatus;
	sourceHash: string;
}

/** Inserts or replaces the states of several cells of one owner. */
export async function upsertTranslationStates(db: Kysely<Database>, ownerId: string, rows: readonly TranslationStateInput[], actor: string): Promise<void> {
	const now = nowIso();
	for (const r of rows) {
		await db
			.insertInto('translation_state')
			.values({ owner_id: ownerId, string_key: r.stringKey, locale: r.locale, status: r.status, source_hash: r.sourceHash, updated_by: actor, updated_at: now })
			.onConflict((oc) =>
				oc.columns(['owner_id', 'string_key', 'locale']).doUpdateSet({ status: r.status, source_hash: r.sourceHash, updated_by: actor, updated_at: now })
			)
			.execute();
	}
}

/** Publishing and duplicating carry the review states along to the new owner. */
export async function copyTranslationStates(db: Kysely<Database>, fromOwnerId: string, toOwnerId: string): Promise<void> {
	const rows = await listTranslationStates(db, fromOwnerId);
	for (const r of rows) {
		await db
			.insertInto('translation_state')
			.values({ ...r, owner_id: toOwnerId })
			.onConflict((oc) => oc.columns(['owner_id', 'string_key', 'locale']).doNothing())
			.execute();
	}
}
