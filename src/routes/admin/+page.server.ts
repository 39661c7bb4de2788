import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { requireUser } from '$lib/server/auth/guard';
import { loadHome } from '$lib/server/services/secretariat-home';

/** The home of each role: what needs attention, only what the role may see (scoped by region for a regional office). */
export const load: PageServerLoad = async ({ locals }) => ({ home: await loadHome(getDb(), requireUser(locals)) });
