import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/guard';
import { translationsArea } from '$lib/server/services/secretariat-pages';

export const load: PageServerLoad = async ({ locals }) => {
	requirePermission(locals, 'questionnaires.author');
	return { progress: await translationsArea() };
};
