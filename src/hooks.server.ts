import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { AsyncLocalStorage } from 'node:async_hooks';
import { getConfig, getDb } from '$lib/server/db/instance';
import { bootstrap } from '$lib/server/platform/bootstrap.ts';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/access/session.ts';
import { setSessionCookie } from '$lib/server/access/cookies.ts';
import { can, homeFor, routeRule } from '$lib/domain/access/permissions';
import { isLocale, type Locale } from '$lib/domain/locales';
import { appendAudit } from '$lib/server/access/audit/audit-repository.ts';
import { totpRequiredForAdmins } from '$lib/server/access/second-factor.ts';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages.js';
import { createLogger, redactPath } from '$lib/server/platform/log.ts';
import { checkChartFonts } from '$lib/server/analysis/report/charts/chart-fonts.ts';

/** First start and every start: migrate, load reference data, import surveys/. */
export const init: ServerInit = async () => {
	const log = createLogger('start');
	await bootstrap(getDb(), getConfig(), (line) => log.info(line));
	// Charts with Chinese or Arabic labels need fonts the OS may lack: say which package, once, at start.
	const fonts = checkChartFonts();
	if (fonts.ok) log.info(fonts.message);
	else log.warn(fonts.message);
};

/**
 * A signed-in user's language for the Secretariat screens: `m.key()` without an
 * explicit locale reads it from here (per request, no global state shared between
 * requests). Respondent pages pass their locale explicitly and are unaffected.
 */
const requestLocale = new AsyncLocalStorage<Locale>();
overwriteGetLocale(() => requestLocale.getStore() ?? 'en');

/** The only page shown inside a frame: the questionnaire editor's preview pane. */
const FRAMED_BY_OWN_ORIGIN = /^\/admin\/questionnaires\/[^/]+\/frame$/;

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
	if (FRAMED_BY_OWN_ORIGIN.test(event.url.pathname)) {
		// The editor's preview pane: our own pages may frame it, no other site may.
		response.headers.set('X-Frame-Options', 'SAMEORIGIN');
		const csp = response.headers.get('content-security-policy');
		if (csp) response.headers.set('content-security-policy', csp.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
	} else response.headers.set('X-Frame-Options', 'DENY');
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
			event.locals.sessionId = result.session.id;
			setSessionCookie(event.cookies, token, new Date(result.session.expires_at));
			// Until the second factor is passed the session opens nothing but /login/totp and /logout.
			if (result.mfa === 'pending') return secondStepOnly(event.url.pathname, event.request.method, '/login/totp') ?? resolve(event);
			event.locals.user = result.user;
			if (result.mfa === 'none' && result.user.role === 'admin' && totpRequiredForAdmins() && !event.url.pathname.startsWith('/account')) {
				const stop = secondStepOnly(event.url.pathname, event.request.method, '/account?totp=required');
				if (stop) return stop;
			}
		} else {
			// Expired, revoked or forged: traced once (the cookie is deleted with this answer).
			await appendAudit(getDb(), {
				actor: 'anonymous',
				action: 'auth.session_invalid',
				details: { path: event.url.pathname.slice(0, 200) },
				ip: clientAddress(event)
			});
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}
	const language = event.locals.user?.language;
	if (!language || !isLocale(language)) return resolve(event);
	// Secretariat pages follow the user's language; respondent pages set their own in their loads.
	event.locals.lang = language;
	event.locals.dir = language === 'ar' ? 'rtl' : 'ltr';
	return requestLocale.run(language, () => resolve(event));
};

/** The client's address, or null where the adapter cannot tell (never a reason to fail a request). */
function clientAddress(event: RequestEvent): string | null {
	try {
		return event.getClientAddress();
	} catch {
		return null;
	}
}

/** On a guarded route, sends the browser to `to` (GET) or refuses (other methods); null elsewhere. */
function secondStepOnly(pathname: string, method: string, to: string): Response | null {
	if (!routeRule(pathname)) return null;
	if (method === 'GET' || method === 'HEAD') return new Response(null, { status: 303, headers: { location: to } });
	return new Response('two-step verification needed', { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/**
 * Refuses whole route prefixes by role (ROUTE_RULES in src/lib/domain/access/permissions.ts)
 * for every method: form actions run without layout loads, so this is where posts are stopped.
 */
const guard: Handle = async ({ event, resolve }) => {
	const rule = routeRule(event.url.pathname);
	if (!rule) return resolve(event);
	const user = event.locals.user;
	if (!user) {
		if (event.request.method === 'GET' || event.request.method === 'HEAD') {
			const next = encodeURIComponent(event.url.pathname + event.url.search);
			return new Response(null, { status: 303, headers: { location: `/login?next=${next}` } });
		}
		return new Response(m.access_sign_in_needed(), { status: 401, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	}
	if (rule === 'signed_in' || can(user, rule)) return resolve(event);
	const page = event.request.method === 'GET' || event.request.method === 'HEAD';
	// A Council reader's workspace has no home of its own: /admin sends it to its results.
	if (page && /^\/admin\/?$/.test(event.url.pathname)) return new Response(null, { status: 303, headers: { location: homeFor(user) } });
	await appendAudit(getDb(), {
		actor: user.email,
		actorUserId: user.id,
		action: 'access.denied',
		details: { action: rule, role: user.role, method: event.request.method, path: event.url.pathname.slice(0, 200) },
		ip: clientAddress(event)
	});
	if (page && event.url.pathname.startsWith('/admin/')) return (await refusalInWorkspace(event)) ?? forbiddenPage(event.locals.lang, event.locals.dir);
	return forbiddenPage(event.locals.lang, event.locals.dir);
};

/**
 * A refused Secretariat page, drawn in the Secretariat layout and language with the way
 * back (src/routes/admin/denied, an internal request carrying the session): the areas
 * the role may use, its home, the area it came from. Null if that page cannot be drawn.
 */
async function refusalInWorkspace(event: RequestEvent): Promise<Response | null> {
	const query = new URLSearchParams({ from: event.url.pathname.slice(0, 200) });
	const referer = event.request.headers.get('referer');
	const back = referer && URL.canParse(referer) ? new URL(referer) : null;
	if (back && back.origin === event.url.origin && back.pathname.startsWith('/admin')) query.set('back', back.pathname);
	const drawn = await event.fetch(`/admin/denied?${query}`, { headers: { accept: 'text/html' } });
	if (drawn.status !== 403) return null;
	// SvelteKit writes asset paths relative to the page drawn (/admin/denied: "../_app/…"); served at
	// another depth they would miss, so they are made absolute (the app is served at the root).
	const html = (await drawn.text()).replaceAll('="../', '="/');
	const headers = new Headers(drawn.headers);
	headers.delete('content-length');
	return new Response(event.request.method === 'HEAD' ? null : html, { status: 403, headers });
}

/** A self-contained 403 page (no script, no stylesheet, its own strict CSP): the role does not reach this page. */
function forbiddenPage(lang: string, dir: string): Response {
	const html = `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${m.access_forbidden_title()}</title></head><body><main><h1>${m.access_forbidden_title()}</h1><p>${m.access_forbidden_body()}</p><p><a href="/">${m.app_name()}</a> · <a href="/account">${m.access_account_title()}</a></p></main></body></html>`;
	return new Response(html, {
		status: 403,
		headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; frame-ancestors 'none'" }
	});
}

export const handle = sequence(securityHeaders, auth, guard);

/** Unexpected errors: logged with an id, never shown in detail. */
const errorLog = createLogger('error');

export const handleError: HandleServerError = ({ error, event, status }) => {
	const id = crypto.randomUUID();
	if (status !== 404) errorLog.error('unhandled error', { id, method: event.request.method, path: redactPath(event.url.pathname), status, error });
	return { message: status === 404 ? 'Not found' : `Internal error (${id})` };
};
