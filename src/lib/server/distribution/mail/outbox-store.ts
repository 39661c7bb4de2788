import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema/database.ts';
import type { OutboxMessageTable } from '../../db/schema/distribution.ts';
import { newId, nowIso } from '../../db/ids.ts';

export type OutboxKind = OutboxMessageTable['kind'];

export interface QueueItem {
	kind: OutboxKind;
	editionId: string;
	invitationId: string;
	contactId: string;
	toEmail: string;
	locale: string;
}

/** Several hundred rows per statement keeps SQLite's variable limit far away. */
const INSERT_CHUNK = 200;

export async function queueMessages(db: Kysely<Database>, items: QueueItem[], batchId: string, createdBy: string): Promise<void> {
	const now = nowIso();
	const rows = items.map((i) => ({
		id: newId(),
		kind: i.kind,
		edition_id: i.editionId,
		invitation_id: i.invitationId,
		contact_id: i.contactId,
		to_email: i.toEmail,
		locale: i.locale,
		state: 'queued' as const,
		attempts: 0,
		next_attempt_at: now,
		last_error: null,
		batch_id: batchId,
		created_by: createdBy,
		created_at: now,
		sent_at: null
	}));
	for (let i = 0; i < rows.length; i += INSERT_CHUNK)
		await db
			.insertInto('outbox_message')
			.values(rows.slice(i, i + INSERT_CHUNK))
			.execute();
}

/**
 * How long a sender holds a claimed message. While a message is "sending",
 * next_attempt_at is the end of this lease: if the node holding it dies, any node may
 * claim it again once the lease is over. Far longer than one delivery (the SMTP
 * timeouts are 15 s a step, plus the rate-limit wait after the claim).
 */
export const CLAIM_LEASE_MS = 10 * 60 * 1000;

const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

/**
 * Claims the next due message of `kinds` so that no other sender takes it: several app
 * processes may run a sender on the same database. The claim is a conditional update
 * (compare-and-set on state and next_attempt_at): of two senders that read the same
 * row, only one changes it; the other sees 0 rows and looks again. E-mail and webhook
 * deliveries (distribution/webhooks) share this queue, each sender claiming its kinds.
 */
export async function claimDue(db: Kysely<Database>, now: string, kinds: readonly OutboxKind[]): Promise<string | undefined> {
	for (;;) {
		const next = await db
			.selectFrom('outbox_message')
			.select(['id', 'state', 'next_attempt_at'])
			.where('state', 'in', ['queued', 'sending'])
			.where('next_attempt_at', '<=', now)
			.where('kind', 'in', [...kinds])
			.orderBy('next_attempt_at')
			.orderBy('id')
			.limit(1)
			.executeTakeFirst();
		if (!next) return undefined;
		const leaseEnd = new Date(Date.parse(now) + CLAIM_LEASE_MS).toISOString();
		const claimed = await db
			.updateTable('outbox_message')
			.set({ state: 'sending', next_attempt_at: leaseEnd })
			.where('id', '=', next.id)
			.where('state', '=', next.state)
			.where('next_attempt_at', '=', next.next_attempt_at)
			.executeTakeFirst();
		if (Number(claimed.numUpdatedRows) === 0) continue;
		return next.id;
	}
}

/** Everything needed to render and send one e-mail, claimed (`claimDue`). */
export async function claimNextDue(db: Kysely<Database>, now: string) {
	const id = await claimDue(db, now, ['invitation', 'reminder']);
	if (!id) return undefined;
	return (
		db
			.selectFrom('outbox_message as o')
			.innerJoin('contact as c', 'c.id', 'o.contact_id')
			.innerJoin('invitation as i', 'i.id', 'o.invitation_id')
			.innerJoin('entity as n', 'n.id', 'i.entity_id')
			.innerJoin('edition as e', 'e.id', 'o.edition_id')
			.leftJoin('invitation_extension as x', 'x.invitation_id', 'i.id')
			.leftJoin('response as r', (j) => j.onRef('r.edition_id', '=', 'i.edition_id').onRef('r.entity_id', '=', 'i.entity_id'))
			.select([
				'o.id',
				'o.kind',
				'o.to_email',
				'o.locale',
				'o.attempts',
				'i.id as invitation_id',
				'c.id as contact_id',
				'c.name as contact_name',
				'n.name as entity_name',
				'e.state as edition_state',
				'e.closes_at',
				'e.questionnaire_id',
				'i.state as invitation_state',
				'r.state as response_state',
				'x.until as extended_until'
			])
			// An e-mail row has its address and kind (the table's CHECK).
			.$narrowType<{ kind: 'invitation' | 'reminder'; to_email: string }>()
			.where('o.id', '=', id)
			.executeTakeFirstOrThrow()
	);
}
export type ClaimedMessage = NonNullable<Awaited<ReturnType<typeof claimNextDue>>>;

export async function markSent(db: Kysely<Database>, id: string, attempts: number): Promise<void> {
	await db.updateTable('outbox_message').set({ state: 'sent', attempts, sent_at: nowIso(), last_error: null }).where('id', '=', id).execute();
}

export async function markRetry(db: Kysely<Database>, id: string, attempts: number, error: string, nextAttemptAt: string): Promise<void> {
	await db.updateTable('outbox_message').set({ state: 'queued', attempts, last_error: error, next_attempt_at: nextAttemptAt }).where('id', '=', id).execute();
}

/** The delay before retry number `attempts` (1, 2, ...): `baseMs`, doubling each time, capped at an hour. */
export function retryDelayMs(baseMs: number, attempts: number): number {
	return Math.min(baseMs * 2 ** (attempts - 1), MAX_RETRY_DELAY_MS);
}

export async function markFinal(db: Kysely<Database>, id: string, state: 'failed' | 'cancelled', attempts: number, error: string): Promise<void> {
	await db.updateTable('outbox_message').set({ state, attempts, last_error: error }).where('id', '=', id).execute();
}

/**
 * After a crash mid-send a message stays "sending": put it back in the queue at start,
 * once its lease is over (another node may be sending it right now).
 */
export async function requeueInterrupted(db: Kysely<Database>, now = nowIso()): Promise<number> {
	const r = await db
		.updateTable('outbox_message')
		.set({ state: 'queued' })
		.where('state', '=', 'sending')
		.where('next_attempt_at', '<=', now)
		.executeTakeFirst();
	return Number(r.numUpdatedRows);
}

export interface OutboxCounts {
	queued: number;
	sending: number;
	sent: number;
	failed: number;
	cancelled: number;
	/** Queued messages that have already failed at least once (SMTP down or refusing). */
	retrying: number;
	lastError: string | null;
}

/** Progress of an edition's (or one batch's) e-mail, for the interface and the CLI. */
export async function outboxCounts(db: Kysely<Database>, filter: { editionId?: string; batchId?: string }): Promise<OutboxCounts> {
	let q = db
		.selectFrom('outbox_message')
		.select([
			'state',
			sql<number>`count(*)`.as('n'),
			sql<number>`sum(case when attempts > 0 then 1 else 0 end)`.as('tried'),
			sql<string | null>`max(case when last_error is not null then next_attempt_at || ' ' || last_error end)`.as('last_error')
		])
		.groupBy('state');
	if (filter.editionId) q = q.where('edition_id', '=', filter.editionId);
	if (filter.batchId) q = q.where('batch_id', '=', filter.batchId);
	const counts: OutboxCounts = { queued: 0, sending: 0, sent: 0, failed: 0, cancelled: 0, retrying: 0, lastError: null };
	for (const r of await q.execute()) {
		counts[r.state] = Number(r.n);
		if (r.state === 'queued') counts.retrying = Number(r.tried);
		if (r.last_error && (r.state === 'queued' || r.state === 'failed')) counts.lastError = r.last_error.slice(r.last_error.indexOf(' ') + 1);
	}
	return counts;
}
