import type { Finding } from '../survey/finding.ts';
import { LOCALES, questionnaireLocaleKey } from '../locales.ts';
import {
	DEADLINE_FIELD,
	MAIL_KINDS,
	MAIL_PARTS,
	MAIL_TEMPLATES_PROP,
	mailStringKey,
	mergeFieldMismatch,
	mergeFieldsOf,
	placeholdersOf,
	unknownMergeFields,
	type MailPart
} from './mail-texts.ts';

type JsonObject = { [key: string]: unknown };
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const LANGUAGE_KEYS = LOCALES.map(questionnaireLocaleKey);
const error = (rule: string, path: string, message: string): Finding => ({ severity: 'error', rule, path, message });

/**
 * The questionnaire's `mailTemplates`, if any: well-formed (known kinds, the three parts,
 * English present, known language keys), only the four merge fields ({deadline} only in
 * the dated body), an undated body whenever the dated one names the date, and every
 * translation with exactly the merge fields of its English. All errors: a broken
 * template would reach every recipient of an edition.
 */
export function mailTemplateFindings(json: JsonObject): Finding[] {
	if (!(MAIL_TEMPLATES_PROP in json)) return [];
	const all = json[MAIL_TEMPLATES_PROP];
	if (!isObject(all)) return [error('mail/malformed', MAIL_TEMPLATES_PROP, `"${MAIL_TEMPLATES_PROP}" must be an object with "invitation" and/or "reminder".`)];
	const findings: Finding[] = [];
	for (const [kind, template] of Object.entries(all)) {
		const path = `${MAIL_TEMPLATES_PROP}.${kind}`;
		if (!(MAIL_KINDS as readonly string[]).includes(kind)) {
			findings.push(error('mail/malformed', path, `"${kind}" is not an e-mail kind (use ${MAIL_KINDS.join(' or ')}).`));
		} else if (!isObject(template)) {
			findings.push(error('mail/malformed', path, `The ${kind} e-mail must be an object with ${MAIL_PARTS.join(', ')}.`));
		} else {
			for (const name of Object.keys(template)) {
				if (!(MAIL_PARTS as readonly string[]).includes(name))
					findings.push(error('mail/malformed', `${path}.${name}`, `"${name}" is not a part of an e-mail (use ${MAIL_PARTS.join(', ')}).`));
			}
			const k = kind as (typeof MAIL_KINDS)[number];
			for (const part of MAIL_PARTS) {
				if (part === 'bodyUndated' && template[part] === undefined) findings.push(...undatedMissing(template.body, path, k));
				else findings.push(...partFindings(template[part], `${path}.${part}`, mailStringKey(k, part), part));
			}
		}
	}
	return findings;
}

/** Without `bodyUndated`, the body is sent to editions without a closing date too: it may not name the date. */
function undatedMissing(body: unknown, path: string, kind: string): Finding[] {
	const english =
		typeof body === 'string'
			? body
			: typeof body === 'object' && body !== null && typeof (body as JsonObject).default === 'string'
				? ((body as JsonObject).default as string)
				: '';
	if (!placeholdersOf(english).includes(DEADLINE_FIELD)) return [];
	return [
		error(
			'mail/undated-missing',
			`${path}.bodyUndated`,
			`The ${kind} body names the closing date ({deadline}): give "bodyUndated", the body sent when the edition has no closing date, in whole sentences.`
		)
	];
}

function partFindings(value: unknown, path: string, key: string, part: MailPart): Finding[] {
	const texts: Record<string, unknown> = typeof value === 'string' ? { default: value } : isObject(value) ? value : {};
	if (typeof value !== 'string' && !isObject(value)) return [error('mail/malformed', path, `${key} is missing: give its English text.`)];
	const findings: Finding[] = [];
	for (const [lang, text] of Object.entries(texts)) {
		if (!LANGUAGE_KEYS.includes(lang))
			findings.push(error('mail/malformed', `${path}.${lang}`, `"${lang}" is not one of the six languages' keys (${LANGUAGE_KEYS.join(', ')}).`));
		else if (typeof text !== 'string') findings.push(error('mail/malformed', `${path}.${lang}`, `The ${lang} text of ${key} must be a string.`));
	}
	const english = typeof texts.default === 'string' ? texts.default : '';
	if (english.trim() === '') return [...findings, error('mail/malformed', path, `${key} has no English text ("default").`)];
	for (const [lang, text] of Object.entries(texts)) {
		if (typeof text !== 'string' || !LANGUAGE_KEYS.includes(lang)) continue;
		const unknown = unknownMergeFields(text, part);
		if (unknown.length > 0) {
			findings.push(
				error(
					'mail/merge-field',
					`${path}.${lang}`,
					`${key} (${lang}) uses ${unknown.map((u) => `{${u}}`).join(', ')}: the merge fields here are ${mergeFieldsOf(part)
						.map((f) => `{${f}}`)
						.join(', ')}.`
				)
			);
		} else if (lang !== 'default' && text !== '') {
			const mismatch = mergeFieldMismatch(english, text);
			if (mismatch) findings.push(error('mail/merge-field-mismatch', `${path}.${lang}`, `The ${lang} translation of ${key} ${mismatch}.`));
		}
	}
	return findings;
}
