import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** 160 random bits: well above the 128 bits a guessable-link attack must face. */
const TOKEN_BYTES = 20;
/** Base32 of 20 bytes is 32 characters; anything else cannot be one of ours. */
const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

/** A new respondent token. Only its hash is ever stored. */
export function generateToken(): string {
	const bytes = new Uint8Array(TOKEN_BYTES);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The SHA-256 (hex) under which a token is stored and looked up. */
export function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Cheap shape check so that junk never reaches the database. */
export function isWellFormedToken(token: string): boolean {
	return TOKEN_PATTERN.test(token);
}
