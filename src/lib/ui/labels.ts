import { m } from '../paraglide/messages.js';
import { BASE_LOCALE, type Locale } from '../domain/locales.ts';
import { bidiIsolate, currentLocale, localeTag } from './locale.ts';

export { bidiIsolate, currentLocale } from './locale.ts';

/**
 * Codes as the reader should see them: labels in the Secretariat user's language.
 * Pure (no server imports): reference names that live in data (regions, offices) are
 * passed in as a {@link NameTable}; the admin layout hands one to every page
 * (`page.data.names`, from reference-names.server.ts). Every function takes the locale
 * explicitly or reads the request's (the hooks set it per signed-in user).
 */

type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;
type Labels = Readonly<Record<string, Message>>;

/** A code's name per language, or already in the reader's language. */
export type NameTable = Readonly<Record<string, Partial<Record<Locale, string>> | string>>;

/** A stored value with no label of its own: isolated so a code never reorders Arabic text. */
function fallback(code: string | null | undefined, locale: Locale): string {
	if (code === null || code === undefined || code === '' || code === 'none') return m.ui_none({}, { locale });
	return bidiIsolate(code);
}

function fromTable(table: Labels, code: string | null | undefined, locale: Locale): string {
	const message = code ? table[code] : undefined;
	return message ? message({}, { locale }) : fallback(code, locale);
}

const CATEGORIES: Labels = {
	member_state: m.ui_category_member_state,
	sector_member: m.ui_category_sector_member,
	associate: m.ui_category_associate,
	academia: m.ui_category_academia,
	rto: m.ui_category_rto
};
/** Member category: the registry's entity kind (REGISTRY_KINDS). */
export const categoryLabel = (kind: string | null | undefined, locale: Locale = currentLocale()) => fromTable(CATEGORIES, kind, locale);

const SECTORS: Labels = { itu_r: m.ui_sector_itu_r, itu_t: m.ui_sector_itu_t, itu_d: m.ui_sector_itu_d };
export const sectorLabel = (code: string | null | undefined, locale: Locale = currentLocale()) => fromTable(SECTORS, code, locale);

const EDITION_STATES: Labels = {
	draft: m.ui_edition_state_draft,
	open: m.ui_edition_state_open,
	closed: m.ui_edition_state_closed,
	archived: m.ui_edition_state_archived
};
export const editionStateLabel = (state: string | null | undefined, locale: Locale = currentLocale()) => fromTable(EDITION_STATES, state, locale);

const QUESTIONNAIRE_STATES: Labels = { draft: m.ui_questionnaire_state_draft, published: m.ui_questionnaire_state_published };
export const questionnaireStateLabel = (state: string | null | undefined, locale: Locale = currentLocale()) => fromTable(QUESTIONNAIRE_STATES, state, locale);

const TRANSLATION_STATUSES: Labels = {
	missing: m.tr_status_missing,
	needs_review: m.tr_status_needs_review,
	machine: m.tr_status_machine,
	draft: m.tr_status_draft,
	reviewed: m.tr_status_reviewed
};
export const translationStatusLabel = (status: string | null | undefined, locale: Locale = currentLocale()) => fromTable(TRANSLATION_STATUSES, status, locale);

const MAIL_STATES: Labels = {
	queued: m.ui_mail_state_queued,
	sending: m.ui_mail_state_sending,
	sent: m.ui_mail_state_sent,
	failed: m.ui_mail_state_failed,
	cancelled: m.ui_mail_state_cancelled
};
/** An outbox message's state. */
export const mailStateLabel = (state: string | null | undefined, locale: Locale = currentLocale()) => fromTable(MAIL_STATES, state, locale);

const MAIL_KINDS: Labels = { invitation: m.mail_kind_invitation, reminder: m.mail_kind_reminder };
export const mailKindLabel = (kind: string | null | undefined, locale: Locale = currentLocale()) => fromTable(MAIL_KINDS, kind, locale);

const INVITATION_STATES: Labels = { active: m.ui_invitation_state_active, revoked: m.ui_invitation_state_revoked };
export const invitationStateLabel = (state: string | null | undefined, locale: Locale = currentLocale()) => fromTable(INVITATION_STATES, state, locale);

const RESPONSE_STATES: Labels = {
	none: m.ui_response_state_none,
	in_progress: m.ui_response_state_in_progress,
	submitted: m.ui_response_state_submitted
};
/** A response's state; null or 'none' is "not started" (an invited entity that has not answered). */
export const responseStateLabel = (state: string | null | undefined, locale: Locale = currentLocale()) => fromTable(RESPONSE_STATES, state ?? 'none', locale);

const ROLES: Labels = {
	admin: m.access_role_name_admin,
	author: m.access_role_name_author,
	coordinator: m.access_role_name_coordinator,
	analyst: m.access_role_name_analyst,
	regional_office: m.access_role_name_regional_office,
	council: m.access_role_name_council
};
export const roleLabel = (role: string | null | undefined, locale: Locale = currentLocale()) => fromTable(ROLES, role, locale);

export { auditActionLabel } from './audit-labels.ts';
export { questionTypeLabel } from './question-type-labels.ts';

/** A region's or office's name in the reader's language, from reference data passed in. */
export function referenceName(code: string | null | undefined, names: NameTable | undefined, locale: Locale = currentLocale()): string {
	if (!code || code === 'none') return m.ui_none({}, { locale });
	const entry = names?.[code];
	if (typeof entry === 'string') return entry;
	const name = entry?.[locale] ?? entry?.[BASE_LOCALE];
	return name ?? bidiIsolate(code);
}
export const regionName = referenceName;
export const officeName = referenceName;

const displayNames = new Map<Locale, Intl.DisplayNames>();
/**
 * A country's name in the reader's language from its ISO 3166-1 alpha-2 code: the
 * runtime's CLDR data names every Member State in the six languages.
 */
export function countryName(iso2: string | null | undefined, locale: Locale = currentLocale()): string {
	if (!iso2) return m.ui_none({}, { locale });
	let names = displayNames.get(locale);
	if (!names) displayNames.set(locale, (names = new Intl.DisplayNames([localeTag(locale)], { type: 'region', fallback: 'code' })));
	try {
		const name = names.of(iso2.toUpperCase());
		return name && name !== iso2.toUpperCase() ? name : bidiIsolate(iso2);
	} catch {
		return bidiIsolate(iso2); // not a well-formed region code
	}
}

const languageNames = new Map<Locale, Intl.DisplayNames>();
/**
 * A language's name in the reader's language from its code (`ar`, `zh`, SurveyJS's
 * `zh-cn`); `all` is a report in every language. Never a bare code: a code the runtime
 * cannot name is shown isolated.
 */
export function languageName(code: string | null | undefined, locale: Locale = currentLocale()): string {
	if (!code) return m.ui_none({}, { locale });
	if (code === 'all') return m.an_all_languages({}, { locale });
	let names = languageNames.get(locale);
	if (!names) languageNames.set(locale, (names = new Intl.DisplayNames([localeTag(locale)], { type: 'language', fallback: 'code' })));
	try {
		// "zh-cn" would be named "Chinese (China)": the survey's Chinese is the UN's, one language.
		const name = names.of(code.split(/[-_]/)[0]!.toLowerCase());
		return name && name.toLowerCase() !== code.toLowerCase() ? name : bidiIsolate(code);
	} catch {
		return bidiIsolate(code);
	}
}

export { formatNumber, formatPercent, formatDate, formatDateTime, daysLeft, formatDaysLeft } from './format.ts';
