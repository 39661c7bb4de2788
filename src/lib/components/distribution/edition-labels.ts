import { m } from '../../paraglide/messages.js';
import { getLocale } from '../../paraglide/runtime.js';

/**
 * Labels of the edition workspace's codes in the reader's language: member categories,
 * Sectors, response, outbox and edition states, regions and offices (from the reference
 * data's names per language). An unknown code is shown as stored.
 */
const KINDS: Record<string, () => string> = {
	member_state: m.ed_kind_member_state,
	sector_member: m.ed_kind_sector_member,
	associate: m.ed_kind_associate,
	academia: m.ed_kind_academia,
	rto: m.ed_kind_rto
};
const SECTORS: Record<string, () => string> = { itu_r: m.ed_sector_itu_r, itu_t: m.ed_sector_itu_t, itu_d: m.ed_sector_itu_d, none: m.ed_sector_none };
const RESPONSE_STATES: Record<string, () => string> = { invited: m.invited, opened: m.opened, in_progress: m.dist_in_progress, submitted: m.submitted };
const OUTBOX_STATES: Record<string, () => string> = { queued: m.dist_queued, sending: m.ed_outbox_sending, sent: m.dist_sent, failed: m.dist_failed, cancelled: m.ed_outbox_cancelled };
const EDITION_STATES: Record<string, () => string> = { draft: m.ed_state_draft, open: m.ed_state_open, closed: m.ed_state_closed, archived: m.ed_state_archived };
const MAIL_KINDS: Record<string, () => string> = { invitation: m.mail_kind_invitation, reminder: m.mail_kind_reminder };

export const kindLabel = (code: string) => KINDS[code]?.() ?? code;
export const sectorLabel = (code: string) => SECTORS[code]?.() ?? code;
export const responseStateLabel = (code: string) => RESPONSE_STATES[code]?.() ?? code;
export const outboxStateLabel = (code: string) => OUTBOX_STATES[code]?.() ?? code;
export const editionStateLabel = (code: string) => EDITION_STATES[code]?.() ?? code;
export const mailKindLabel = (code: string) => MAIL_KINDS[code]?.() ?? code;

/** A region's or office's name in the reader's language (English, then the code, when the data has none). */
export function placeLabel(names: Record<string, Record<string, string>>, code: string | null): string {
	if (code === null || code === '-') return m.ed_no_region();
	const byLocale = names[code];
	return byLocale?.[getLocale()] ?? byLocale?.en ?? code;
}

/** A language's name in the reader's language. */
export function languageLabel(code: string): string {
	try {
		return new Intl.DisplayNames([getLocale()], { type: 'language' }).of(code) ?? code;
	} catch {
		return code;
	}
}

/** A date and time in the reader's locale, in UTC (the edition's dates are UTC). */
export function dateTimeLabel(iso: string | null): string {
	if (!iso) return '–';
	return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso));
}

export const numberLabel = (n: number) => new Intl.NumberFormat(getLocale()).format(n);

/** A rate in the reader's locale ("–" when nobody was invited). */
export function rateLabel(submitted: number, invited: number): string {
	return invited === 0 ? '–' : new Intl.NumberFormat(getLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(submitted / invited);
}

const SEGMENT_STATES: Record<string, () => string> = { not_opened: m.ed_segment_not_opened, opened: m.opened, in_progress: m.dist_in_progress };
export const segmentStateLabel = (code: string) => SEGMENT_STATES[code]?.() ?? code;
