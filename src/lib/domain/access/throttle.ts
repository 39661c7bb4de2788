/**
 * Sign-in throttling, decided from three counters kept in the database (so that every
 * server process sees the same ones):
 *
 * - per address (any account): a fixed window; past ADDRESS_MAX_FAILURES failures the
 *   address is refused until the window ends. A success does not reset it, so an
 *   attacker cannot clear the counter by signing into an account of their own.
 * - per account *and* address: exponential backoff after PAIR_FREE_FAILURES failures.
 *   Keyed on the pair so that an attacker hammering the administrator's e-mail from
 *   their own addresses never blocks the administrator signing in from theirs.
 * - per account (all addresses): a slowdown only, never a refusal: past
 *   ACCOUNT_SLOWDOWN_AFTER failures each attempt on the account waits a little, which
 *   blunts a spread-out attack without letting anyone lock the account.
 */
const SECOND_MS = 1000;
const MINUTE_MS = 60 * SECOND_MS;

export const ADDRESS_WINDOW_MS = 15 * MINUTE_MS;
export const ADDRESS_MAX_FAILURES = 30;
export const PAIR_FREE_FAILURES = 5;
export const PAIR_BASE_DELAY_MS = 2 * SECOND_MS;
export const PAIR_MAX_DELAY_MS = 15 * MINUTE_MS;
/** A pair or account counter is forgotten after this long without a failure (longer than the longest backoff). */
export const COUNTER_QUIET_RESET_MS = 60 * MINUTE_MS;
export const ACCOUNT_SLOWDOWN_AFTER = 10;
export const ACCOUNT_SLOWDOWN_STEP_MS = 250;
export const ACCOUNT_MAX_SLOWDOWN_MS = 3 * SECOND_MS;

export interface Counter {
	failures: number;
	lastFailureAt: string;
	/** When the counter is forgotten (fixed for an address window, sliding for the others). */
	expiresAt: string;
}

export interface Counters {
	address?: Counter;
	pair?: Counter;
	account?: Counter;
}

export type ThrottleDecision = { allowed: true; delayMs: number } | { allowed: false; retryAfterMs: number; reason: 'address' | 'account_from_address' };

export function throttleKeys(email: string, address: string | null): { address: string; pair: string; account: string } {
	const account = email.trim().toLowerCase();
	const addr = address ?? 'unknown';
	return { address: `address:${addr}`, pair: `pair:${account}|${addr}`, account: `account:${account}` };
}

function live(counter: Counter | undefined, now: number): Counter | undefined {
	return counter && Date.parse(counter.expiresAt) > now ? counter : undefined;
}

export function pairDelayMs(failures: number): number {
	if (failures < PAIR_FREE_FAILURES) return 0;
	return Math.min(PAIR_BASE_DELAY_MS * 2 ** (failures - PAIR_FREE_FAILURES), PAIR_MAX_DELAY_MS);
}

export function decideThrottle(counters: Counters, now: number): ThrottleDecision {
	const address = live(counters.address, now);
	if (address && address.failures >= ADDRESS_MAX_FAILURES) {
		return { allowed: false, retryAfterMs: Date.parse(address.expiresAt) - now, reason: 'address' };
	}
	const pair = live(counters.pair, now);
	if (pair) {
		const waitUntil = Date.parse(pair.lastFailureAt) + pairDelayMs(pair.failures);
		if (waitUntil > now) return { allowed: false, retryAfterMs: waitUntil - now, reason: 'account_from_address' };
	}
	const account = live(counters.account, now);
	const over = account ? account.failures - ACCOUNT_SLOWDOWN_AFTER + 1 : 0;
	return { allowed: true, delayMs: over > 0 ? Math.min(over * ACCOUNT_SLOWDOWN_STEP_MS, ACCOUNT_MAX_SLOWDOWN_MS) : 0 };
}

/** How long each counter lives after a failure at `now` (the address window is fixed, the others slide). */
export function counterLifetimeMs(kind: keyof Counters): { ms: number; sliding: boolean } {
	return kind === 'address' ? { ms: ADDRESS_WINDOW_MS, sliding: false } : { ms: COUNTER_QUIET_RESET_MS, sliding: true };
}
