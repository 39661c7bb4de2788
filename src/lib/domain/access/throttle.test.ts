import { describe, expect, it } from 'vitest';
import {
	ACCOUNT_MAX_SLOWDOWN_MS,
	ACCOUNT_SLOWDOWN_AFTER,
	ADDRESS_MAX_FAILURES,
	decideThrottle,
	pairDelayMs,
	PAIR_FREE_FAILURES,
	PAIR_MAX_DELAY_MS,
	throttleKeys
} from './throttle.ts';

const NOW = Date.parse('2026-11-27T10:00:00.000Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();
const counter = (failures: number, lastAgoMs = 0, expiresInMs = 60 * 60_000) => ({ failures, lastFailureAt: at(-lastAgoMs), expiresAt: at(expiresInMs) });

describe('sign-in throttle', () => {
	it('allows a first attempt at once', () => {
		expect(decideThrottle({}, NOW)).toEqual({ allowed: true, delayMs: 0 });
	});

	it('refuses an address past its limit until its window ends, whatever the account', () => {
		const d = decideThrottle({ address: counter(ADDRESS_MAX_FAILURES, 0, 5 * 60_000) }, NOW);
		expect(d).toEqual({ allowed: false, retryAfterMs: 5 * 60_000, reason: 'address' });
		expect(decideThrottle({ address: counter(ADDRESS_MAX_FAILURES - 1) }, NOW).allowed).toBe(true);
	});

	it('backs off exponentially per account and address after the free attempts, up to a cap', () => {
		expect(pairDelayMs(PAIR_FREE_FAILURES - 1)).toBe(0);
		expect(pairDelayMs(PAIR_FREE_FAILURES + 1)).toBe(2 * pairDelayMs(PAIR_FREE_FAILURES));
		expect(pairDelayMs(60)).toBe(PAIR_MAX_DELAY_MS);
		const d = decideThrottle({ pair: counter(PAIR_FREE_FAILURES, 500) }, NOW);
		expect(d.allowed).toBe(false);
		expect(decideThrottle({ pair: counter(PAIR_FREE_FAILURES, pairDelayMs(PAIR_FREE_FAILURES)) }, NOW).allowed).toBe(true);
	});

	it('only slows an account attacked from many addresses, never refuses it', () => {
		const d = decideThrottle({ account: counter(10_000) }, NOW);
		expect(d).toEqual({ allowed: true, delayMs: ACCOUNT_MAX_SLOWDOWN_MS });
		expect(decideThrottle({ account: counter(ACCOUNT_SLOWDOWN_AFTER - 1) }, NOW)).toEqual({ allowed: true, delayMs: 0 });
	});

	it('ignores expired counters', () => {
		expect(decideThrottle({ address: counter(1000, 0, -1) }, NOW)).toEqual({ allowed: true, delayMs: 0 });
	});

	it('keys accounts case-insensitively and pairs by address', () => {
		expect(throttleKeys(' Admin@Example.org ', '10.0.0.1')).toEqual({
			address: 'address:10.0.0.1',
			pair: 'pair:admin@example.org|10.0.0.1',
			account: 'account:admin@example.org'
		});
	});
});
