import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { editionStatus } from '$lib/server/services/edition-service';
import { listRegions } from '$lib/server/repositories/reference';
import { NotFoundError } from '$lib/domain/errors';

export const load: PageServerLoad = async ({ params }) => {
	try {
		const [status, regions] = await Promise.all([editionStatus(getDb(), params.slug), listRegions(getDb())]);
		return { status, regionNames: Object.fromEntries(regions.map((r) => [r.code, r.name.en ?? r.code])) };
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: e.message });
		throw e;
	}
};
