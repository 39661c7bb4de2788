import { sql } from 'kysely';
import type { Db } from '../db/create-db.ts';
import { pendingMigrations } from '../db/migrate.ts';
import { isDraining } from './lifecycle.ts';

/** What /healthz and /readyz answer: the status code and the JSON body (docs/operations.md). */
export interface Health {
	status: 200 | 503;
	body: Record<string, unknown>;
}

/** Liveness with a real database round trip. Both take the handle's getter: a database that cannot be opened answers 503. */
export async function liveness(db: () => Db): Promise<Health> {
	try {
		await sql`select 1`.execute(db());
		return { status: 200, body: { status: 'ok', database: 'ok' } };
	} catch {
		return { status: 503, body: { status: 'error', database: 'unreachable' } };
	}
}

/** Readiness: not shutting down, the database answers and every migration in migrations/ is applied. */
export async function readiness(db: () => Db): Promise<Health> {
	if (isDraining()) return { status: 503, body: { status: 'draining' } };
	try {
		const pending = await pendingMigrations(db());
		if (pending.length > 0) return { status: 503, body: { status: 'not ready', pendingMigrations: pending } };
		return { status: 200, body: { status: 'ready' } };
	} catch {
		return { status: 503, body: { status: 'not ready', database: 'unreachable' } };
	}
}
