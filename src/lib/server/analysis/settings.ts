import { getConfig } from '../platform/config.ts';

/**
 * The minimum count below which aggregates are suppressed for readers without
 * raw-data rights: `ANALYSIS_MIN_COUNT` (default 5), validated at start with every
 * other setting (src/lib/server/platform/config.ts): a bad value stops the server.
 */
export function analysisMinCount(): number {
	return getConfig().analysisMinCount;
}
