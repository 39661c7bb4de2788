import type { Db } from '../../db/create-db.ts';
import { ConflictError, NotFoundError } from '../../../domain/errors.ts';
import { generateToken, hashToken } from '../../../domain/invitation/token.ts';
import { findEditionBySlug } from '../editions/editions-repository.ts';
import { findEntityByCode } from '../registry/entities-repository.ts';
import { findInvitation, insertInvitation, insertLink } from './invitations-repository.ts';
import { registryPrefillFor } from '../registry/prefill.ts';
import { ensureResponse } from '../../respondent/service.ts';
import { appendAudit } from '../../access/audit/audit-repository.ts';
import { isAcceptingAnswers } from '../editions/editions.ts';
import { respondentUrl } from './invitations.ts';

export interface Coordinator {
	id: string;
	email: string;
}

/**
 * A coordinator enters, for an entity, answers received on paper or by e-mail. The
 * entity's response is marked as entered on behalf (`entered_by_user_id`), the start is
 * audited, and the coordinator gets a link of their own to the same response, to fill
 * in with the ordinary questionnaire pages. Answers the entity already saved are kept.
 */
export async function startOnBehalfEntry(db: Db, editionSlug: string, entityCode: string, user: Coordinator, publicUrl: string): Promise<string> {
	const edition = await findEditionBySlug(db, editionSlug);
	if (!edition) throw new NotFoundError(`no edition "${editionSlug}"`);
	const entity = await findEntityByCode(db, entityCode);
	if (!entity) throw new NotFoundError(`no entity with code "${entityCode}"`);
	const token = generateToken();
	await db.transaction().execute(async (trx) => {
		const invitation = (await findInvitation(trx, edition.id, entity.id)) ?? (await insertInvitation(trx, edition.id, entity.id));
		if (invitation.state !== 'active') throw new ConflictError(`the invitation of ${entityCode} is ${invitation.state}`);
		const extension = await trx.selectFrom('invitation_extension').select('until').where('invitation_id', '=', invitation.id).executeTakeFirst();
		if (!isAcceptingAnswers(edition, new Date(), extension?.until ?? null))
			throw new ConflictError(`edition ${editionSlug} does not take answers now (${edition.state})`);
		const definition = async () =>
			JSON.parse(
				(await trx.selectFrom('questionnaire').select('definition_json').where('id', '=', edition.questionnaire_id).executeTakeFirstOrThrow()).definition_json
			) as object;
		const prefill = async () => registryPrefillFor(trx, entity.id, await definition());
		const response = await ensureResponse(trx, {
			editionId: edition.id,
			entityId: entity.id,
			invitationId: invitation.id,
			questionnaireId: edition.questionnaire_id,
			locale: entity.language,
			prefill
		});
		if (response.state === 'submitted') throw new ConflictError(`${entityCode} has already submitted its answers`);
		await trx.updateTable('response').set({ entered_by_user_id: user.id }).where('id', '=', response.id).execute();
		await insertLink(trx, invitation.id, hashToken(token));
		await appendAudit(trx, {
			actor: user.email,
			actorUserId: user.id,
			action: 'response.on_behalf',
			targetType: 'response',
			targetId: response.id,
			details: { edition: editionSlug, entity: entityCode }
		});
	});
	return respondentUrl(publicUrl, token);
}
