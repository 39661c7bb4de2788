import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { requirePermission } from '$lib/server/auth/guard';
import { listTranslationProgress } from '$lib/server/services/secretariat-home';

export const load: PageServerLoad = async ({ locals }) => {
	requirePermission(locals, 'questionnaires.author');
	return { progress: await listTranslationProgress(getDb()) };
};
