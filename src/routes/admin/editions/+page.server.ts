import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { requirePermission } from '$lib/server/access/guard.ts';
import { listEditionsFor, parseEditionState } from '$lib/server/workspace/editions.ts';

/** Every edition, archived ones included, filtered by `?state=` (works without JavaScript). */
export const load: PageServerLoad = async ({ locals, url }) => ({
	list: await listEditionsFor(getDb(), requirePermission(locals, 'tracking.read'), parseEditionState(url.searchParams.get('state')))
});
