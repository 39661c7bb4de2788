import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema/database.ts';
import { newId, nowIso } from '../../db/ids.ts';

export interface AuditEntry {
	actor: string;
	actorUserId?: string | null;
	action: string;
	targetType?: string;
	targetId?: string;
	details?: Record<string, unknown>;
	ip?: string | null;
}

/** Appends one line to the audit log. There is no update or delete function, on purpose. */
export async function appendAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			id: newId(),
			at: nowIso(),
			actor: entry.actor,
			actor_user_id: entry.actorUserId ?? null,
			action: entry.action,
			target_type: entry.targetType ?? null,
			target_id: entry.targetId ?? null,
			details_json: entry.details ? JSON.stringify(entry.details) : null,
			ip: entry.ip ?? null
		})
		.execute();
}
