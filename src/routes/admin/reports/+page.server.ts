import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/access/guard.ts';
import { reportsArea } from '$lib/server/workspace/pages.ts';

export const load: PageServerLoad = async ({ locals }) => {
	requirePermission(locals, 'reports.read_published');
	return { editions: await reportsArea() };
};
