/**
 * Throttling of respondent-link guessing. Only misses (a token that opens nothing)
 * count, so a respondent with a good link is never slowed down by others' guessing.
 * A 160-bit token cannot be guessed anyway; this keeps scanners from loading the
 * service and makes a leaked-but-mistyped link family harder to probe.
 */
const MINUTE_MS = 60_000;
/** Misses one address may make in its window before its lookups are refused. */
export const ADDRESS_MAX_MISSES = 20;
export const ADDRESS_WINDOW_MS = 10 * MINUTE_MS;
/** Misses the whole service tolerates per window; beyond, addresses that miss are refused sooner. */
export const GLOBAL_MAX_MISSES = 1_000;
export const GLOBAL_WINDOW_MS = 1 * MINUTE_MS;
/** Under a global flood, an address is refused after this many misses of its own. */
export const ADDRESS_MAX_MISSES_UNDER_FLOOD = 3;

export interface GuessCounter {
	misses: number;
	windowStart: number;
}

/** The counter as it stands at `now`: a window that has passed starts again from zero. */
export function current(counter: GuessCounter | undefined, windowMs: number, now: number): GuessCounter {
	if (!counter || now - counter.windowStart >= windowMs) return { misses: 0, windowStart: now };
	return counter;
}

/** Whether a lookup from this address may go ahead; when not, how long to wait (ms). */
export function guessDecision(
	address: GuessCounter | undefined,
	global: GuessCounter | undefined,
	now: number
): { allowed: true } | { allowed: false; retryAfterMs: number } {
	const own = current(address, ADDRESS_WINDOW_MS, now);
	const all = current(global, GLOBAL_WINDOW_MS, now);
	const limit = all.misses >= GLOBAL_MAX_MISSES ? ADDRESS_MAX_MISSES_UNDER_FLOOD : ADDRESS_MAX_MISSES;
	if (own.misses < limit) return { allowed: true };
	return { allowed: false, retryAfterMs: Math.max(1_000, own.windowStart + ADDRESS_WINDOW_MS - now) };
}
