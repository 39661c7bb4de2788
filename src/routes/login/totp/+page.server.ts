import { fail, redirect, type Cookies } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/access/session.ts';
import { deleteSessionCookie } from '$lib/server/access/cookies.ts';
import { homeFor } from '$lib/server/access/guard.ts';
import { verifySessionTotp } from '$lib/server/access/second-factor.ts';

/** The session waiting for its second factor, or a redirect elsewhere. */
async function pendingSession(cookies: Cookies) {
	const token = cookies.get(SESSION_COOKIE);
	const result = token ? await validateSessionToken(getDb(), token) : null;
	if (!result) redirect(303, '/login');
	if (result.mfa !== 'pending') redirect(303, homeFor(result.user));
	return result;
}

export const load: PageServerLoad = async ({ cookies }) => {
	await pendingSession(cookies);
};

export const actions: Actions = {
	default: async ({ cookies, request, getClientAddress }) => {
		const { session, user } = await pendingSession(cookies);
		const code = String((await request.formData()).get('code') ?? '').slice(0, 20);
		const outcome = await verifySessionTotp(getDb(), { id: session.id, userId: user.id, email: user.email }, code, getClientAddress());
		if (outcome === 'verified') redirect(303, homeFor(user));
		if (outcome === 'session_ended') {
			deleteSessionCookie(cookies);
			redirect(303, '/login?totp=ended');
		}
		return fail(400, { problem: 'wrong' as const });
	}
};
