import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/instance';
import { pendingMigrations } from '$lib/server/db/migrate';
import { isDraining } from '$lib/server/platform/lifecycle.ts';

/** Readiness: not shutting down, the database answers and every migration in migrations/ is applied. */
export async function GET() {
	if (isDraining()) return json({ status: 'draining' }, { status: 503 });
	try {
		const pending = await pendingMigrations(getDb());
		if (pending.length > 0) return json({ status: 'not ready', pendingMigrations: pending }, { status: 503 });
		return json({ status: 'ready' });
	} catch {
		return json({ status: 'not ready', database: 'unreachable' }, { status: 503 });
	}
}
