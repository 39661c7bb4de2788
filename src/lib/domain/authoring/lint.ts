import { lintQuestionnaireJson, type Finding } from '../survey/definition.ts';
import { LOCALES, BASE_LOCALE } from '../locales.ts';
import type { JsonObject } from './json-text.ts';
import { extractStrings, type Json } from '../translation/strings.ts';
import { allElements } from './elements.ts';

export type { Finding };

/**
 * Per language, how many texts lack a translation, counted over the translation
 * workbench's own string catalogue (src/lib/domain/translation/strings.ts), so the
 * editor's warning and the workbench's completeness always agree.
 */
export function missingTranslations(json: JsonObject): Finding[] {
	const strings = extractStrings(json as Json);
	return LOCALES.filter((locale) => locale !== BASE_LOCALE).flatMap((locale) => {
		const count = strings.filter((s) => !s.texts[locale]).length;
		return count === 0 ? [] : [{ severity: 'warning' as const, rule: 'translation/missing', message: `${count} text(s) have no ${locale} translation.` }];
	});
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
