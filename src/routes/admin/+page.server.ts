import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { requireUser } from '$lib/server/access/guard.ts';
import { loadHome } from '$lib/server/workspace/home.ts';

/** The home of each role: what needs attention, only what the role may see (scoped by region for a regional office). */
export const load: PageServerLoad = async ({ locals }) => ({ home: await loadHome(getDb(), requireUser(locals)) });
