import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { oidcSettings } from '$lib/server/access/oidc/settings.ts';
import { takePending } from '$lib/server/access/oidc/pending.ts';
import { finishSignIn } from '$lib/server/access/oidc/sign-in.ts';
import { setSessionCookie } from '$lib/server/access/cookies.ts';
import { homeFor } from '$lib/server/access/guard.ts';
import { safeNextPath } from '$lib/domain/access/permissions';

/**
 * The identity provider's redirect back. A refusal or a failure is drawn by
 * src/routes/auth/+error.svelte (not the respondents' error page), with no session.
 */
export const load: PageServerLoad = async ({ url, cookies, request, getClientAddress }) => {
	const oidc = oidcSettings();
	if (!oidc) error(404, { message: 'Single sign-on is not configured.', code: 'sso_off' });
	const meta = { ip: getClientAddress(), userAgent: request.headers.get('user-agent') };
	const pending = takePending(cookies);
	const result = await finishSignIn(getDb(), oidc, url, pending, meta);
	if (result.kind === 'failed') error(400, { message: 'The sign-in could not be completed.', code: `sso_${result.reason}` });
	if (result.kind === 'refused') error(403, { message: 'Sign-in refused.', code: `sso_${result.reason}` });
	setSessionCookie(cookies, result.token, new Date(result.expiresAt));
	redirect(303, safeNextPath(pending?.next) ?? homeFor(result.user));
};
