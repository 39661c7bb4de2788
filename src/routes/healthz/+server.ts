import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import { getDb } from '$lib/server/db/instance';

/** Liveness with a real database round trip. */
export async function GET() {
	try {
		await sql`select 1`.execute(getDb());
		return json({ status: 'ok', database: 'ok' });
	} catch {
		return json({ status: 'error', database: 'unreachable' }, { status: 503 });
	}
}
