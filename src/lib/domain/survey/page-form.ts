import type { Model, Question, ItemValue } from 'survey-core';
import { InvalidInputError } from '../errors.ts';
import { columnSpec, formValue, subField, textMaxLength, DEFAULT_TEXT_MAX } from './page-view.ts';
import { fieldName } from './field-names.ts';
import { applyOther, hasOther, otherField, OTHER_TEXT_MAX } from './kinds/choice-other.ts';

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

type Posted = Map<string, string[]>;

function refuse(code: string, message: string): never {
	throw new InvalidInputError(message, [], code);
}

/** Every form field a page may send. */
function fieldsOf(questions: Question[]): Set<string> {
	const fields = new Set<string>();
	for (const q of questions) {
		const field = fieldName(q.name);
		switch (q.getType()) {
			case 'matrix':
				for (const row of q.rows as ItemValue[]) fields.add(subField(field, formValue(row.value)));
				break;
			case 'multipletext':
				for (const item of q.items as { name: string }[]) fields.add(subField(field, item.name));
				break;
			case 'ranking':
				for (const c of q.visibleChoices as ItemValue[]) fields.add(subField(field, formValue(c.value)));
				break;
			case 'matrixdropdown':
				for (const row of q.rows as ItemValue[]) for (const col of q.columns as { name: string }[]) fields.add(subField(field, formValue(row.value), col.name));
				break;
			case 'html':
			case 'expression':
				break;
			default:
				fields.add(field);
		}
		if (hasOther(q)) fields.add(otherField(q));
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

function pickText(values: string[], field: string, max: number): string | undefined {
	const value = single(values, field);
	if (value === undefined || value.trim() === '') return undefined;
	if (value.length > max) refuse('too_long', `"${field}" is longer than ${max} characters`);
	return value;
}

function pickMany(values: string[], field: string, choices: Map<string, unknown>): unknown[] | undefined {
	const picked = [...new Set(values.filter((v) => v !== ''))];
	for (const value of picked) if (!choices.has(value)) refuse('invalid_choice', `"${value}" is not a choice of "${field}"`);
	// Keep the questionnaire's order, not the order the browser sent.
	const ordered = [...choices.keys()].filter((k) => picked.includes(k)).map((k) => choices.get(k));
	return ordered.length > 0 ? ordered : undefined;
}

/** Objects with no key are no answer at all. */
function nonEmpty<T extends object>(value: T): T | undefined {
	return Object.keys(value).length > 0 ? value : undefined;
}

/**
 * Ranks posted as numbers per choice become an ordered list. Ties keep the
 * questionnaire's order and unranked choices follow the ranked ones, so a person
 * choosing ranks from drop-downs without JavaScript never gets an error for a tie.
 */
function parseRanking(q: Question, posted: Posted): unknown[] | undefined {
	const choices = q.visibleChoices as ItemValue[];
	const ranked = choices.map((c, order) => {
		const field = subField(fieldName(q.name), formValue(c.value));
		const raw = single(posted.get(field) ?? [], field);
		if (raw !== undefined && !(/^\d{1,3}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= choices.length)) {
			refuse('invalid_choice', `"${raw}" is not a rank of "${field}"`);
		}
		return { value: c.value, rank: raw === undefined ? Infinity : Number(raw), order };
	});
	if (ranked.every((r) => r.rank === Infinity)) return undefined;
	return ranked.sort((a, b) => a.rank - b.rank || a.order - b.order).map((r) => r.value);
}

function parseQuestion(q: Question, posted: Posted): unknown {
	// The form field derived from the name (field-names.ts); messages name it as posted.
	const name = fieldName(q.name);
	const own = posted.get(name) ?? [];
	switch (q.getType()) {
		case 'radiogroup':
		case 'dropdown':
			return pickChoice(own, name, choiceLookup(q.visibleChoices));
		case 'rating':
			return pickChoice(own, name, choiceLookup(q.visibleRateValues));
		case 'checkbox':
		case 'tagbox': {
			const choices = choiceLookup(q.visibleChoices);
			// "Select all" travels as its own (empty) value: it stands for every ordinary choice.
			const selectAll = own.includes('') && Boolean((q as Question & { showSelectAllItem?: boolean }).showSelectAllItem);
			if (!selectAll) return pickMany(own, name, choices);
			const ordinary = (q.choices as ItemValue[]).map((c) => formValue(c.value));
			return pickMany([...own, ...ordinary], name, choices);
		}
		case 'boolean': {
			const value = single(own, name);
			if (value === undefined) return undefined;
			if (value !== 'true' && value !== 'false') refuse('invalid_choice', `"${name}" must be true or false`);
			return value === 'true';
		}
		case 'text':
		case 'comment':
			return pickText(own, name, textMaxLength(q));
		case 'matrix': {
			const columns = choiceLookup(q.columns);
			const cells: Record<string, unknown> = {};
			for (const row of q.rows as ItemValue[]) {
				const field = subField(name, formValue(row.value));
				const cell = pickChoice(posted.get(field) ?? [], field, columns);
				if (cell !== undefined) cells[formValue(row.value)] = cell;
			}
			return nonEmpty(cells);
		}
		case 'multipletext': {
			const items: Record<string, string> = {};
			for (const item of q.items as { name: string; maxLength?: unknown }[]) {
				const field = subField(name, item.name);
				const text = pickText(posted.get(field) ?? [], field, textMaxLength({ maxLength: item.maxLength, getType: () => 'text' }));
				if (text !== undefined) items[item.name] = text;
			}
			return nonEmpty(items);
		}
		case 'ranking':
			return parseRanking(q, posted);
		case 'matrixdropdown': {
			const rows: Record<string, Record<string, unknown>> = {};
			for (const row of q.rows as ItemValue[]) {
				const rowName = formValue(row.value);
				const cells: Record<string, unknown> = {};
				for (const column of q.columns as { name: string; cellType: string; templateQuestion?: Question }[]) {
					const field = subField(name, rowName, column.name);
					const spec = columnSpec(q, column);
					const values = posted.get(field) ?? [];
					const cell =
						spec.cellType === 'dropdown'
							? pickChoice(values, field, choiceLookup(spec.choices))
							: pickText(values, field, spec.cellType === 'comment' ? DEFAULT_TEXT_MAX * 10 : DEFAULT_TEXT_MAX);
					if (cell !== undefined) cells[column.name] = cell;
				}
				if (Object.keys(cells).length > 0) rows[rowName] = cells;
			}
			return nonEmpty(rows);
		}
		default:
			return undefined;
	}
}

/** Types whose value the respondent gives (html and expression only display). */
const ANSWERABLE = (q: Question) => !['html', 'expression'].includes(q.getType());

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

/** parsePageAnswers for a given list of questions (the compiled plan's pages, plan/post.ts). */
export function parseQuestionAnswers(questions: Question[], entries: [string, string][]): PageAnswers {
	const fields = fieldsOf(questions);
	const posted: Posted = new Map();
	for (const [field, value] of entries) {
		if (!fields.has(field)) refuse('unknown_field', `"${field}" is not a question on this page`);
		if (FORBIDDEN_TEXT.test(value)) refuse('invalid_characters', `"${field}" contains control or bidi override characters`);
		posted.set(field, [...(posted.get(field) ?? []), value]);
	}
	const answers: PageAnswers = {};
	// Keyed as survey-core keys the value: by `valueName` when set, so questions sharing one value share one answer.
	for (const q of questions.filter(ANSWERABLE)) {
		const value = parseQuestion(q, posted);
		if (!hasOther(q)) answers[q.getValueName()] = value;
		else Object.assign(answers, applyOther(q, value, pickText(posted.get(otherField(q)) ?? [], otherField(q), OTHER_TEXT_MAX)));
	}
	return answers;
}
