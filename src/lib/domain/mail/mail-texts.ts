import { LOCALES, questionnaireLocaleKey, type Locale } from '../locales.ts';
import { BUILTIN_MAIL_TEXTS } from './builtin-mail-texts.ts';
import { MAIL_KINDS, type MailKind } from './mail-kinds.ts';

/**
 * The invitation and reminder e-mails as part of a questionnaire: a custom top-level
 * property `mailTemplates: { invitation: { subject, body, bodyUndated, button }, reminder: {...} }`,
 * each part a survey-core-style localisable string `{ "default": English, "fr": ...,
 * "zh-cn": ... }`, the body being paragraphs separated by a blank line. Versioned with
 * the questionnaire, so an edition sends the texts of the version it pins; a
 * questionnaire without it (or without one kind) sends the built-in texts.
 *
 * `body` is sent when the edition has a closing date and may say it with {deadline};
 * `bodyUndated` is sent when it has none, written as whole sentences without a date
 * ({deadline} is refused there, and in the subject and button, which both cases share).
 * `bodyUndated` may be left out only when `body` does not use {deadline}.
 */
export const MAIL_TEMPLATES_PROP = 'mailTemplates';
export { MAIL_KINDS, type MailKind } from './mail-kinds.ts';
export const MAIL_PARTS = ['subject', 'body', 'bodyUndated', 'button'] as const;
/** The parts a template must have in English; `bodyUndated` is needed only when `body` names the date. */
export const REQUIRED_MAIL_PARTS = ['subject', 'body', 'button'] as const;
export type MailPart = (typeof MAIL_PARTS)[number];
export const MERGE_FIELDS = ['contact', 'entity', 'link', 'deadline'] as const;
export type MergeFieldName = (typeof MERGE_FIELDS)[number];
/** The one merge field that exists only when the edition has a closing date. */
export const DEADLINE_FIELD = 'deadline';

/** The merge fields a part may use: {deadline} only in the dated body. */
export function mergeFieldsOf(part: MailPart): readonly MergeFieldName[] {
	return part === 'body' ? MERGE_FIELDS : MERGE_FIELDS.filter((f) => f !== DEADLINE_FIELD);
}

/** The part named by a workbench key `mail.<kind>.<part>`, or null. */
export function mailPartOfKey(key: string): MailPart | null {
	const part = key.split('.')[2];
	return (MAIL_PARTS as readonly string[]).includes(part ?? '') ? (part as MailPart) : null;
}

/** One kind of e-mail in one language. */
export interface MailText {
	subject: string;
	/** Paragraphs separated by a blank line; sent when the edition has a closing date. */
	body: string;
	/** The body sent when the edition has no closing date. */
	bodyUndated: string;
	button: string;
}

type JsonObject = { [key: string]: unknown };
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

export const PARAGRAPH_SEPARATOR = '\n\n';

export function isMailKind(v: unknown): v is MailKind {
	return typeof v === 'string' && (MAIL_KINDS as readonly string[]).includes(v);
}

/** The workbench key of one part: `mail.invitation.subject`. */
export function mailStringKey(kind: MailKind, part: MailPart): string {
	return `mail.${kind}.${part}`;
}

export function isMailStringKey(key: string): boolean {
	return key.startsWith('mail.');
}

const PART_CONTEXT: Record<MailPart, string> = {
	subject: 'subject line (one line)',
	body: 'body sent when the edition has a closing date: paragraphs separated by a blank line',
	bodyUndated: 'body sent when the edition has no closing date: paragraphs separated by a blank line, whole sentences that name no date',
	button: 'text of the button that carries the link'
};

/** What a translator reads beside a mail string: what it is and which merge fields it may use. */
export function mailStringContext(kind: MailKind, part: MailPart): string {
	return `e-mail ${kind}, ${PART_CONTEXT[part]}; merge fields allowed: ${mergeFieldsOf(part)
		.map((f) => `{${f}}`)
		.join(' ')} (keep those of the English)`;
}

export function builtinMailText(kind: MailKind, locale: Locale): MailText {
	const t = BUILTIN_MAIL_TEXTS[kind][locale];
	return {
		subject: t.subject,
		body: [...t.paragraphs, t.dated].join(PARAGRAPH_SEPARATOR),
		bodyUndated: [...t.paragraphs, t.undated].join(PARAGRAPH_SEPARATOR),
		button: t.button
	};
}

/** One kind of the built-in texts in the JSON form of `mailTemplates`, all six languages. */
export function builtinMailTemplateJson(kind: MailKind): Record<MailPart, Record<string, string>> {
	const out = {} as Record<MailPart, Record<string, string>>;
	for (const part of MAIL_PARTS) out[part] = Object.fromEntries(LOCALES.map((l) => [questionnaireLocaleKey(l), builtinMailText(kind, l)[part]]));
	return out;
}

/** A localisable value in one language: a plain string is English only; '' counts as absent. */
function textIn(value: unknown, locale: Locale): string | null {
	if (typeof value === 'string') return locale === 'en' && value !== '' ? value : null;
	if (!isObject(value)) return null;
	const t = value[questionnaireLocaleKey(locale)];
	return typeof t === 'string' && t !== '' ? t : null;
}

/** The questionnaire's own template of a kind, if it has one with English in all three parts. */
export function customTemplate(json: unknown, kind: MailKind): JsonObject | null {
	const all = isObject(json) ? json[MAIL_TEMPLATES_PROP] : undefined;
	const t = isObject(all) ? all[kind] : undefined;
	if (!isObject(t) || !REQUIRED_MAIL_PARTS.every((p) => textIn(t[p], 'en') !== null)) return null;
	return t;
}

/**
 * The text a recipient gets: the questionnaire's own template of that kind, else the
 * built-in one. A part missing in the recipient's language falls back to the
 * questionnaire's English (as survey-core does for every questionnaire text), not to the
 * built-in translation: the Secretariat's wording wins over a text it replaced. The
 * launch gate keeps an edition with missing translations from opening anyway.
 * Without `bodyUndated`, a body that names no date serves both cases; one that does
 * (a template written before the variant existed; the lint refuses it now) gives way to
 * the built-in undated body rather than a sentence with a hole.
 */
export function mailTextFor(json: unknown, kind: MailKind, locale: Locale): MailText & { custom: boolean } {
	const t = customTemplate(json, kind);
	if (!t) return { ...builtinMailText(kind, locale), custom: false };
	const part = (p: MailPart) => textIn(t[p], locale) ?? textIn(t[p], 'en');
	const body = part('body')!;
	const undated = part('bodyUndated') ?? (placeholdersOf(body).includes(DEADLINE_FIELD) ? builtinMailText(kind, locale).bodyUndated : body);
	return { subject: part('subject')!, body, bodyUndated: undated, button: part('button')!, custom: true };
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The `{names}` a text uses, each once, in order. */
export function placeholdersOf(text: string): string[] {
	return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** The `{names}` of a text that are not merge fields (of `part`, when given: {deadline} only in the dated body). */
export function unknownMergeFields(text: string, part?: MailPart): string[] {
	const allowed: readonly string[] = part ? mergeFieldsOf(part) : MERGE_FIELDS;
	return placeholdersOf(text).filter((p) => !allowed.includes(p));
}

/**
 * Why a translation does not carry the same merge fields as its English (null when it
 * does): a translator who drops {link} or misspells {entity} breaks the e-mail.
 */
export function mergeFieldMismatch(english: string, translation: string): string | null {
	const want = new Set(placeholdersOf(english));
	const have = new Set(placeholdersOf(translation));
	const dropped = [...want].filter((p) => !have.has(p));
	const added = [...have].filter((p) => !want.has(p));
	if (dropped.length === 0 && added.length === 0) return null;
	const list = (names: string[]) => names.map((n) => `{${n}}`).join(', ');
	return (
		[dropped.length ? `drops ${list(dropped)}` : '', added.length ? `adds ${list(added)}` : ''].filter(Boolean).join(' and ') +
		' against the English (keep exactly the merge fields of the English)'
	);
}

/**
 * For the workbench and file imports: why a translation of string `key` may not be
 * saved (null when it may). Only e-mail strings carry merge fields.
 */
export function translationMergeFieldProblem(key: string, english: string, translation: string): string | null {
	if (!isMailStringKey(key) || translation === '') return null;
	const part = mailPartOfKey(key) ?? 'body';
	const fields = mergeFieldsOf(part);
	const unknown = unknownMergeFields(translation, part);
	if (unknown.length > 0) return `uses ${unknown.map((u) => `{${u}}`).join(', ')}, which is not a merge field here (${fields.map((f) => `{${f}}`).join(', ')})`;
	return mergeFieldMismatch(english, translation);
}

/** For the version diff: a kind's texts flattened to `{ "subject [fr]": text }`, or null without that kind. */
export function mailTextsByLanguage(json: unknown, kind: MailKind): Record<string, unknown> | null {
	const all = isObject(json) ? json[MAIL_TEMPLATES_PROP] : undefined;
	const t = isObject(all) ? all[kind] : undefined;
	if (t === undefined) return null;
	if (!isObject(t)) return { '(malformed)': t };
	const out: Record<string, unknown> = {};
	for (const [part, value] of Object.entries(t)) {
		if (isObject(value)) for (const [lang, text] of Object.entries(value)) out[`${part} [${lang === 'default' ? 'en' : lang}]`] = text;
		else out[`${part} [en]`] = value;
	}
	return out;
}
