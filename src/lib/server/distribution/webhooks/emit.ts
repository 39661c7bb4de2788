import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema/database.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { TEST_EVENT, type WebhookEvent } from '../../../domain/webhooks/events.ts';

/**
 * Emitting an event: one outbox row (kind `webhook`) per active endpoint subscribed to it,
 * written in the caller's transaction (a transactional outbox: the event exists exactly
 * when what it reports was committed). The background sender delivers them
 * (sender.ts). The three areas call one function each, where the event happens.
 *
 * What a payload holds is documented in docs/webhooks.md. It never carries answers nor
 * who answered: a receiver is an integration, not an analyst, and only analysts may
 * know which entity answered what (docs/access.md).
 */

/** The `batch_id` of webhook rows: the outbox groups e-mail by bulk send; deliveries are their own batch. */
const WEBHOOK_BATCH = 'webhook';

interface Envelope {
	id: string;
	type: string;
	created_at: string;
	data: Record<string, unknown>;
}

async function queueFor(db: Kysely<Database>, endpoints: { id: string }[], type: string, data: Record<string, unknown>, actor: string): Promise<void> {
	if (!endpoints.length) return;
	const now = nowIso();
	const envelope: Envelope = { id: newId(), type, created_at: now, data };
	const payload = JSON.stringify(envelope);
	await db
		.insertInto('outbox_message')
		.values(
			endpoints.map((e) => ({
				id: newId(),
				kind: 'webhook' as const,
				locale: 'en',
				state: 'queued' as const,
				attempts: 0,
				next_attempt_at: now,
				batch_id: WEBHOOK_BATCH,
				created_by: actor,
				created_at: now,
				endpoint_id: e.id,
				event_id: envelope.id,
				event_type: type,
				payload_json: payload
			}))
		)
		.execute();
}

/** The active endpoints subscribed to `type` (a handful at most: filtered here rather than in SQL over JSON). */
async function subscribers(db: Kysely<Database>, type: WebhookEvent): Promise<{ id: string }[]> {
	const rows = await db.selectFrom('webhook_endpoint').select(['id', 'events_json']).where('state', '=', 'active').execute();
	return rows.filter((r) => (JSON.parse(r.events_json) as string[]).includes(type));
}

/** Queues `type` for every subscribed endpoint; `data` is built only when someone listens. */
export async function emitWebhookEvent(
	db: Kysely<Database>,
	type: WebhookEvent,
	data: () => Promise<Record<string, unknown>> | Record<string, unknown>,
	actor = 'system'
): Promise<void> {
	const endpoints = await subscribers(db, type);
	if (endpoints.length) await queueFor(db, endpoints, type, await data(), actor);
}

/**
 * `response.submitted`: the edition, the moment, and the edition's counts after it
 * (submitted responses, active invitations). No response id, entity, region or category:
 * with a few entities per region, any of them could name who answered.
 */
export async function emitResponseSubmitted(db: Kysely<Database>, editionId: string, submittedAt: string): Promise<void> {
	await emitWebhookEvent(db, 'response.submitted', async () => {
		const counts = await db
			.selectFrom('edition as e')
			.select([
				'e.slug',
				sql<number>`(select count(*) from response r where r.edition_id = e.id and r.state = 'submitted')`.as('submitted'),
				sql<number>`(select count(*) from invitation i where i.edition_id = e.id and i.state = 'active')`.as('invited')
			])
			.where('e.id', '=', editionId)
			.executeTakeFirstOrThrow();
		return { edition: counts.slug, submitted_at: submittedAt, submitted: Number(counts.submitted), invited: Number(counts.invited) };
	});
}

/** `edition.state_changed`: the edition and its move. */
export async function emitEditionStateChanged(db: Kysely<Database>, slug: string, from: string, to: string, actor: string): Promise<void> {
	await emitWebhookEvent(db, 'edition.state_changed', () => ({ edition: slug, from, to }), actor);
}

/** `results.released`: the edition, the release's number and time, and how many responses it holds. */
export async function emitResultsReleased(
	db: Kysely<Database>,
	release: { slug: string; number: number; releasedAt: string; respondents: number },
	actor: string
): Promise<void> {
	await emitWebhookEvent(
		db,
		'results.released',
		() => ({ edition: release.slug, release: release.number, released_at: release.releasedAt, respondents: release.respondents }),
		actor
	);
}

/** "Send test event": one `webhook.test` delivery to one endpoint, whatever it subscribes to. */
export async function queueTestEvent(db: Kysely<Database>, endpointId: string, actor: string): Promise<void> {
	await queueFor(db, [{ id: endpointId }], TEST_EVENT, { message: 'a test delivery from the Regional Presence Survey' }, actor);
}
