import type { Model, Question, ItemValue } from 'survey-core';
import { InvalidInputError } from '../errors.ts';
import { formValue, matrixField, textMaxLength } from './page-view.ts';

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
const FORBIDDEN_TEXT = /[\u202A-\u202E\u2066-\u2069\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

type Field = { question: Question; row?: string };

function refuse(code: string, message: string): never {
	throw new InvalidInputError(message, [], code);
}

function fieldsOf(questions: Question[]): Map<string, Field> {
	const fields = new Map<string, Field>();
	for (const question of questions) {
		if (question.getType() === 'matrix') {
			for (const row of question.rows as ItemValue[]) {
				const name = formValue(row.value);
				fields.set(matrixField(question.name, name), { question, row: name });
			}
		} else if (question.getType() !== 'html') {
			fields.set(question.name, { question });
		}
	}
	return fields;
}

function choiceLookup(items: ItemValue[]): Map<string, unknown> {
	return new Map(items.map((item) => [formValue(item.value), item.value]));
}

function single(values: string[], field: string): string | undefined {
	if (values.length > 1) refuse('too_many_values', `"${field}" was sent ${values.length} times`);
	const [value] = values;
	return value === undefined || value === '' ? undefined : value;
}

function pickChoice(values: string[], field: string, choices: Map<string, unknown>): unknown {
	const value = single(values, field);
	if (value === undefined) return undefined;
	if (!choices.has(value)) refuse('invalid_choice', `"${value}" is not a choice of "${field}"`);
	return choices.get(value);
}

function parseQuestion(question: Question, values: string[]): unknown {
	const name = question.name;
	switch (question.getType()) {
		case 'radiogroup':
		case 'dropdown':
			return pickChoice(values, name, choiceLookup(question.visibleChoices));
		case 'rating':
			return pickChoice(values, name, choiceLookup(question.visibleRateValues));
		case 'checkbox': {
			const choices = choiceLookup(question.visibleChoices);
			const picked = [...new Set(values.filter((v) => v !== ''))];
			for (const value of picked) {
				if (!choices.has(value)) refuse('invalid_choice', `"${value}" is not a choice of "${name}"`);
			}
			// Keep the questionnaire's order, not the order the browser sent.
			const ordered = [...choices.keys()].filter((k) => picked.includes(k)).map((k) => choices.get(k));
			return ordered.length > 0 ? ordered : undefined;
		}
		case 'boolean': {
			const value = single(values, name);
			if (value === undefined) return undefined;
			if (value !== 'true' && value !== 'false') refuse('invalid_choice', `"${name}" must be true or false`);
			return value === 'true';
		}
		case 'text':
		case 'comment': {
			const value = single(values, name);
			if (value === undefined || value.trim() === '') return undefined;
			if (value.length > textMaxLength(question)) {
				refuse('too_long', `"${name}" is longer than ${textMaxLength(question)} characters`);
			}
			return value;
		}
		default:
			return undefined;
	}
}

/**
 * Parses the posted fields (control fields already removed) for visible page `index`
 * of a model loaded with the current answers. Returns the page's answers; a key whose
 * value is undefined means "cleared".
 */
export function parsePageAnswers(model: Model, index: number, entries: [string, string][]): PageAnswers {
	const page = model.visiblePages[index];
	if (!page) refuse('unknown_page', `page ${index} does not exist`);
	const questions = page.questions as Question[];
	const fields = fieldsOf(questions);
	const byField = new Map<string, string[]>();
	for (const [field, value] of entries) {
		if (!fields.has(field)) refuse('unknown_field', `"${field}" is not a question on this page`);
		if (FORBIDDEN_TEXT.test(value)) {
			refuse('invalid_characters', `"${field}" contains control or bidi override characters`);
		}
		byField.set(field, [...(byField.get(field) ?? []), value]);
	}

	const answers: PageAnswers = {};
	for (const question of questions) {
		const type = question.getType();
		if (type === 'html') continue;
		if (type === 'matrix') {
			const columns = choiceLookup(question.columns);
			const cells: Record<string, unknown> = {};
			for (const row of question.rows as ItemValue[]) {
				const rowName = formValue(row.value);
				const field = matrixField(question.name, rowName);
				const cell = pickChoice(byField.get(field) ?? [], field, columns);
				if (cell !== undefined) cells[rowName] = cell;
			}
			answers[question.name] = Object.keys(cells).length > 0 ? cells : undefined;
		} else {
			answers[question.name] = parseQuestion(question, byField.get(question.name) ?? []);
		}
	}
	return answers;
}
