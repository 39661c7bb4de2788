import { error } from '@sveltejs/kit';
import { can, regionScope, requirePermission } from '$lib/server/access/guard.ts';
import { getDb } from '$lib/server/db/instance';
import { editionHeader } from '$lib/server/distribution/editions/overview.ts';
import { NotFoundError } from '$lib/domain/errors';
import type { LayoutServerLoad } from './$types';

/**
 * The edition workspace: every sub-page needs `tracking.read` (a regional office its own
 * region only); the tabs it may use depend on its other permissions (docs/access.md).
 */
export const load: LayoutServerLoad = async ({ params, locals }) => {
	const user = requirePermission(locals, 'tracking.read');
	if (regionScope(user, 'tracking.read') === null) error(403, { message: 'Your role does not give access to this page.', code: 'forbidden' });
	const edition = await editionHeader(getDb(), params.slug).catch((e) => {
		if (e instanceof NotFoundError) error(404, { message: e.message });
		throw e;
	});
	return {
		edition,
		canSend: can(user, 'invitations.send'),
		canOnBehalf: can(user, 'responses.enter_on_behalf'),
		canManageRegistry: can(user, 'registry.manage')
	};
};
