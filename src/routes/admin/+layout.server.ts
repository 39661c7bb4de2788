import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

/** Every Secretariat page needs a signed-in user; finer roles come with the access issue. */
export const load: LayoutServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/login');
	return { user: { email: locals.user.email, role: locals.user.role } };
};
