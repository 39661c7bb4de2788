import { ConflictError, InvalidInputError } from '../errors.ts';
import type { EditionState } from './edition-lifecycle.ts';

/**
 * The rules for changing an edition's opening and closing dates (docs/distribution.md):
 * - a closed or archived edition keeps its dates: they are the record of when it ran
 *   (to extend a closed edition, reopen it, then move its closing date);
 * - the closing comes after the opening;
 * - an open edition cannot be moved back to "not yet open" (its opening stays in the
 *   past) nor closed retroactively (its closing, if any, stays in the future): use
 *   "Close" for that, which is audited as a state change;
 * - the closing date may be cleared only while no reminder is planned before it.
 */
export interface EditionDates {
	/** ISO-8601 UTC instants, null for "not set". */
	opensAt: string | null;
	closesAt: string | null;
}

/** A date and time as a form or the CLI gives it: a zone-less `2027-03-31T23:59` is read as UTC (the page says UTC). */
export function parseUtcInstant(value: string, name: string): string {
	const v = value.trim();
	const zoneless = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(v);
	const date = new Date(zoneless ? (v.includes('T') ? `${v}Z` : `${v}T00:00:00Z`) : v);
	if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(date.getTime()))
		throw new InvalidInputError(`${name} "${value}" is not a date and time (e.g. 2027-03-31T23:59, read as UTC)`, [], 'invalid_date');
	return date.toISOString();
}

/** Throws why `next` may not replace the dates of an edition in `state` at `now`; returns the dates to store. */
export function checkEditionDates(state: EditionState, next: EditionDates, now: string, hasPlannedReminders: boolean): EditionDates {
	if (state === 'closed' || state === 'archived')
		throw new ConflictError(
			`the edition is ${state}: its dates are the record of when it ran and cannot change (reopen it first to extend it)`,
			'edition_dates_frozen'
		);
	if (next.opensAt && next.closesAt && next.closesAt <= next.opensAt)
		throw new InvalidInputError('the closing must come after the opening', [], 'invalid_dates');
	if (state === 'open') {
		if (next.opensAt && next.opensAt > now) throw new InvalidInputError('the edition is open: its opening cannot move into the future', [], 'invalid_dates');
		if (next.closesAt && next.closesAt <= now)
			throw new InvalidInputError('the edition is open: its closing cannot be in the past (use "Close" to close it now)', [], 'invalid_dates');
	}
	if (!next.closesAt && hasPlannedReminders)
		throw new ConflictError('reminders are planned before the closing: the closing date cannot be removed', 'edition_dates_reminders');
	return next;
}
