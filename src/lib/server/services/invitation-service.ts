import type { Db } from '../db/create-db.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { generateToken, hashToken } from '../../domain/invitation/token.ts';
import { findEditionBySlug } from '../repositories/editions.ts';
import { findEntityByCode } from '../repositories/entities.ts';
import { findInvitation, insertInvitation, insertLink } from '../repositories/invitations.ts';
import { appendAudit } from '../repositories/audit.ts';

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
		await appendAudit(trx, { actor, action: 'invitation.link', targetType: 'invitation', targetId: invitation.id, details: { edition: edition.slug, entity: entity.code } });
		return invitation.id;
	});
	return { url: respondentUrl(publicUrl, token), token, invitationId };
}
