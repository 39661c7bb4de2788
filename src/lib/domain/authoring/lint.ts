import { lintQuestionnaireJson, type Finding } from '../survey/definition.ts';
import { LOCALES, questionnaireLocaleKey, BASE_LOCALE } from '../locales.ts';
import { isObject, type JsonObject } from './json-text.ts';
import { allElements } from './elements.ts';

export type { Finding };

/** Keys whose values are shown to respondents and so need every language. */
const LOCALIZABLE_KEYS = new Set(['title', 'description', 'text', 'completedHtml', 'html', 'placeholder', 'minRateDescription', 'maxRateDescription', 'labelTrue', 'labelFalse', 'requiredErrorText']);
/** Objects under these keys are not text (conditions, our tags). */
const SKIPPED_KEYS = new Set(['translationStatus', 'criteria', 'validators']);

function* localizableValues(value: unknown): Generator<unknown> {
	if (Array.isArray(value)) {
		for (const item of value) yield* localizableValues(item);
		return;
	}
	if (!isObject(value)) return;
	for (const [key, child] of Object.entries(value)) {
		if (SKIPPED_KEYS.has(key)) continue;
		if (LOCALIZABLE_KEYS.has(key) && (typeof child === 'string' || isObject(child))) yield child;
		else yield* localizableValues(child);
	}
}

/**
 * Per language, how many texts lack a translation: a plain string has only English;
 * an object lacks the languages it has no key for. (Engineer C's workbench has the
 * full string catalogue; this count only warns the author.)
 */
export function missingTranslations(json: JsonObject): Finding[] {
	const counts = new Map<string, number>();
	for (const value of localizableValues(json)) {
		for (const locale of LOCALES) {
			if (locale === BASE_LOCALE) continue;
			const key = questionnaireLocaleKey(locale);
			const present = isObject(value) && typeof value[key] === 'string' && value[key] !== '';
			if (!present) counts.set(locale, (counts.get(locale) ?? 0) + 1);
		}
	}
	return [...counts].map(([locale, count]) => ({
		severity: 'warning' as const,
		rule: 'translation/missing',
		message: `${count} text(s) have no ${locale} translation.`
	}));
}

export interface BaseVersion {
	json: JsonObject;
	/** e.g. "regional-presence-2026 v1" */
	label: string;
}

/**
 * Names are the keys of wave comparison: a name of the base version that is gone
 * breaks it. When a new name sits where the old one was, with the same type, it is
 * most likely a rename, and we say so.
 */
export function changedNames(json: JsonObject, base: BaseVersion): Finding[] {
	const now = new Map([...allElements(json)].map((l) => [String(l.element.name), l]));
	const byPosition = new Map([...allElements(json)].map((l) => [l.position, l]));
	const before = [...allElements(base.json)];
	const beforeNames = new Set(before.map((l) => String(l.element.name)));
	const findings: Finding[] = [];
	for (const old of before) {
		const name = String(old.element.name);
		if (now.has(name) || old.element.type === 'panel' || old.element.type === 'html') continue;
		const there = byPosition.get(old.position);
		const renamed = there && there.element.type === old.element.type && !beforeNames.has(String(there.element.name));
		findings.push({
			severity: 'warning',
			rule: 'name/changed',
			path: name,
			message: renamed
				? `"${name}" looks renamed to "${String(there.element.name)}": this breaks wave comparison with ${base.label}.`
				: `"${name}" was renamed or removed: this breaks wave comparison with ${base.label}.`
		});
	}
	return findings;
}

/**
 * Everything the author must know about a draft: survey-core's linter and our renderer
 * rules (definition.ts), unknown properties (an error here: the deserializer would drop
 * them silently), changed names against the base version, missing translations.
 */
export function lintDraft(json: JsonObject, base: BaseVersion | null): Finding[] {
	const findings = lintQuestionnaireJson(json).map((f) => (f.rule === 'property/unknown' ? { ...f, severity: 'error' as const } : f));
	return [...findings, ...(base ? changedNames(json, base) : []), ...missingTranslations(json)];
}

export function errorsOf(findings: readonly Finding[]): Finding[] {
	return findings.filter((f) => f.severity === 'error');
}

export function describeFinding(f: Finding): string {
	return `${f.path ? f.path + ': ' : ''}${f.message} [${f.rule}]`;
}
