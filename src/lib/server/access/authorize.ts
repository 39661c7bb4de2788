import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/database.ts';
import { can, type Action, type Actor } from '../../domain/access/permissions.ts';
import { ForbiddenError } from '../../domain/errors.ts';
import { appendAudit } from './audit/audit-repository.ts';

export interface AuditedActor extends Actor {
	id: string;
	email: string;
}

/**
 * The services' check: refuses with ForbiddenError and leaves an `access.denied`
 * audit entry, so that a crafted post trying an action beyond one's role is both
 * stopped and traced. Call it before any write.
 */
export async function authorize(db: Kysely<Database>, actor: AuditedActor, action: Action, scope: { region?: string | null } = {}): Promise<void> {
	if (can(actor, action, scope)) return;
	await appendAudit(db, {
		actor: actor.email,
		actorUserId: actor.id,
		action: 'access.denied',
		details: { action, role: actor.role, ...(scope.region !== undefined ? { region: scope.region } : {}) }
	});
	throw new ForbiddenError(`your role (${actor.role}) does not allow ${action}`);
}
