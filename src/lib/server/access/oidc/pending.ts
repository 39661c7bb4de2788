import type { Cookies } from '@sveltejs/kit';
import { getConfig } from '../../platform/config.ts';
import type { PendingSignIn } from './provider.ts';

/**
 * The state, nonce and PKCE verifier of a sign-in under way, in an HttpOnly cookie of
 * this browser alone: a callback without it (another browser, a forged link) or with
 * another state is refused. SameSite=Lax: the provider's redirect back is a top-level
 * GET, which carries it. Ten minutes: longer than any sign-in at the provider.
 */
const PENDING_COOKIE = 'rps_oidc';
const PENDING_PATH = '/auth/oidc';
const PENDING_MAX_AGE_S = 10 * 60;

export function keepPending(cookies: Cookies, pending: PendingSignIn): void {
	cookies.set(PENDING_COOKIE, JSON.stringify(pending), {
		path: PENDING_PATH,
		httpOnly: true,
		sameSite: 'lax',
		secure: getConfig().production,
		maxAge: PENDING_MAX_AGE_S
	});
}

/** The pending sign-in, removed from the browser (one use), or null. */
export function takePending(cookies: Cookies): PendingSignIn | null {
	const raw = cookies.get(PENDING_COOKIE);
	if (!raw) return null;
	cookies.delete(PENDING_COOKIE, { path: PENDING_PATH });
	try {
		const value = JSON.parse(raw) as Partial<PendingSignIn>;
		if (typeof value.state !== 'string' || typeof value.nonce !== 'string' || typeof value.verifier !== 'string') return null;
		return { state: value.state, nonce: value.nonce, verifier: value.verifier, next: typeof value.next === 'string' ? value.next : null };
	} catch {
		return null;
	}
}
