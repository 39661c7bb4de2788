import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { getDb } from '$lib/server/db/instance';
import { deleteSessionCookie } from '$lib/server/access/cookies.ts';
import { signOut } from '$lib/server/access/user-service.ts';

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		await signOut(getDb(), locals.sessionId, locals.user);
		deleteSessionCookie(cookies);
		redirect(303, '/login');
	}
};
