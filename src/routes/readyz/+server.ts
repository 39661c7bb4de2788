import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/instance';
import { readiness } from '$lib/server/platform/health.ts';

/** Readiness (platform/health.ts): 503 while draining, when the database is unreachable or a migration is pending. */
export async function GET() {
	const { status, body } = await readiness(getDb);
	return json(body, { status });
}
