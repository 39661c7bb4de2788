import type { Role } from './permissions.ts';

/**
 * API tokens (docs/api.md): which roles a token may carry, how a token is written and
 * read from a request, and the rate rule. Pure: the server stores and counts.
 */

/**
 * The roles that read data through the API. Not `admin` (a token is a long-lived secret on
 * some machine: it should not carry the power to manage users even if the API only reads)
 * and not `author` (the API has nothing for it).
 */
export const API_TOKEN_ROLES = ['analyst', 'coordinator', 'regional_office', 'council'] as const satisfies readonly Role[];
export type ApiTokenRole = (typeof API_TOKEN_ROLES)[number];

export function isApiTokenRole(value: unknown): value is ApiTokenRole {
	return typeof value === 'string' && (API_TOKEN_ROLES as readonly string[]).includes(value);
}

/** Tokens start with this, so that secret scanners and people can recognise one. */
export const API_TOKEN_PREFIX = 'rps_';
/** 160 random bits in base32: `rps_` and 32 characters. */
const TOKEN_PATTERN = /^rps_[a-z2-7]{32}$/;

/** The token of an `Authorization: Bearer …` header, or null when there is none or it cannot be one of ours. */
export function bearerToken(header: string | null): string | null {
	const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
	return match && TOKEN_PATTERN.test(match[1]!) ? match[1]! : null;
}

/** The rate rule: at most `limit` requests per token in each window of this length. */
export const API_RATE_WINDOW_MS = 60 * 1000;

export interface RateWindow {
	requests: number;
	windowStart: number;
}

/**
 * Whether one more request is allowed, the window having been counted already (the
 * count includes this request). Retry-after: until the window ends.
 */
export function rateDecision(window: RateWindow, limit: number, now: number): { allowed: boolean; remaining: number; retryAfterSeconds: number } {
	const ends = window.windowStart + API_RATE_WINDOW_MS;
	const retryAfterSeconds = Math.max(1, Math.ceil((ends - now) / 1000));
	return { allowed: window.requests <= limit, remaining: Math.max(0, limit - window.requests), retryAfterSeconds };
}
