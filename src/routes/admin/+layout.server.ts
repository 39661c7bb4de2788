import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { homeFor } from '$lib/domain/access/permissions';
import { navFor } from '$lib/ui/nav';
import { referenceNames } from '$lib/ui/reference-names.server';

/**
 * The Secretariat workspace around every /admin page: who is signed in, the areas its
 * role may use (from ROUTE_RULES, so no link leads to a refusal) with the current one,
 * and the reference names pages turn codes into (regions, offices).
 */
export const load: LayoutServerLoad = ({ locals, url }) => {
	if (!locals.user) redirect(303, '/login');
	const user = locals.user;
	// On the refusal page (drawn for another address), the area the user came from is the one to mark and offer back.
	const here = url.pathname === '/admin/denied' ? (url.searchParams.get('back') ?? url.pathname) : url.pathname;
	return {
		user: { email: user.email, role: user.role, region: user.region_code },
		home: homeFor(user),
		nav: navFor(user, here),
		names: referenceNames()
	};
};
