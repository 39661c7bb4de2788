import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { signIn } from '$lib/server/access/user-service.ts';
import { setSessionCookie } from '$lib/server/access/cookies.ts';
import { homeFor } from '$lib/server/access/guard.ts';
import { safeNextPath } from '$lib/domain/access/permissions';
import { passwordResetAvailable } from '$lib/server/access/reset.ts';
import { field, parseForm } from '$lib/server/http/form';
import { oidcSettings } from '$lib/server/access/oidc/settings.ts';

/** Empty or absurdly long credentials are refused before any lookup (and before the throttle counts them). */
const loginForm = z.object({ email: field.trimmed(), password: field.text(), next: field.text() });

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNextPath(url.searchParams.get('next')) ?? homeFor(locals.user));
	return {
		next: safeNextPath(url.searchParams.get('next')),
		resetDone: url.searchParams.get('reset') === 'done',
		totpEnded: url.searchParams.get('totp') === 'ended',
		resetAvailable: passwordResetAvailable(),
		// "Sign in with <label>" when single sign-on is configured (docs/sso.md).
		ssoLabel: oidcSettings()?.label ?? null
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress }) => {
		const parsed = await parseForm(request, loginForm);
		if (!parsed.ok) return parsed.failure;
		const { email, password, next } = parsed.data;
		if (!email || !password || email.length > 320 || password.length > 1024) {
			return fail(400, { email, problem: 'login_missing' as const, retryAfter: 0 });
		}
		const result = await signIn(getDb(), { email, password, ip: getClientAddress(), userAgent: request.headers.get('user-agent') });
		if (result.kind === 'throttled') return fail(429, { email, problem: 'login_throttled' as const, retryAfter: result.retryAfterSeconds });
		if (result.kind === 'failed') return fail(400, { email, problem: 'login_failed' as const, retryAfter: 0 });
		if (result.kind === 'sso_only') return fail(403, { email, problem: 'login_sso_only' as const, retryAfter: 0 });
		setSessionCookie(cookies, result.token, new Date(result.expiresAt));
		redirect(303, result.secondFactor ? '/login/totp' : (safeNextPath(next) ?? homeFor(result.user)));
	}
};
