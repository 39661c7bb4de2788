import { error } from '@sveltejs/kit';
import { can, regionScope, requireUser } from '$lib/server/access/guard.ts';
import { getDb } from '$lib/server/db/instance';
import { editionOverview } from '$lib/server/distribution/editions/overview.ts';
import { NotFoundError } from '$lib/domain/errors';
import type { PageServerLoad } from './$types';

/** The overview: figures only (a regional office's region only); the launch gate for the coordinator. */
export const load: PageServerLoad = async ({ params, locals, parent }) => {
	await parent();
	const user = requireUser(locals);
	const scope = regionScope(user, 'tracking.read')!;
	try {
		return await editionOverview(getDb(), params.slug, scope, can(user, 'invitations.send'));
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: e.message });
		throw e;
	}
};
