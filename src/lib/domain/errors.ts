/**
 * Typed failures of the domain. Routes map them to HTTP once (see
 * src/lib/server/http-errors.ts); services throw them, never status codes.
 */
export class DomainError extends Error {
	readonly code: string;
	constructor(code: string, message: string) {
		super(message);
		this.code = code;
		this.name = new.target.name;
	}
}

/** The input cannot be accepted as sent (tampered form, malformed file). Maps to 400. */
export class InvalidInputError extends DomainError {
	readonly details: readonly string[];
	constructor(message: string, details: readonly string[] = [], code = 'invalid_input') {
		super(code, message);
		this.details = details;
	}
}

/** Maps to 404. Never says whether something exists but is hidden. */
export class NotFoundError extends DomainError {
	constructor(message = 'not found', code = 'not_found') {
		super(code, message);
	}
}

/** Maps to 403. */
export class ForbiddenError extends DomainError {
	constructor(message = 'forbidden', code = 'forbidden') {
		super(code, message);
	}
}

/** Maps to 409: the state changed under the caller (e.g. an edition closed). */
export class ConflictError extends DomainError {
	constructor(message: string, code = 'conflict') {
		super(code, message);
	}
}
