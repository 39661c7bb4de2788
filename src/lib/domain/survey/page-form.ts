import type { Model, Question } from 'survey-core';
import { fieldName } from './field-names.ts';
import { applyOther, hasOther, otherField, OTHER_TEXT_MAX } from './kinds/choice-other.ts';
import { isAnswerable, kindOf } from './kinds/index.ts';
import type { Posted } from './kinds/kind.ts';
import { pickText, refuse } from './kinds/pick.ts';

/**
 * Turns the fields posted for one page into answers, refusing anything a genuine
 * form of ours could not have sent: unknown fields, values outside the choices,
 * over-long text, text with bidi overrides or broken encoding. A refusal saves
 * nothing; a genuine but incomplete page is left to survey-core's validation.
 */
export type PageAnswers = Record<string, unknown>;

/**
 * Explicit bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) can
 * make a stored answer display as something else ("Trojan Source"); U+FFFD is what
 * invalid UTF-8 decodes to; C0 controls other than tab and newlines have no place in
 * an answer. The marks RLM/LRM/ALM, which Arabic text legitimately uses, are allowed.
 */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const FORBIDDEN_TEXT = /[\u202A-\u202E\u2066-\u2069\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** Every form field a page may send: each question's own (its kind says which) and its "Other" text. */
function fieldsOf(questions: Question[]): Set<string> {
	const fields = new Set<string>();
	for (const q of questions) {
		for (const field of kindOf(q).fields(q, fieldName(q.name))) fields.add(field);
		if (hasOther(q)) fields.add(otherField(q));
	}
	return fields;
}

/**
 * Parses the posted fields (control fields already removed) for visible page `index`
 * of a model loaded with the current answers. Returns the page's answers; a key whose
 * value is undefined means "cleared".
 */
export function parsePageAnswers(model: Model, index: number, entries: [string, string][]): PageAnswers {
	const page = model.visiblePages[index];
	if (!page) refuse('unknown_page', `page ${index} does not exist`);
	return parseQuestionAnswers(page.questions as Question[], entries);
}

/**
 * parsePageAnswers for a given list of questions (the compiled plan's pages, plan/post.ts).
 * `parsers` reads some questions' fields instead of their kind (by name): the plan's choices
 * carried from another answer, which the questions here (from a model without answers) lack.
 */
export function parseQuestionAnswers(
	questions: Question[],
	entries: [string, string][],
	parsers: ReadonlyMap<string, (values: string[], field: string) => unknown> = new Map()
): PageAnswers {
	const fields = fieldsOf(questions);
	const posted: Posted = new Map();
	for (const [field, value] of entries) {
		if (!fields.has(field)) refuse('unknown_field', `"${field}" is not a question on this page`);
		if (FORBIDDEN_TEXT.test(value)) refuse('invalid_characters', `"${field}" contains control or bidi override characters`);
		posted.set(field, [...(posted.get(field) ?? []), value]);
	}
	const answers: PageAnswers = {};
	// Keyed as survey-core keys the value: by `valueName` when set, so questions sharing one value share one answer.
	for (const q of questions.filter(isAnswerable)) {
		const own = parsers.get(q.name);
		const value = own ? own(posted.get(fieldName(q.name)) ?? [], fieldName(q.name)) : kindOf(q).parse(q, posted, fieldName(q.name));
		if (!hasOther(q)) answers[q.getValueName()] = value;
		else Object.assign(answers, applyOther(q, value, pickText(posted.get(otherField(q)) ?? [], otherField(q), OTHER_TEXT_MAX)));
	}
	return answers;
}
