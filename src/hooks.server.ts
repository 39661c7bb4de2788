import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { getConfig, getDb } from '$lib/server/db/instance';
import { bootstrap } from '$lib/server/services/bootstrap';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookies';

/** First start and every start: migrate, load reference data, import surveys/. */
export const init: ServerInit = async () => {
	await bootstrap(getDb(), getConfig(), (line) => console.log(`[start] ${line}`));
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	event.locals.lang = 'en';
	event.locals.dir = 'ltr';
	const response = await resolve(event, {
		// Loads set locals.lang/dir (a respondent's language); applied when the page is written.
		transformPageChunk: ({ html }) => html.replace('%rps.lang%', event.locals.lang).replace('%rps.dir%', event.locals.dir)
	});
	response.headers.set('X-Content-Type-Options', 'nosniff');
	// same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on form
	// posts, which SvelteKit's CSRF check rightly refuses; tokens in URLs still never leave us.
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (getConfig().production) response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	return response;
};

const auth: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.sessionId = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const result = await validateSessionToken(getDb(), token);
		if (result) {
			event.locals.user = result.user;
			event.locals.sessionId = result.session.id;
			setSessionCookie(event.cookies, token, new Date(result.session.expires_at));
		} else {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}
	return resolve(event);
};

export const handle = sequence(securityHeaders, auth);

/** Unexpected errors: logged with an id, never shown in detail. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	const id = crypto.randomUUID();
	if (status !== 404) console.error(`[error ${id}] ${event.request.method} ${event.url.pathname}`, error);
	return { message: status === 404 ? 'Not found' : `Internal error (${id})` };
};
