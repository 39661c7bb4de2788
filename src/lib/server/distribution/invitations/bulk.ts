import { sql } from 'kysely';
import type { Db } from '../../db/create-db.ts';
import type { Edition } from '../../db/schema/database.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../../domain/errors.ts';
import { findEditionBySlug } from '../editions/editions-repository.ts';
import { appendAudit } from '../../access/audit/audit-repository.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { queueMessages, type OutboxKind } from '../mail/outbox-store.ts';
import { REGISTRY_KINDS } from '../../../domain/registry/registry-rows.ts';

/** Who a reminder goes to: any combination; an empty segment is every non-responder. */
export interface Segment {
	region?: string;
	kind?: string;
	state?: 'not_opened' | 'opened' | 'in_progress';
}
export const SEGMENT_STATES = ['not_opened', 'opened', 'in_progress'] as const;

async function editionOrThrow(db: Db, slug: string): Promise<Edition> {
	const edition = await findEditionBySlug(db, slug);
	if (!edition) throw new NotFoundError(`no edition "${slug}"`);
	return edition;
}

function checkSegment(s: Segment): void {
	if (s.region !== undefined && !/^[A-Z]{3}$/.test(s.region)) throw new InvalidInputError(`"${s.region}" is not a region code (AFR, AMS, ARB, ASP, CIS, EUR)`);
	if (s.kind !== undefined && !(REGISTRY_KINDS as readonly string[]).includes(s.kind))
		throw new InvalidInputError(`"${s.kind}" is not a category (${REGISTRY_KINDS.join(', ')})`);
	if (s.state !== undefined && !(SEGMENT_STATES as readonly string[]).includes(s.state))
		throw new InvalidInputError(`"${s.state}" is not a state (${SEGMENT_STATES.join(', ')})`);
}

export interface InviteAllResult {
	created: number;
	total: number;
	withoutContact: number;
}

/** One invitation per entity of the registry (existing invitations are kept). No link is issued yet: links are issued when e-mail is sent. */
export async function inviteAllEntities(db: Db, slug: string, actor: string): Promise<InviteAllResult> {
	const edition = await editionOrThrow(db, slug);
	if (edition.state === 'closed' || edition.state === 'archived') throw new ConflictError(`edition ${slug} is ${edition.state}`);
	return db.transaction().execute(async (trx) => {
		const missing = await trx
			.selectFrom('entity as n')
			.leftJoin('invitation as i', (j) => j.onRef('i.entity_id', '=', 'n.id').on('i.edition_id', '=', edition.id))
			.select('n.id')
			.where('i.id', 'is', null)
			.execute();
		const now = nowIso();
		const rows = missing.map((n) => ({
			id: newId(),
			edition_id: edition.id,
			entity_id: n.id,
			state: 'active' as const,
			created_at: now,
			first_opened_at: null,
			last_opened_at: null
		}));
		for (let i = 0; i < rows.length; i += 200)
			await trx
				.insertInto('invitation')
				.values(rows.slice(i, i + 200))
				.execute();
		const counts = await trx
			.selectFrom('invitation as i')
			.select([
				sql<number>`count(*)`.as('total'),
				sql<number>`sum(case when not exists (select 1 from contact c where c.entity_id = i.entity_id and c.bounced_at is null) then 1 else 0 end)`.as(
					'without'
				)
			])
			.where('i.edition_id', '=', edition.id)
			.where('i.state', '=', 'active')
			.executeTakeFirstOrThrow();
		const result = { created: rows.length, total: Number(counts.total), withoutContact: Number(counts.without ?? 0) };
		await appendAudit(trx, { actor, action: 'invitation.invite_all', targetType: 'edition', targetId: edition.id, details: { ...result } });
		return result;
	});
}

export interface QueueResult {
	batchId: string;
	queued: number;
}

/** The contacts (not bounced) of active invitations in a segment; `onlyPending` leaves out submitted responses. */
async function recipients(db: Db, edition: Edition, segment: Segment, onlyPending: boolean, entityCode?: string) {
	let q = db
		.selectFrom('invitation as i')
		.innerJoin('entity as n', 'n.id', 'i.entity_id')
		.innerJoin('contact as c', 'c.entity_id', 'n.id')
		.leftJoin('response as r', (j) => j.onRef('r.edition_id', '=', 'i.edition_id').onRef('r.entity_id', '=', 'i.entity_id'))
		.select(['i.id as invitation_id', 'c.id as contact_id', 'c.email', sql<string>`coalesce(c.language, n.language)`.as('locale')])
		.where('i.edition_id', '=', edition.id)
		.where('i.state', '=', 'active')
		.where('c.bounced_at', 'is', null);
	if (entityCode) q = q.where('n.code', '=', entityCode);
	if (onlyPending) q = q.where((eb) => eb.or([eb('r.state', 'is', null), eb('r.state', '!=', 'submitted')]));
	if (segment.region) q = q.where('n.region_code', '=', segment.region);
	if (segment.kind) q = q.where('n.kind', '=', segment.kind);
	if (segment.state === 'not_opened') q = q.where('i.first_opened_at', 'is', null);
	if (segment.state === 'opened')
		q = q.where('i.first_opened_at', 'is not', null).where((eb) => eb.or([eb('r.revision', 'is', null), eb('r.revision', '=', 0)]));
	if (segment.state === 'in_progress') q = q.where('r.revision', '>', 0);
	return q.orderBy('n.code').orderBy('c.is_primary', 'desc').execute();
}

/**
 * Queues `kind` to each recipient not already waiting for one. `onceOnly` also skips
 * those already sent one (the invitation e-mail goes once per contact): read inside
 * the transaction, after the edition lock, so two runs at once cannot both send it.
 */
async function queueFor(
	db: Db,
	edition: Edition,
	kind: OutboxKind,
	list: Awaited<ReturnType<typeof recipients>>,
	actor: string,
	details: Record<string, unknown>,
	onceOnly = false
): Promise<QueueResult> {
	const batchId = newId();
	return db.transaction().execute(async (trx) => {
		// A no-op write on the edition row: on PostgreSQL it holds the row's lock until
		// commit, so two nodes queueing for one edition take turns and the second sees
		// the first's messages below (SQLite's single writer does the same by itself).
		await trx
			.updateTable('edition')
			.set((eb) => ({ state: eb.ref('state') }))
			.where('id', '=', edition.id)
			.execute();
		// Never two messages of the same kind waiting for the same contact (a double click, a rerun).
		const skip = onceOnly ? (['queued', 'sending', 'sent'] as const) : (['queued', 'sending'] as const);
		const waiting = new Set(
			(
				await trx
					.selectFrom('outbox_message')
					.select(['invitation_id', 'contact_id'])
					.where('edition_id', '=', edition.id)
					.where('kind', '=', kind)
					.where('state', 'in', [...skip])
					.execute()
			).map((w) => `${w.invitation_id} ${w.contact_id}`)
		);
		const items = list
			.filter((r) => !waiting.has(`${r.invitation_id} ${r.contact_id}`))
			.map((r) => ({ kind, editionId: edition.id, invitationId: r.invitation_id, contactId: r.contact_id, toEmail: r.email, locale: r.locale }));
		await queueMessages(trx, items, batchId, actor);
		await appendAudit(trx, {
			actor,
			action: `outbox.queue_${kind}`,
			targetType: 'edition',
			targetId: edition.id,
			details: { ...details, batch: batchId, queued: items.length }
		});
		return { batchId, queued: items.length };
	});
}

/**
 * Queues the invitation e-mail for every contact of every invited entity that has not
 * received one yet (so rerunning after adding contacts only writes to the new ones).
 */
export async function queueInvitationEmails(db: Db, slug: string, actor: string): Promise<QueueResult> {
	const edition = await editionOrThrow(db, slug);
	if (edition.state !== 'open') throw new ConflictError(`edition ${slug} is ${edition.state}: invitations are sent while it is open`);
	return queueFor(db, edition, 'invitation', await recipients(db, edition, {}, true), actor, {}, true);
}

/** Queues a reminder to the contacts of entities in the segment that have not submitted. */
export async function queueReminders(db: Db, slug: string, segment: Segment, actor: string): Promise<QueueResult> {
	checkSegment(segment);
	const edition = await editionOrThrow(db, slug);
	if (edition.state !== 'open') throw new ConflictError(`edition ${slug} is ${edition.state}: reminders are sent while it is open`);
	return queueFor(db, edition, 'reminder', await recipients(db, edition, segment, true), actor, { segment });
}

/** Queues one invitation e-mail to one entity's contacts (after a reissue or a new contact). */
export async function queueInvitationForEntity(db: Db, edition: Edition, entityCode: string, actor: string, contactEmail?: string): Promise<QueueResult> {
	const list = (await recipients(db, edition, {}, false, entityCode)).filter((r) => !contactEmail || r.email === contactEmail.toLowerCase());
	return queueFor(db, edition, 'invitation', list, actor, { entity: entityCode, contact: contactEmail ?? null });
}
