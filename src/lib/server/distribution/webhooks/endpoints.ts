import type { Db } from '../../db/create-db.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { assertCan, type Actor } from '../../../domain/access/permissions.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../../domain/errors.ts';
import { parseEndpointUrl, parseEventList, type WebhookEvent } from '../../../domain/webhooks/events.ts';
import { appendAudit } from '../../access/audit/audit-repository.ts';
import { getConfig } from '../../platform/config.ts';
import { generateSecret } from './signature.ts';
import { queueTestEvent } from './emit.ts';

/**
 * The administrator's use cases of /admin/webhooks (settings.manage): register, pause and
 * resume, replace the secret, delete, and per delivery "retry now" and "send test event".
 * Every change is audited; a secret appears in no audit line and is returned once.
 */

type WebhookActor = Actor & { email: string };

/** Deliveries shown per endpoint, newest first. */
export const RECENT_DELIVERIES = 10;
/** The shortest secret an administrator may set (HMAC keys shorter than this are guessable). */
const MIN_SECRET_LENGTH = 24;
const MAX_SECRET_LENGTH = 200;

export interface DeliveryView {
	id: string;
	eventType: string;
	eventId: string;
	state: string;
	attempts: number;
	lastStatus: number | null;
	lastError: string | null;
	nextAttemptAt: string | null;
	createdAt: string;
	sentAt: string | null;
}

export interface EndpointView {
	id: string;
	url: string;
	description: string;
	events: WebhookEvent[];
	state: 'active' | 'paused';
	createdAt: string;
	deliveries: DeliveryView[];
}

export async function listWebhookEndpoints(db: Db, actor: WebhookActor): Promise<EndpointView[]> {
	assertCan(actor, 'settings.manage');
	const endpoints = await db.selectFrom('webhook_endpoint').selectAll().orderBy('created_at').execute();
	return Promise.all(
		endpoints.map(async (e) => {
			const rows = await db
				.selectFrom('outbox_message')
				.select(['id', 'event_type', 'event_id', 'state', 'attempts', 'last_status', 'last_error', 'next_attempt_at', 'created_at', 'sent_at'])
				.where('endpoint_id', '=', e.id)
				.orderBy('created_at', 'desc')
				.orderBy('id', 'desc')
				.limit(RECENT_DELIVERIES)
				.execute();
			return {
				id: e.id,
				url: e.url,
				description: e.description,
				events: JSON.parse(e.events_json) as WebhookEvent[],
				state: e.state,
				createdAt: e.created_at,
				deliveries: rows.map((r) => ({
					id: r.id,
					eventType: r.event_type ?? '',
					eventId: r.event_id ?? '',
					state: r.state,
					attempts: r.attempts,
					lastStatus: r.last_status === null ? null : Number(r.last_status),
					lastError: r.last_error,
					// Only a waiting delivery has a next attempt (while sending, the column holds the lease's end).
					nextAttemptAt: r.state === 'queued' ? r.next_attempt_at : null,
					createdAt: r.created_at,
					sentAt: r.sent_at
				}))
			};
		})
	);
}

function checkSecret(secret: string): string {
	if (secret.length < MIN_SECRET_LENGTH || secret.length > MAX_SECRET_LENGTH || /\s/.test(secret))
		throw new InvalidInputError(`a secret has ${MIN_SECRET_LENGTH} to ${MAX_SECRET_LENGTH} characters and no spaces`, [], 'webhook_secret');
	return secret;
}

export interface EndpointInput {
	url: string;
	description: string;
	events: string[];
	/** Empty: one is generated. */
	secret: string;
}

/** Registers an endpoint, active; returns its secret (shown once). */
export async function createWebhookEndpoint(db: Db, actor: WebhookActor, input: EndpointInput): Promise<{ id: string; secret: string }> {
	assertCan(actor, 'settings.manage');
	const url = parseEndpointUrl(input.url, getConfig().webhooks.allowedHosts);
	const events = parseEventList(input.events);
	const secret = input.secret ? checkSecret(input.secret) : generateSecret();
	const id = newId();
	const now = nowIso();
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('webhook_endpoint')
			.values({
				id,
				url,
				description: input.description.slice(0, 200),
				secret,
				events_json: JSON.stringify(events),
				state: 'active',
				created_by: actor.email,
				created_at: now,
				updated_at: now
			})
			.execute();
		await appendAudit(trx, { actor: actor.email, action: 'webhook.create', targetType: 'webhook_endpoint', targetId: id, details: { url, events } });
	});
	return { id, secret };
}

async function endpointOrThrow(db: Db, id: string) {
	const e = await db.selectFrom('webhook_endpoint').select(['id', 'url']).where('id', '=', id).executeTakeFirst();
	if (!e) throw new NotFoundError('no such webhook endpoint');
	return e;
}

/** Pauses (nothing is queued for it, and what waits is cancelled when due) or resumes an endpoint. */
export async function setWebhookEndpointState(db: Db, actor: WebhookActor, id: string, state: 'active' | 'paused'): Promise<void> {
	assertCan(actor, 'settings.manage');
	const e = await endpointOrThrow(db, id);
	await db.transaction().execute(async (trx) => {
		await trx.updateTable('webhook_endpoint').set({ state, updated_at: nowIso() }).where('id', '=', id).execute();
		await appendAudit(trx, {
			actor: actor.email,
			action: `webhook.${state === 'paused' ? 'pause' : 'resume'}`,
			targetType: 'webhook_endpoint',
			targetId: id,
			details: { url: e.url }
		});
	});
}

/** Replaces the secret with `secret`, or a generated one; returns it (shown once). */
export async function replaceWebhookSecret(db: Db, actor: WebhookActor, id: string, secret: string): Promise<string> {
	assertCan(actor, 'settings.manage');
	const e = await endpointOrThrow(db, id);
	const next = secret ? checkSecret(secret) : generateSecret();
	await db.transaction().execute(async (trx) => {
		await trx.updateTable('webhook_endpoint').set({ secret: next, updated_at: nowIso() }).where('id', '=', id).execute();
		await appendAudit(trx, { actor: actor.email, action: 'webhook.secret', targetType: 'webhook_endpoint', targetId: id, details: { url: e.url } });
	});
	return next;
}

/** Deletes an endpoint and its deliveries. */
export async function deleteWebhookEndpoint(db: Db, actor: WebhookActor, id: string): Promise<void> {
	assertCan(actor, 'settings.manage');
	const e = await endpointOrThrow(db, id);
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('outbox_message').where('kind', '=', 'webhook').where('endpoint_id', '=', id).execute();
		await trx.deleteFrom('webhook_endpoint').where('id', '=', id).execute();
		await appendAudit(trx, { actor: actor.email, action: 'webhook.delete', targetType: 'webhook_endpoint', targetId: id, details: { url: e.url } });
	});
}

/** "Send test event": queues one `webhook.test` delivery to the endpoint. */
export async function sendWebhookTest(db: Db, actor: WebhookActor, id: string): Promise<void> {
	assertCan(actor, 'settings.manage');
	await endpointOrThrow(db, id);
	await queueTestEvent(db, id, actor.email);
}

/**
 * "Retry now": a failed, cancelled or waiting delivery is due again at once, with the same
 * body and event id (the receiver's idempotency key). Its attempts so far stay counted.
 */
export async function retryWebhookDelivery(db: Db, actor: WebhookActor, deliveryId: string): Promise<void> {
	assertCan(actor, 'settings.manage');
	const r = await db
		.updateTable('outbox_message')
		.set({ state: 'queued', next_attempt_at: nowIso() })
		.where('id', '=', deliveryId)
		.where('kind', '=', 'webhook')
		.where('state', 'in', ['queued', 'failed', 'cancelled'])
		.executeTakeFirst();
	if (Number(r.numUpdatedRows) === 0) throw new ConflictError('this delivery is being sent or was received: nothing to retry', 'webhook_not_retryable');
	await appendAudit(db, { actor: actor.email, action: 'webhook.retry', targetType: 'outbox_message', targetId: deliveryId });
}
