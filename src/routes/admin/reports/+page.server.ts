import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { reportsArea } from '$lib/server/services/secretariat-pages';

export const load: PageServerLoad = async ({ locals }) => {
	requirePermission(locals, 'reports.read_published');
	return { editions: await reportsArea() };
};
