import type { Kysely } from 'kysely';
import { dialectOf } from '../db/create-db.ts';
import type { Database, ResponseRow } from '../db/schema/database.ts';
import { newId, nowIso } from '../db/ids.ts';

export async function findResponse(db: Kysely<Database>, editionId: string, entityId: string): Promise<ResponseRow | undefined> {
	return db.selectFrom('response').selectAll().where('edition_id', '=', editionId).where('entity_id', '=', entityId).executeTakeFirst();
}

export interface NewResponse {
	editionId: string;
	entityId: string;
	invitationId: string | null;
	questionnaireId: string;
	locale: string;
	/** What a new response starts with (the questions' defaults); an existing one keeps its own. */
	answers?: Record<string, unknown>;
	/** The answers a new response starts with (what the registry knows), asked for only when it is created; over the defaults. */
	prefill?: () => Promise<Record<string, unknown>>;
}

/** Creates the entity's response for the edition, or returns the one that exists. */
export async function ensureResponse(db: Kysely<Database>, r: NewResponse): Promise<ResponseRow> {
	const existing = await findResponse(db, r.editionId, r.entityId);
	if (existing) return existing;
	const now = nowIso();
	const prefill = (await r.prefill?.()) ?? {};
	const prefilled = Object.keys(prefill).length > 0;
	await db
		.insertInto('response')
		.values({
			id: newId(),
			edition_id: r.editionId,
			entity_id: r.entityId,
			invitation_id: r.invitationId,
			questionnaire_id: r.questionnaireId,
			answers_json: JSON.stringify({ ...r.answers, ...prefill }),
			registry_prefill_json: prefilled ? JSON.stringify(prefill) : null,
			locale: r.locale,
			furthest_page: 0,
			state: 'in_progress',
			revision: 0,
			entered_by_user_id: null,
			started_at: now,
			updated_at: now,
			submitted_at: null
		})
		.onConflict((oc) => oc.columns(['edition_id', 'entity_id']).doNothing())
		.execute();
	return (await findResponse(db, r.editionId, r.entityId))!;
}

export interface ResponseSave {
	answers: Record<string, unknown>;
	locale: string;
	furthestPage: number;
	submit: boolean;
}

/**
 * Takes the response row's write lock for the rest of the transaction (a no-op
 * update, portable): on PostgreSQL two nodes saving the same response at once would
 * otherwise both merge into the answers they read and the later write would drop the
 * earlier one's page. SQLite has one writer at a time already.
 */
export async function lockResponse(db: Kysely<Database>, editionId: string, entityId: string): Promise<void> {
	// SQLite transactions begin immediate (src/lib/server/db/sqlite-dialect.ts): already serialised.
	if (dialectOf(db) === 'sqlite') return;
	await db
		.updateTable('response')
		.set((eb) => ({ revision: eb.ref('revision') }))
		.where('edition_id', '=', editionId)
		.where('entity_id', '=', entityId)
		.execute();
}

/**
 * Writes answers and bumps the revision. Only an in-progress response is written:
 * once submitted, a second submit (a double click, a replayed post) changes nothing.
 * Returns the new revision, or null when the response was already submitted.
 */
export async function saveResponse(db: Kysely<Database>, id: string, save: ResponseSave): Promise<number | null> {
	const now = nowIso();
	const row = await db
		.updateTable('response')
		.set((eb) => ({
			answers_json: JSON.stringify(save.answers),
			locale: save.locale,
			furthest_page: save.furthestPage,
			revision: eb('revision', '+', 1),
			updated_at: now,
			...(save.submit ? { state: 'submitted' as const, submitted_at: now } : {})
		}))
		.where('id', '=', id)
		.where('state', '=', 'in_progress')
		.returning('revision')
		.executeTakeFirst();
	return row?.revision ?? null;
}

export async function setResponseLocale(db: Kysely<Database>, id: string, locale: string): Promise<void> {
	await db.updateTable('response').set({ locale }).where('id', '=', id).execute();
}
