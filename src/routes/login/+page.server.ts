import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { authenticate } from '$lib/server/services/user-service';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookies';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, '/admin');
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '').trim();
		const password = String(form.get('password') ?? '');
		if (!email || !password || email.length > 320 || password.length > 1024) {
			return fail(400, { email, problem: 'login_missing' as const });
		}
		const user = await authenticate(getDb(), email, password, getClientAddress());
		if (!user) return fail(400, { email, problem: 'login_failed' as const });
		const token = generateSessionToken();
		const session = await createSession(getDb(), token, user.id, { userAgent: request.headers.get('user-agent'), ip: getClientAddress() });
		setSessionCookie(cookies, token, new Date(session.expires_at));
		redirect(303, '/admin');
	}
};
