import { describe, expect, it } from 'vitest';
import { ADDRESS_MAX_MISSES, ADDRESS_MAX_MISSES_UNDER_FLOOD, ADDRESS_WINDOW_MS, GLOBAL_MAX_MISSES, guessDecision } from './guess-throttle.ts';

const at = 1_000_000;

describe('respondent-link guessing', () => {
	it('lets an address miss up to its limit, then refuses it until its window ends', () => {
		expect(guessDecision({ misses: ADDRESS_MAX_MISSES - 1, windowStart: at }, undefined, at + 1).allowed).toBe(true);
		const refused = guessDecision({ misses: ADDRESS_MAX_MISSES, windowStart: at }, undefined, at + 1);
		expect(refused).toMatchObject({ allowed: false });
		expect(guessDecision({ misses: ADDRESS_MAX_MISSES, windowStart: at }, undefined, at + ADDRESS_WINDOW_MS).allowed).toBe(true);
	});

	it('refuses missing addresses much sooner while the whole service is being scanned', () => {
		const flood = { misses: GLOBAL_MAX_MISSES, windowStart: at };
		expect(guessDecision({ misses: ADDRESS_MAX_MISSES_UNDER_FLOOD, windowStart: at }, flood, at + 1).allowed).toBe(false);
		expect(guessDecision(undefined, flood, at + 1).allowed).toBe(true);
	});
});
