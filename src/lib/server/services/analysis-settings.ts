import { InvalidInputError } from '../../domain/errors.ts';
import { DEFAULT_MIN_COUNT } from '../../domain/analysis/suppression.ts';

/**
 * The minimum count below which aggregates are suppressed for readers without
 * raw-data rights: `ANALYSIS_MIN_COUNT` (default 5). Read at call time so that a
 * test or the CLI can set it; a bad value is refused, never silently replaced.
 */
export function analysisMinCount(env: Record<string, string | undefined> = process.env): number {
	const raw = env.ANALYSIS_MIN_COUNT;
	if (raw === undefined || raw === '') return DEFAULT_MIN_COUNT;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 2 || value > 100) throw new InvalidInputError(`ANALYSIS_MIN_COUNT must be a whole number from 2 to 100 (got "${raw}")`);
	return value;
}
