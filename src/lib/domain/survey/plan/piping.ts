import type { Model, Question } from 'survey-core';
import { formValue } from '../page-view.ts';

/**
 * Piped texts (`{name}` in a title, a description, a choice's text or an HTML block),
 * compiled: survey-core's TextPreProcessor replaces each `{name}` that names a question
 * with that question's display value (a choice's text, "Yes"/"No", the typed text) and
 * leaves other names as written. The plan renders the same from the stored answers,
 * with the display texts of every possible value taken from survey-core once, at
 * compile time. Names the plan cannot resolve the same way (built-in variables, paths,
 * calculated values, questions whose display depends on other answers) are obstacles:
 * that page falls back to survey-core. plan.test.ts holds both renderings equal.
 */
type Json = Record<string, unknown>;
export type Piped = (answers: Json) => string;

/** Names survey-core resolves before (or instead of) a question: its built-in variables and reserved words. */
const RESERVED = new Set([
	'pageno',
	'pagecount',
	'questioncount',
	'correctedanswers',
	'correctanswers',
	'correctedanswercount',
	'incorrectedanswers',
	'incorrectanswers',
	'incorrectedanswercount',
	'locale',
	'no',
	'require',
	'title',
	// A checkbox's value is an array, which survey-core searches first for these own keys.
	'length',
	'push',
	'pop',
	'shift',
	'unshift',
	'splice'
]);
/** Question types whose display value the plan knows from its value alone. */
const DISPLAYABLE = new Set(['radiogroup', 'dropdown', 'checkbox', 'tagbox', 'boolean', 'text', 'comment', 'rating']);

interface Span {
	start: number;
	end: number;
	name: string;
}

/** survey-core's TextPreProcessor.getItems: each `{...}` span, the innermost `{` winning. */
function spans(text: string): Span[] {
	const found: Span[] = [];
	let start = -1;
	for (let i = 0; i < text.length; i++) {
		if (text[i] === '{') start = i;
		else if (text[i] === '}') {
			const inner = start > -1 ? text.substring(start + 1, i) : '';
			if (start > -1 && inner && !inner.includes(':')) found.push({ start, end: i, name: inner.trim() });
			start = -1;
		}
	}
	return found.filter((s) => s.name !== '');
}

export function hasPlaceholder(text: unknown): boolean {
	return typeof text === 'string' && spans(text).length > 0;
}

/** The questions of a definition (panels walked), by lower-cased value name: what `{name}` may name. */
export function questionsByValueName(definition: Json): Map<string, Json> {
	const found = new Map<string, Json>();
	const walk = (elements: unknown) => {
		for (const e of Array.isArray(elements) ? (elements as Json[]) : []) {
			if (Array.isArray(e.elements)) walk(e.elements);
			else if (typeof e.name === 'string') {
				const key = String(e.valueName ?? e.name).toLowerCase();
				if (!found.has(key)) found.set(key, e);
			}
		}
	};
	for (const page of Array.isArray(definition.pages) ? (definition.pages as Json[]) : []) walk(page.elements);
	return found;
}

/** Whether a question's display value depends on its value alone (static choices, no "Other"). */
function displayable(q: Json): boolean {
	if (!DISPLAYABLE.has(String(q.type))) return false;
	if (q.choicesFromQuestion || q.showOtherItem || q.hasOther || q.valuePropertyName || q.choicesByUrl || q.choicesVisibleIf) return false;
	return q.type !== 'text' || q.inputType === undefined || q.inputType === 'text';
}

/** Why the `{...}` of a text cannot be compiled, or null (JSON only: the lint uses it). */
export function pipingObstacle(text: string, questions: Map<string, Json>): string | null {
	for (const { name } of spans(text)) {
		const lower = name.toLowerCase();
		if (RESERVED.has(lower) || /^\d+$/.test(name) || /[.[\]$]/.test(name) || lower.endsWith('-unwrapped')) return `"{${name}}"`;
		const q = questions.get(lower);
		if (!q || !displayable(q)) return `"{${name}}"`;
	}
	return null;
}

/** A question's display text for a value, as getDisplayValue gives it, from a table made once. */
function displayer(q: Question): (value: unknown) => string {
	const type = q.getType();
	if (type === 'text' || type === 'comment') return (v) => String(v);
	const values: unknown[] =
		type === 'boolean'
			? [true, false]
			: type === 'rating'
				? (q.visibleRateValues as { value: unknown }[]).map((i) => i.value)
				: (q.visibleChoices as { value: unknown }[]).map((i) => i.value);
	const many = type === 'checkbox' || type === 'tagbox';
	const texts = new Map(values.map((v) => [formValue(v), String(q.getDisplayValue(true, many ? [v] : v) ?? '')]));
	const one = (v: unknown) => texts.get(formValue(v)) ?? String(v);
	return many ? (v) => (Array.isArray(v) ? v.map(one).join(', ') : one(v)) : one;
}

function empty(v: unknown): boolean {
	return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** A text with placeholders as a function of the answers; null when it has none. Call pipingObstacle first. */
export function compilePiped(model: Model, text: string): Piped | null {
	const found = spans(text);
	if (found.length === 0) return null;
	const parts: (string | { valueName: string; display: (v: unknown) => string })[] = [];
	let at = 0;
	for (const span of found) {
		const q = model.getQuestionByValueName(span.name, true) as Question;
		parts.push(text.substring(at, span.start), { valueName: q.getValueName(), display: displayer(q) });
		at = span.end + 1;
	}
	parts.push(text.substring(at));
	return (answers) => {
		let out = '';
		for (const part of parts) {
			if (typeof part === 'string') out += part;
			else {
				const v = answers[part.valueName];
				if (!empty(v)) out += part.display(v);
			}
		}
		return out;
	};
}
