import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/instance';
import { liveness } from '$lib/server/platform/health.ts';

/** Liveness with a real database round trip (platform/health.ts). */
export async function GET() {
	const { status, body } = await liveness(getDb);
	return json(body, { status });
}
