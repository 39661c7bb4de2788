import { randomBytes } from 'node:crypto';

/**
 * Time-ordered text ids (48-bit millisecond time + 80 random bits, base32-ish):
 * portable primary keys that sort by creation, like ULIDs.
 */
export function newId(): string {
	const time = Date.now().toString(36).padStart(9, '0');
	return time + randomBytes(10).toString('base64url').slice(0, 13);
}

/** The current instant as stored: ISO-8601 UTC text. */
export function nowIso(): string {
	return new Date().toISOString();
}
