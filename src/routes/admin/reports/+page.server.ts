import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { requirePermission } from '$lib/server/auth/guard';
import { listEditionReports } from '$lib/server/services/secretariat-home';

export const load: PageServerLoad = async ({ locals }) => {
	requirePermission(locals, 'reports.read_published');
	return { editions: await listEditionReports(getDb()) };
};
