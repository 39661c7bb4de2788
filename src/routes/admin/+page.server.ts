import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { listEditions } from '$lib/server/distribution/editions-repository.ts';

export const load: PageServerLoad = async () => ({ editions: await listEditions(getDb()) });
