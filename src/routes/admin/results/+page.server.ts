import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { resultsEditions } from '$lib/server/analysis/pages.ts';

export const load: PageServerLoad = async () => ({ editions: await resultsEditions(getDb()) });
