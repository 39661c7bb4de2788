import type { JsonObject } from './json-text.ts';
import { diffQuestionnaires, type DiffEntry } from './diff.ts';
import { extractStrings, type Json } from '../translation/strings.ts';
import { questionnaireLocaleKey, type Locale } from '../locales.ts';
import { MAIL_TEMPLATES_PROP } from '../mail/mail-texts.ts';

/**
 * The difference between two questionnaire texts (two versions, a draft and the version it
 * was copied from, or versions of two questionnaires) as a reader of one language sees it:
 * every translatable text is first reduced to its text in `locale`, so a change shows as
 * old → new in that language, per element and property (and per choice, row, column).
 * A text the language lacks shows as ∅.
 */
export function diffVersions(a: JsonObject, b: JsonObject, locale: Locale): DiffEntry[] {
	return diffQuestionnaires(localizeQuestionnaire(a, locale), localizeQuestionnaire(b, locale));
}

/**
 * A copy of the questionnaire in which each localizable value (`{ default, fr, ... }` or a plain
 * English string) is replaced by its text in `locale` (absent when it has none). E-mail texts
 * keep their language key, so that the diff names the language ("subject [fr]").
 */
export function localizeQuestionnaire(json: JsonObject, locale: Locale): JsonObject {
	const copy = JSON.parse(JSON.stringify(json)) as JsonObject;
	for (const s of extractStrings(copy as Json)) {
		let holder = copy as Record<string | number, unknown>;
		for (const step of s.path) holder = holder[step] as Record<string | number, unknown>;
		const text = s.texts[locale];
		const isMail = s.path[0] === MAIL_TEMPLATES_PROP;
		if (text === null) delete holder[s.prop];
		else holder[s.prop] = isMail ? { [questionnaireLocaleKey(locale)]: text } : text;
	}
	return copy;
}
