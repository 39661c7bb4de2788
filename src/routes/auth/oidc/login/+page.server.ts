import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { oidcSettings } from '$lib/server/access/oidc/settings.ts';
import { beginSignIn } from '$lib/server/access/oidc/provider.ts';
import { keepPending } from '$lib/server/access/oidc/pending.ts';
import { homeFor } from '$lib/server/access/guard.ts';
import { safeNextPath } from '$lib/domain/access/permissions';
import { createLogger } from '$lib/server/platform/log.ts';

/** "Sign in with …": off to the identity provider (code flow, PKCE, state, nonce). */
export const load: PageServerLoad = async ({ url, cookies, locals }) => {
	const oidc = oidcSettings();
	if (!oidc) error(404, { message: 'Single sign-on is not configured.', code: 'sso_off' });
	const next = safeNextPath(url.searchParams.get('next'));
	if (locals.user) redirect(303, next ?? homeFor(locals.user));
	let target: URL;
	try {
		const started = await beginSignIn(oidc, next);
		keepPending(cookies, started.pending);
		target = started.url;
	} catch (e) {
		createLogger('oidc').warn('identity provider unreachable', { error: e });
		error(503, { message: 'The identity provider cannot be reached.', code: 'sso_unreachable' });
	}
	redirect(303, target.toString());
};
