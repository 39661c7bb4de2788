import { fail } from '@sveltejs/kit';
import { ConflictError, DomainError, ForbiddenError, InvalidInputError, NotFoundError } from '$lib/domain/errors';

export interface AuthorFailure {
	message: string;
	code: string;
	details: string[];
	/** Which form failed, so the page shows the report beside it. */
	form: string;
	/** What the author posted, shown back so nothing typed is lost. */
	input?: Record<string, string>;
}

/** Maps a domain error of the authoring services to a form failure; anything else is rethrown. */
export function authorFailure(e: unknown, form: string, input?: Record<string, string>) {
	const status = e instanceof InvalidInputError ? 400 : e instanceof ForbiddenError ? 403 : e instanceof NotFoundError ? 404 : e instanceof ConflictError ? 409 : 0;
	if (!status || !(e instanceof DomainError)) throw e;
	const details = e instanceof InvalidInputError ? [...e.details] : [];
	return fail(status, { message: e.message, code: e.code, details, form, input } satisfies AuthorFailure);
}

/** The text fields of a form, for showing them back after a refusal. */
export function textFields(form: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of form) if (typeof v === 'string') out[k] = k in out ? `${out[k]}\n${v}` : v;
	return out;
}
