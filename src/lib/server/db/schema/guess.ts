/** Respondent-link guessing counters (migrations/2026-11-27T0400-link-guess-throttle.ts). */
export interface LinkGuessThrottleTable {
	key: string;
	misses: number;
	window_start: string;
}

export interface GuessTables {
	link_guess_throttle: LinkGuessThrottleTable;
}
