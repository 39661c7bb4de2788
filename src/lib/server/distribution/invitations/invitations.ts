import type { Db } from '../../db/create-db.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../../domain/errors.ts';
import { isLocale } from '../../../domain/locales.ts';
import { isEmailAddress } from '../../../domain/registry/registry-rows.ts';
import { generateToken, hashToken } from '../../../domain/invitation/token.ts';
import { findEditionBySlug } from '../editions/editions-repository.ts';
import { findEntityByCode, insertContact, listContacts } from '../registry/entities-repository.ts';
import { findInvitation, insertInvitation, insertLink, revokeLinks } from './invitations-repository.ts';
import { queueInvitationForEntity } from './bulk.ts';
import { appendAudit } from '../../access/audit/audit-repository.ts';

export interface IssuedLink {
	url: string;
	token: string;
	invitationId: string;
}

export function respondentUrl(publicUrl: string, token: string): string {
	return `${publicUrl}/r/${token}`;
}

/**
 * Invites an entity to an edition (one invitation per entity and edition) and issues
 * a new personal link. The token is returned once, here; only its hash is stored.
 */
export async function inviteEntity(db: Db, editionSlug: string, entityCode: string, publicUrl: string, actor = 'system'): Promise<IssuedLink> {
	const edition = await findEditionBySlug(db, editionSlug);
	if (!edition) throw new NotFoundError(`no edition "${editionSlug}"`);
	const entity = await findEntityByCode(db, entityCode);
	if (!entity) throw new NotFoundError(`no entity with code "${entityCode}"`);
	const token = generateToken();
	const invitationId = await db.transaction().execute(async (trx) => {
		const invitation = (await findInvitation(trx, edition.id, entity.id)) ?? (await insertInvitation(trx, edition.id, entity.id));
		await insertLink(trx, invitation.id, hashToken(token));
		await appendAudit(trx, {
			actor,
			action: 'invitation.link',
			targetType: 'invitation',
			targetId: invitation.id,
			details: { edition: edition.slug, entity: entity.code }
		});
		return invitation.id;
	});
	return { url: respondentUrl(publicUrl, token), token, invitationId };
}

async function invitationOf(db: Db, editionSlug: string, entityCode: string) {
	const edition = await findEditionBySlug(db, editionSlug);
	if (!edition) throw new NotFoundError(`no edition "${editionSlug}"`);
	const entity = await findEntityByCode(db, entityCode);
	if (!entity) throw new NotFoundError(`no entity with code "${entityCode}"`);
	const invitation = await findInvitation(db, edition.id, entity.id);
	if (!invitation) throw new NotFoundError(`${entityCode} is not invited to ${editionSlug}`);
	return { edition, entity, invitation };
}

/** Revokes every link of an entity's invitation (a leaked or forwarded-by-mistake link). The response is kept. */
export async function revokeEntityLinks(db: Db, editionSlug: string, entityCode: string, actor: string): Promise<number> {
	const { invitation } = await invitationOf(db, editionSlug, entityCode);
	return db.transaction().execute(async (trx) => {
		const revoked = await revokeLinks(trx, invitation.id);
		await appendAudit(trx, {
			actor,
			action: 'invitation.revoke_links',
			targetType: 'invitation',
			targetId: invitation.id,
			details: { entity: entityCode, revoked }
		});
		return revoked;
	});
}

async function isSubmitted(db: Db, editionId: string, entityId: string): Promise<boolean> {
	const response = await db.selectFrom('response').select('state').where('edition_id', '=', editionId).where('entity_id', '=', entityId).executeTakeFirst();
	return response?.state === 'submitted';
}

/**
 * Revokes the entity's links and issues a new one: either shown once to the coordinator
 * (to paste into a personal message) or, with `send`, e-mailed to its contacts.
 */
export async function reissueEntityLink(
	db: Db,
	editionSlug: string,
	entityCode: string,
	publicUrl: string,
	actor: string,
	send: boolean
): Promise<{ url: string | null; queued: number }> {
	const { edition, entity, invitation } = await invitationOf(db, editionSlug, entityCode);
	const extension = await db.selectFrom('invitation_extension').select('until').where('invitation_id', '=', invitation.id).executeTakeFirst();
	if (edition.state !== 'open' && !(edition.state === 'closed' && extension && extension.until > new Date().toISOString())) {
		throw new ConflictError(`edition ${editionSlug} is ${edition.state}`);
	}
	// A link shown to the coordinator would open the submitted answers' receipt: it may only be e-mailed
	// to the entity's focal points (docs/access.md). Shown links also never reveal answers (respondent-service).
	if (!send && (await isSubmitted(db, edition.id, entity.id))) {
		throw new ConflictError(
			`${entityCode} has already submitted its answers: a new link can only be e-mailed to its focal points (tick "e-mail it")`,
			'reissue_submitted'
		);
	}
	const token = generateToken();
	await db.transaction().execute(async (trx) => {
		await revokeLinks(trx, invitation.id);
		if (!send) await insertLink(trx, invitation.id, hashToken(token));
		await appendAudit(trx, { actor, action: 'invitation.reissue', targetType: 'invitation', targetId: invitation.id, details: { entity: entityCode, send } });
	});
	if (!send) return { url: respondentUrl(publicUrl, token), queued: 0 };
	const { queued } = await queueInvitationForEntity(db, edition, entityCode, actor);
	return { url: null, queued };
}

/**
 * Adds a contact to an entity (a focal point delegating to a colleague) and, when the
 * entity is invited to `editionSlug`, e-mails the colleague a link to the same response.
 */
export async function addEntityContact(
	db: Db,
	entityCode: string,
	contact: { name: string; email: string; language: string | null },
	actor: string,
	editionSlug?: string
): Promise<{ queued: number }> {
	const entity = await findEntityByCode(db, entityCode);
	if (!entity) throw new NotFoundError(`no entity with code "${entityCode}"`);
	const email = contact.email.trim().toLowerCase();
	if (!isEmailAddress(email)) throw new InvalidInputError(`"${contact.email}" is not a valid e-mail address`);
	if (contact.language !== null && !isLocale(contact.language)) throw new InvalidInputError(`"${contact.language}" is not one of ar, zh, en, fr, ru, es`);
	if ((await listContacts(db, entity.id)).some((c) => c.email === email)) throw new ConflictError(`${email} is already a contact of ${entityCode}`);
	await db.transaction().execute(async (trx) => {
		const id = await insertContact(trx, entity.id, { name: contact.name.trim() || email, email, language: contact.language });
		await appendAudit(trx, { actor, action: 'contact.add', targetType: 'contact', targetId: id, details: { entity: entityCode, email } });
	});
	if (!editionSlug) return { queued: 0 };
	const edition = await findEditionBySlug(db, editionSlug);
	if (!edition || edition.state !== 'open' || !(await findInvitation(db, edition.id, entity.id))) return { queued: 0 };
	return queueInvitationForEntity(db, edition, entityCode, actor, email);
}

/**
 * Lets one entity answer until `until` although the edition closes or has closed
 * (its links work again until then). A submitted response stays submitted.
 */
export async function extendEntity(db: Db, editionSlug: string, entityCode: string, until: string, actor: string): Promise<string> {
	const { edition, invitation } = await invitationOf(db, editionSlug, entityCode);
	const date = new Date(until);
	if (Number.isNaN(date.getTime())) throw new InvalidInputError(`"${until}" is not a date and time (ISO 8601, e.g. 2027-01-15T17:00:00Z)`);
	if (date.getTime() <= Date.now()) throw new InvalidInputError('the extension must end in the future');
	if (edition.state === 'archived' || edition.state === 'draft') throw new ConflictError(`edition ${editionSlug} is ${edition.state}`);
	const iso = date.toISOString();
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('invitation_extension')
			.values({ invitation_id: invitation.id, until: iso, created_by: actor, created_at: new Date().toISOString() })
			.onConflict((oc) => oc.column('invitation_id').doUpdateSet({ until: iso, created_by: actor }))
			.execute();
		await appendAudit(trx, {
			actor,
			action: 'invitation.extend',
			targetType: 'invitation',
			targetId: invitation.id,
			details: { entity: entityCode, until: iso }
		});
	});
	return iso;
}

/** The invitation a respondent's link opens, for the respondent area. */
export { findLinkContext, linkContextQuery, markInvitationOpened, type LinkContext } from './invitations-repository.ts';
