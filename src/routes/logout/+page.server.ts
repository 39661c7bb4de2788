import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { getDb } from '$lib/server/db/instance';
import { deleteSessionCookie } from '$lib/server/auth/cookies';
import { signOut } from '$lib/server/services/user-service';

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		await signOut(getDb(), locals.sessionId, locals.user);
		deleteSessionCookie(cookies);
		redirect(303, '/login');
	}
};
