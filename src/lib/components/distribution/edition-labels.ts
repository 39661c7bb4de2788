import { m } from '../../paraglide/messages.js';
import {
	categoryLabel,
	countryName,
	currentLocale,
	editionStateLabel,
	formatDateTime,
	formatNumber,
	formatPercent,
	mailKindLabel,
	mailStateLabel,
	referenceName,
	sectorLabel as uiSectorLabel,
	type NameTable
} from '../../ui/labels.ts';
import { localeTag } from '../../ui/locale.ts';

/**
 * The edition workspace's labels: the shared ones of $lib/ui/labels (ws-shell), plus the
 * few codes only these pages show — the tracking states (invited, opened, in progress,
 * submitted), the reminder segment states, "no Sector" and "no region".
 */
export {
	categoryLabel as kindLabel,
	editionStateLabel,
	mailKindLabel,
	mailStateLabel as outboxStateLabel,
	formatDateTime as dateTimeLabel,
	formatNumber as numberLabel
};

export const sectorLabel = (code: string) => (code === 'none' ? m.ed_sector_none() : uiSectorLabel(code));

const TRACKING_STATES: Record<string, () => string> = { invited: m.invited, opened: m.opened, in_progress: m.dist_in_progress, submitted: m.submitted };
/** An invited entity's state as tracking counts it (domain/invitation/tracking.ts). */
export const responseStateLabel = (code: string) => TRACKING_STATES[code]?.() ?? code;

const SEGMENT_STATES: Record<string, () => string> = { not_opened: m.ed_segment_not_opened, opened: m.opened, in_progress: m.dist_in_progress };
export const segmentStateLabel = (code: string) => SEGMENT_STATES[code]?.() ?? code;

/** A region's or office's name in the reader's language; tracking's "-" (no region) in words. */
export function placeLabel(names: NameTable, code: string | null): string {
	return code === null || code === '-' ? m.ed_no_region() : referenceName(code, names);
}

/**
 * An entity's name in the reader's language where the data allows: a Member State by its
 * country's name (Intl.DisplayNames), other entities as the registry has them. English
 * readers get the registry's own (official) name.
 */
export function entityLabel(entity: { name: string; kind: string; countryIso2?: string | null }): string {
	if (entity.kind !== 'member_state' || !entity.countryIso2 || currentLocale() === 'en') return entity.name;
	const name = countryName(entity.countryIso2);
	return name.includes('\u2068') ? entity.name : name;
}

/** A language's name in the reader's language. */
export function languageLabel(code: string): string {
	try {
		return new Intl.DisplayNames([localeTag(currentLocale())], { type: 'language' }).of(code) ?? code;
	} catch {
		return code;
	}
}

/** A response rate ("–" when nobody was invited). */
export const rateLabel = (submitted: number, invited: number) => (invited === 0 ? '–' : formatPercent(submitted / invited));
