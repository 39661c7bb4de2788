import type { Kysely } from 'kysely';
import type { Database, Invitation } from '../../db/schema/database.ts';
import { newId, nowIso } from '../../db/ids.ts';

export async function findInvitation(db: Kysely<Database>, editionId: string, entityId: string): Promise<Invitation | undefined> {
	return db.selectFrom('invitation').selectAll().where('edition_id', '=', editionId).where('entity_id', '=', entityId).executeTakeFirst();
}

export async function insertInvitation(db: Kysely<Database>, editionId: string, entityId: string): Promise<Invitation> {
	const row = {
		id: newId(),
		edition_id: editionId,
		entity_id: entityId,
		state: 'active' as const,
		created_at: nowIso(),
		first_opened_at: null,
		last_opened_at: null
	};
	await db.insertInto('invitation').values(row).execute();
	return row;
}

/**
 * Stores a link's token hash. With `contactId` the link is being e-mailed to that focal
 * point (`mailed`); without, it is shown to a Secretariat user (`shown`), and will then
 * never reveal submitted answers (see respondent-service).
 */
export async function insertLink(db: Kysely<Database>, invitationId: string, tokenHash: string, contactId: string | null = null): Promise<void> {
	await db
		.insertInto('invitation_link')
		.values({
			token_hash: tokenHash,
			invitation_id: invitationId,
			contact_id: contactId,
			created_at: nowIso(),
			revoked_at: null,
			delivery: contactId ? 'mailed' : 'shown'
		})
		.execute();
}

/** Everything a respondent page needs, found from the hash of a link's token. */
export async function findLinkContext(db: Kysely<Database>, tokenHash: string) {
	return linkContextQuery(db, tokenHash).executeTakeFirst();
}

/** The query of findLinkContext, for a caller that reads more in the same statement (respondent/link-guard.ts). */
export function linkContextQuery(db: Kysely<Database>, tokenHash: string) {
	return db
		.selectFrom('invitation_link as l')
		.innerJoin('invitation as i', 'i.id', 'l.invitation_id')
		.innerJoin('edition as e', 'e.id', 'i.edition_id')
		.innerJoin('entity as n', 'n.id', 'i.entity_id')
		.leftJoin('invitation_extension as x', 'x.invitation_id', 'i.id')
		.select([
			'x.until as extended_until',
			'l.revoked_at as link_revoked_at',
			'l.delivery as link_delivery',
			'i.id as invitation_id',
			'i.state as invitation_state',
			'i.first_opened_at',
			'i.last_opened_at',
			'e.id as edition_id',
			'e.slug as edition_slug',
			'e.title as edition_title',
			'e.state as edition_state',
			'e.opens_at',
			'e.closes_at',
			'e.questionnaire_id',
			'n.id as entity_id',
			'n.code as entity_code',
			'n.name as entity_name',
			'n.language as entity_language'
		])
		.where('l.token_hash', '=', tokenHash);
}
export type LinkContext = NonNullable<Awaited<ReturnType<typeof findLinkContext>>>;

export async function markInvitationOpened(db: Kysely<Database>, invitationId: string, first: boolean): Promise<void> {
	const now = nowIso();
	await db
		.updateTable('invitation')
		.set(first ? { first_opened_at: now, last_opened_at: now } : { last_opened_at: now })
		.where('id', '=', invitationId)
		.execute();
}

/** Removes a link that was never delivered (its e-mail failed), so no unsent token stays valid. */
export async function deleteLink(db: Kysely<Database>, tokenHash: string): Promise<void> {
	await db.deleteFrom('invitation_link').where('token_hash', '=', tokenHash).execute();
}

/** Revokes every live link of an invitation; returns how many were live. */
export async function revokeLinks(db: Kysely<Database>, invitationId: string): Promise<number> {
	const r = await db
		.updateTable('invitation_link')
		.set({ revoked_at: nowIso() })
		.where('invitation_id', '=', invitationId)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return Number(r.numUpdatedRows);
}
