import { error, fail, json, type ActionFailure } from '@sveltejs/kit';
import { ConflictError, DomainError, ForbiddenError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../domain/locales.ts';

/**
 * The one mapping from the domain's typed errors to HTTP (docs/architecture.md, "The
 * HTTP edge"). Services throw `DomainError`s, never status codes; routes hand what they
 * catch to `failFrom` (an action's form failure), `errorFrom` (a load's error page) or
 * `jsonFrom` (an endpoint's JSON answer). Anything that is not a `DomainError` is
 * rethrown: a bug stays a 500 and is logged, never dressed up as a refusal.
 */

export type EdgeStatus = 400 | 403 | 404 | 409;

/** What every refusal carries. `title` names the kind of refusal in the reader's language. */
export interface EdgeFailure {
	status: EdgeStatus;
	code: string;
	/** The refusal in the reader's language where its code has a text, else the service's own words. */
	message: string;
	title: string;
	/** The itemised reasons of an `InvalidInputError` (a file's rows, a check's findings). */
	details: string[];
}

/** Most specific first: a subclass (ReleaseRefusedError is a ConflictError) maps as its parent. */
const KINDS: [new (...args: never[]) => DomainError, EdgeStatus, (o: { locale?: Locale }) => string][] = [
	[InvalidInputError, 400, (o) => m.http_invalid_input({}, o)],
	[ForbiddenError, 403, (o) => m.http_forbidden({}, o)],
	[NotFoundError, 404, (o) => m.http_not_found({}, o)],
	[ConflictError, 409, (o) => m.http_conflict({}, o)]
];

/** Error codes the Secretariat sees often, in the reader's language; other codes show the service's (English) message. */
const LOCALISED: Record<string, (o: { locale?: Locale }) => string> = {
	forbidden: (o) => m.access_forbidden_body({}, o),
	wrong_password: (o) => m.access_error_wrong_password({}, o),
	password_too_short: (o) => m.access_error_password_short({}, o),
	password_mismatch: (o) => m.access_error_password_mismatch({}, o),
	self_change: (o) => m.access_error_self_change({}, o),
	last_admin: (o) => m.access_error_last_admin({}, o),
	email_taken: (o) => m.access_error_email_taken({}, o),
	region_required: (o) => m.access_error_region_required({}, o),
	reset_unavailable: (o) => m.access_reset_unavailable({}, o),
	totp_wrong: (o) => m.access_totp_wrong({}, o)
};

/**
 * Status, code and texts of a domain error; rethrows anything else. A `DomainError`
 * of no known kind is a state the caller cannot change by resending: 409.
 * `locale` defaults to the request's (the signed-in user's language, hooks.server.ts).
 */
export function edgeFailure(e: unknown, locale?: Locale): EdgeFailure {
	if (!(e instanceof DomainError)) throw e;
	const o = locale ? { locale } : {};
	const [, status, title] = KINDS.find(([type]) => e instanceof type) ?? [DomainError, 409, KINDS[3]![2]];
	// A bare ForbiddenError gets the generic text in the reader's language; one that says why
	// ("only an administrator may open an edition whose translations are incomplete") keeps its reason.
	const generic = e.code !== 'forbidden' || e.message === 'forbidden';
	const localised = generic ? LOCALISED[e.code] : undefined;
	return {
		status,
		code: e.code,
		message: localised ? localised(o) : e.message,
		title: title(o),
		details: e instanceof InvalidInputError ? [...e.details] : []
	};
}

/**
 * An action's failure: `{ message, code, title, details }` plus the page's own fields (which form, what was typed).
 * `options.refusal` keeps the status a page has always answered its refusals with (as parseForm's `status`):
 * every refusal but a 403 then answers it.
 */
export function failFrom<Extra extends Record<string, unknown> = Record<never, never>>(
	e: unknown,
	extra?: Extra,
	options: { refusal?: 400 | 409 } = {}
): ActionFailure<Omit<EdgeFailure, 'status'> & Extra> {
	const { status, ...body } = edgeFailure(e);
	return fail(options.refusal && status !== 403 ? options.refusal : status, { ...body, ...(extra as Extra) });
}

/** A load's or endpoint's error page (SvelteKit's `error`). */
export function errorFrom(e: unknown): never {
	const { status, message, code } = edgeFailure(e);
	error(status, { message, code });
}

/** An endpoint's JSON refusal `{ ok: false, code, message }`. */
export function jsonFrom(e: unknown): Response {
	const { status, code, message } = edgeFailure(e);
	return json({ ok: false, code, message }, { status });
}

/** The localised text of a known code, for refusals a route makes itself; null when the code has none. */
export function localisedMessage(code: string, locale?: Locale): string | null {
	return LOCALISED[code]?.(locale ? { locale } : {}) ?? null;
}
