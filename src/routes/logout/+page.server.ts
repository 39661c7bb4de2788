import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { getDb } from '$lib/server/db/instance';
import { deleteSessionCookie } from '$lib/server/access/cookies.ts';
import { signOut } from '$lib/server/access/user-service.ts';
import { providerSignOutUrl } from '$lib/server/access/oidc/sign-out.ts';

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		const provider = await providerSignOutUrl(getDb(), locals.sessionId);
		await signOut(getDb(), locals.sessionId, locals.user);
		deleteSessionCookie(cookies);
		// A single sign-on session goes on to end at the provider. Not by a redirect: the CSP's
		// form-action 'self' forbids a form post to lead to another origin; a page then goes there.
		if (provider) return { provider };
		redirect(303, '/login');
	}
};
