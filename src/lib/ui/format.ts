import { m } from '../paraglide/messages.js';
import type { Locale } from '../domain/locales.ts';
import { bidiIsolate, currentLocale as current, localeTag } from './locale.ts';

/**
 * Numbers, percentages and dates in the reader's locale. Arabic keeps Western digits
 * ("ar" with the Latin numbering system) as UN Arabic documents do, so figures read
 * the same in every language; the caller isolates them (<bdi>) inside Arabic text.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

export function formatNumber(value: number | null | undefined, locale: Locale = current(), digits = 0): string {
	if (value === null || value === undefined || Number.isNaN(value)) return '–';
	return new Intl.NumberFormat(localeTag(locale), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A share (0..1) as a percentage. */
export function formatPercent(share: number | null | undefined, locale: Locale = current(), digits = 0): string {
	if (share === null || share === undefined || Number.isNaN(share)) return '–';
	return new Intl.NumberFormat(localeTag(locale), { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share);
}

function toDate(value: string | Date | null | undefined): Date | null {
	if (!value) return null;
	const date = value instanceof Date ? value : new Date(value);
	return Number.isNaN(date.getTime()) ? null : date;
}

/** A calendar date (UTC: the survey's dates are UTC instants). */
export function formatDate(value: string | Date | null | undefined, locale: Locale = current()): string {
	const date = toDate(value);
	if (!date) return '–';
	return new Intl.DateTimeFormat(localeTag(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
	year: 'numeric',
	month: 'short',
	day: 'numeric',
	hour: 'numeric',
	minute: '2-digit',
	timeZone: 'UTC',
	timeZoneName: 'short'
};
/**
 * A date and time with its time zone named where the locale puts it ("Jan 31, 2027, 12:00 PM UTC",
 * "2027年1月31日 UTC 12:00"); in Arabic isolated as one unit, so its Latin digits and "UTC"
 * never reorder the sentence around it. Never the ISO string a database holds.
 */
export function formatDateTime(value: string | Date | null | undefined, locale: Locale = current()): string {
	const date = toDate(value);
	if (!date) return '–';
	const text = new Intl.DateTimeFormat(localeTag(locale), DATE_TIME).format(date);
	return locale === 'ar' ? bidiIsolate(text) : text;
}

/** Whole days from `now` until `closesAt` (rounded up: a deadline later today is 1 day left); null without a date. */
export function daysLeft(closesAt: string | Date | null | undefined, now: Date = new Date()): number | null {
	const date = toDate(closesAt);
	if (!date) return null;
	return Math.max(0, Math.ceil((date.getTime() - now.getTime()) / DAY_MS));
}

/** "Days left: 12", "No closing date" or "Closed" in the reader's language. */
export function formatDaysLeft(closesAt: string | Date | null | undefined, locale: Locale = current(), now: Date = new Date()): string {
	const days = daysLeft(closesAt, now);
	if (days === null) return m.ui_no_closing_date({}, { locale });
	const date = toDate(closesAt)!;
	if (date.getTime() <= now.getTime()) return m.ui_closed_since({}, { locale });
	return m.ui_days_left({ count: formatNumber(days, locale) }, { locale });
}
