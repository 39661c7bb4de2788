import { error } from '@sveltejs/kit';
import { DomainError, ForbiddenError, InvalidInputError, NotFoundError } from '$lib/domain/errors';

/** Maps the analysis services' typed errors to HTTP, once for the results routes. */
export function toHttpError(e: unknown): never {
	if (e instanceof InvalidInputError) error(400, { message: e.message });
	if (e instanceof ForbiddenError) error(403, { message: e.message });
	if (e instanceof NotFoundError) error(404, { message: e.message });
	if (e instanceof DomainError) error(409, { message: e.message });
	throw e;
}
