import type { PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/access/guard.ts';
import { translationsArea } from '$lib/server/workspace/pages.ts';

export const load: PageServerLoad = async ({ locals }) => {
	requirePermission(locals, 'questionnaires.author');
	return { progress: await translationsArea() };
};
