import type { Db } from '../../db/create-db.ts';
import type { OutboxMessageTable } from '../../db/schema/distribution.ts';
import { ConflictError, NotFoundError } from '../../../domain/errors.ts';
import { findEditionBySlug } from '../editions/editions-repository.ts';
import { appendAudit } from '../../access/audit/audit-repository.ts';
import { nowIso } from '../../db/ids.ts';

export type OutboxState = OutboxMessageTable['state'];
export const OUTBOX_STATES: readonly OutboxState[] = ['queued', 'sending', 'sent', 'failed', 'cancelled'];
/** Messages per page of the outbox list. */
export const OUTBOX_PAGE_SIZE = 50;

export interface OutboxMessageView {
	id: string;
	toEmail: string;
	entityCode: string;
	entityName: string;
	entityKind: string;
	countryIso2: string | null;
	kind: OutboxMessageTable['kind'];
	locale: string;
	state: OutboxState;
	attempts: number;
	lastError: string | null;
	createdAt: string;
	sentAt: string | null;
}

/**
 * An edition's outbox message by message, newest first: failures first when `state` is
 * 'failed', one page of `OUTBOX_PAGE_SIZE`. Edition-wide: the coordinator's view (invitations.send).
 */
export async function listOutbox(
	db: Db,
	slug: string,
	filter: { state?: OutboxState; page: number }
): Promise<{ messages: OutboxMessageView[]; total: number; page: number; pages: number }> {
	const edition = await findEditionBySlug(db, slug);
	if (!edition) throw new NotFoundError(`no edition "${slug}"`);
	let base = db.selectFrom('outbox_message as o').where('o.edition_id', '=', edition.id);
	if (filter.state) base = base.where('o.state', '=', filter.state);
	const total = Number((await base.select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
	const pages = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
	const page = Math.min(Math.max(1, filter.page), pages);
	const rows = await base
		.innerJoin('invitation as i', 'i.id', 'o.invitation_id')
		.innerJoin('entity as n', 'n.id', 'i.entity_id')
		.leftJoin('country as k', 'k.iso3', 'n.country_iso3')
		.select([
			'o.id',
			'o.to_email',
			'n.code',
			'n.name',
			'n.kind as entity_kind',
			'k.iso2',
			'o.kind',
			'o.locale',
			'o.state',
			'o.attempts',
			'o.last_error',
			'o.created_at',
			'o.sent_at'
		])
		// An edition's rows are e-mail (webhook deliveries have no edition): an address each.
		.$narrowType<{ to_email: string; kind: 'invitation' | 'reminder' }>()
		.orderBy('o.created_at', 'desc')
		.orderBy('o.id')
		.limit(OUTBOX_PAGE_SIZE)
		.offset((page - 1) * OUTBOX_PAGE_SIZE)
		.execute();
	const messages = rows.map((r) => ({
		id: r.id,
		toEmail: r.to_email,
		entityCode: r.code,
		entityName: r.name,
		entityKind: r.entity_kind,
		countryIso2: r.iso2,
		kind: r.kind,
		locale: r.locale,
		state: r.state,
		attempts: r.attempts,
		lastError: r.last_error,
		createdAt: r.created_at,
		sentAt: r.sent_at
	}));
	return { messages, total, page, pages };
}

/**
 * Puts a failed message of the edition back in the queue for one more attempt now (the
 * sender picks it up at its next poll). The attempts so far and the last error stay visible.
 */
export async function retryOutboxMessage(db: Db, slug: string, messageId: string, actor: string): Promise<void> {
	const edition = await findEditionBySlug(db, slug);
	if (!edition) throw new NotFoundError(`no edition "${slug}"`);
	await db.transaction().execute(async (trx) => {
		const message = await trx
			.selectFrom('outbox_message')
			.select(['id', 'state', 'to_email', 'kind'])
			.where('id', '=', messageId)
			.where('edition_id', '=', edition.id)
			.executeTakeFirst();
		if (!message) throw new NotFoundError('no such message in this edition');
		if (message.state !== 'failed') throw new ConflictError('only a failed message can be retried');
		// Compare-and-set on the state: two coordinators retrying at once queue it once.
		const r = await trx
			.updateTable('outbox_message')
			.set({ state: 'queued', next_attempt_at: nowIso() })
			.where('id', '=', messageId)
			.where('state', '=', 'failed')
			.executeTakeFirst();
		if (Number(r.numUpdatedRows) === 0) throw new ConflictError('only a failed message can be retried');
		await appendAudit(trx, {
			actor,
			action: 'outbox.retry',
			targetType: 'edition',
			targetId: edition.id,
			details: { message: messageId, to: message.to_email, kind: message.kind }
		});
	});
}
