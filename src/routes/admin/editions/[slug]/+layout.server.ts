import { error } from '@sveltejs/kit';
import { can, regionScope, requirePermission } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db/instance';
import { findEditionBySlug } from '$lib/server/repositories/editions';
import type { LayoutServerLoad } from './$types';

/**
 * The edition workspace: every sub-page needs `tracking.read` (a regional office its own
 * region only); the tabs it may use depend on its other permissions (docs/access.md).
 */
export const load: LayoutServerLoad = async ({ params, locals }) => {
	const user = requirePermission(locals, 'tracking.read');
	if (regionScope(user, 'tracking.read') === null) error(403, { message: 'Your role does not give access to this page.', code: 'forbidden' });
	const edition = await findEditionBySlug(getDb(), params.slug);
	if (!edition) error(404, { message: `no edition "${params.slug}"` });
	return {
		edition: { slug: edition.slug, title: edition.title, state: edition.state, opens_at: edition.opens_at, closes_at: edition.closes_at },
		canSend: can(user, 'invitations.send'),
		canOnBehalf: can(user, 'responses.enter_on_behalf'),
		canManageRegistry: can(user, 'registry.manage')
	};
};
