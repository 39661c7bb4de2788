import { z } from 'zod';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { SUPPORTED_QUESTION_TYPES } from '../survey/definition.ts';
import { RESOLUTION_25_CRITERIA } from '../survey/custom-properties.ts';
import { readsName } from '../survey/reads-name.ts';
import { isObject, type JsonObject } from './json-text.ts';
import { elementNames, englishText, findElement, pagesOf, withEnglishText } from './elements.ts';
import { parseColumnLines, parseNamedItemLines } from './columns.ts';
import { renameReferences } from './references.ts';

/**
 * Draft edits as pure functions: each takes the questionnaire JSON and returns a new
 * one, or throws InvalidInputError and changes nothing. Text edited here is English
 * (survey-core's `default` locale); the other languages' text is kept as it was.
 */

export const NAME = z
	.string()
	.trim()
	.regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'use letters, digits and underscores, starting with a letter')
	.max(64);
export const CHOICE_TYPES = ['radiogroup', 'checkbox', 'dropdown', 'ranking', 'tagbox'] as const;
/** Types the editor adds; panels and html are kept when imported but not created here. */
export const ADDABLE_TYPES = SUPPORTED_QUESTION_TYPES.filter((t) => t !== 'panel' && t !== 'html' && t !== 'expression');
export type Direction = 'up' | 'down';

export function parse<T>(schema: z.ZodType<T>, input: unknown): T {
	const result = schema.safeParse(input);
	if (!result.success) {
		throw new InvalidInputError(
			'The form is not valid.',
			result.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`),
			'invalid_edit'
		);
	}
	return result.data;
}

export function clone(json: JsonObject): JsonObject {
	return structuredClone(json);
}

export function pageAt(json: JsonObject, pageIndex: number): JsonObject {
	const page = pagesOf(json)[pageIndex];
	if (!page) throw new NotFoundError(`no page ${pageIndex + 1}`);
	return page;
}

export function assertFreeName(json: JsonObject, name: string, except?: string): void {
	const pageNames = pagesOf(json).map((p) => p.name);
	if (name !== except && (elementNames(json).includes(name) || pageNames.includes(name))) {
		throw new InvalidInputError(`The name "${name}" is already used in this questionnaire.`, [], 'duplicate_name');
	}
}

export function swap(list: unknown[], index: number, direction: Direction): boolean {
	const target = direction === 'up' ? index - 1 : index + 1;
	if (target < 0 || target >= list.length) return false;
	[list[index], list[target]] = [list[target], list[index]];
	return true;
}

export function addPage(json: JsonObject, input: { name: string; title: string }): JsonObject {
	const { name, title } = parse(z.object({ name: NAME, title: z.string().trim().max(500) }), input);
	const next = clone(json);
	assertFreeName(next, name);
	if (!Array.isArray(next.pages)) next.pages = [];
	(next.pages as unknown[]).push({ name, ...(title ? { title } : {}), elements: [] });
	return next;
}

export function movePage(json: JsonObject, pageIndex: number, direction: Direction): JsonObject {
	const next = clone(json);
	pageAt(next, pageIndex);
	if (!swap(next.pages as unknown[], pageIndex, direction)) throw new InvalidInputError(`Page ${pageIndex + 1} cannot move ${direction}.`, [], 'cannot_move');
	return next;
}

/** Only an empty page is removed: its questions must be moved or removed first, one by one. */
export function removePage(json: JsonObject, pageIndex: number): JsonObject {
	const next = clone(json);
	const page = pageAt(next, pageIndex);
	if (Array.isArray(page.elements) && page.elements.length > 0) {
		throw new InvalidInputError(`Page "${String(page.name)}" still has questions: move or remove them first.`, [], 'page_not_empty');
	}
	(next.pages as unknown[]).splice(pageIndex, 1);
	return next;
}

const NewQuestion = z.object({
	pageIndex: z.number().int().min(0),
	type: z.enum(ADDABLE_TYPES as [string, ...string[]]),
	name: NAME,
	title: z.string().trim().min(1, 'a question needs a title').max(2000)
});

/** A new question with what its type needs to be drawn (choices, scale, rows). */
function skeleton(type: string, name: string, title: string): JsonObject {
	const q: JsonObject = { type, name, title };
	if ((CHOICE_TYPES as readonly string[]).includes(type))
		q.choices = [
			{ value: 'yes', text: 'Yes' },
			{ value: 'no', text: 'No' }
		];
	if (type === 'rating') Object.assign(q, { rateMin: 1, rateMax: 5, rateStep: 1 });
	if (type === 'matrix') Object.assign(q, { rows: [{ value: 'row1', text: 'Row 1' }], columns: [{ value: 1, text: 'Column 1' }] });
	if (type === 'matrixdropdown')
		Object.assign(q, { rows: [{ value: 'row1', text: 'Row 1' }], columns: [{ name: 'col1', title: 'Column 1', cellType: 'text' }] });
	if (type === 'multipletext') q.items = [{ name: 'item1', title: 'Item 1' }];
	return q;
}

export function addQuestion(json: JsonObject, input: z.input<typeof NewQuestion>): JsonObject {
	const q = parse(NewQuestion, input);
	const next = clone(json);
	const page = pageAt(next, q.pageIndex);
	assertFreeName(next, q.name);
	if (!Array.isArray(page.elements)) page.elements = [];
	(page.elements as unknown[]).push(skeleton(q.type, q.name, q.title));
	return next;
}

export function removeElement(json: JsonObject, name: string): JsonObject {
	const next = clone(json);
	const at = findElement(next, name);
	if (!at) throw new NotFoundError(`no question "${name}"`);
	// Like a page, a panel is removed only when empty: its questions are never lost with it.
	if (at.element.type === 'panel' && Array.isArray(at.element.elements) && at.element.elements.length > 0) {
		throw new InvalidInputError(`Panel "${name}" still has questions: move or remove them first.`, [], 'panel_not_empty');
	}
	at.siblings.splice(at.index, 1);
	return next;
}

/**
 * The editor's removal: survey-core would read a removed question as empty, silently changing what a
 * condition shows, so a question that a condition or piped text still reads is not removed (an imported
 * questionnaire's unresolved reference is only a warning, as in survey-core).
 */
export function removeUnreadElement(json: JsonObject, name: string): JsonObject {
	const next = removeElement(json, name);
	if (readsName(next.pages, name)) {
		throw new InvalidInputError(
			`"${name}" is read by a condition or a piped text ({${name}}): change those first (reference/unknown).`,
			[],
			'reference/unknown'
		);
	}
	return next;
}

const optionalNumber = z.preprocess((v) => (v === '' || v === null || v === undefined ? undefined : Number(v)), z.number().finite().optional());

export const QuestionEdit = z.object({
	name: NAME,
	title: z.string().trim().min(1, 'a question needs a title').max(2000),
	description: z.string().trim().max(4000).default(''),
	isRequired: z.boolean().default(false),
	visibleIf: z.string().trim().max(2000).default(''),
	choices: z.string().max(20_000).optional(),
	rows: z.string().max(20_000).optional(),
	columns: z.string().max(20_000).optional(),
	items: z.string().max(20_000).optional(),
	rateMin: optionalNumber,
	rateMax: optionalNumber,
	rateStep: optionalNumber,
	minValue: optionalNumber,
	maxValue: optionalNumber,
	minLength: optionalNumber,
	maxLength: optionalNumber,
	regex: z.string().max(500).default(''),
	expression: z.string().max(2000).default(''),
	criteria: z.array(z.enum(RESOLUTION_25_CRITERIA)).default([]),
	reportSection: z.string().trim().max(100).default('')
});
export type QuestionEditInput = z.input<typeof QuestionEdit>;

/** "value|text" per line; a number-looking value stays a number (the 5..1 scales are numbers). */
export function parseItemLines(text: string, label: string, existing: unknown): JsonObject[] {
	const old = new Map((Array.isArray(existing) ? existing : []).filter(isObject).map((i) => [String(i.value ?? i.name), i]));
	const items: JsonObject[] = [];
	const seen = new Set<string>();
	for (const [n, raw] of text.split(/\r?\n/).entries()) {
		const line = raw.trim();
		if (!line) continue;
		const bar = line.indexOf('|');
		const valueText = (bar < 0 ? line : line.slice(0, bar)).trim();
		const shown = (bar < 0 ? valueText : line.slice(bar + 1)).trim();
		if (!valueText) throw new InvalidInputError(`${label}, line ${n + 1}: the value before "|" is empty.`, [], 'invalid_edit');
		if (seen.has(valueText)) throw new InvalidInputError(`${label}, line ${n + 1}: the value "${valueText}" appears twice.`, [], 'invalid_edit');
		seen.add(valueText);
		const previous = old.get(valueText);
		const value = /^-?\d+(\.\d+)?$/.test(valueText) ? Number(valueText) : valueText;
		items.push({ ...(previous ?? {}), value, text: withEnglishText(previous?.text, shown) });
	}
	if (items.length === 0) throw new InvalidInputError(`${label}: give at least one line.`, [], 'invalid_edit');
	return items;
}

export function itemLines(items: unknown): string {
	return (Array.isArray(items) ? items : [])
		.map((i) => (isObject(i) ? `${String(i.value ?? i.name)}|${englishText(i.text ?? i.title)}` : String(i)))
		.join('\n');
}

function setOrDelete(target: JsonObject, key: string, value: unknown): void {
	if (value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0)) delete target[key];
	else target[key] = value;
}

function buildValidators(e: z.output<typeof QuestionEdit>): JsonObject[] {
	const validators: JsonObject[] = [];
	if (e.minValue !== undefined || e.maxValue !== undefined)
		validators.push({
			type: 'numeric',
			...(e.minValue !== undefined ? { minValue: e.minValue } : {}),
			...(e.maxValue !== undefined ? { maxValue: e.maxValue } : {})
		});
	if (e.minLength !== undefined || e.maxLength !== undefined)
		validators.push({
			type: 'text',
			...(e.minLength !== undefined ? { minLength: e.minLength } : {}),
			...(e.maxLength !== undefined ? { maxLength: e.maxLength } : {})
		});
	if (e.regex.trim()) {
		try {
			new RegExp(e.regex);
		} catch {
			throw new InvalidInputError(`"${e.regex}" is not a valid regular expression.`, [], 'invalid_edit');
		}
		validators.push({ type: 'regex', regex: e.regex });
	}
	if (e.expression.trim()) validators.push({ type: 'expression', expression: e.expression.trim() });
	return validators;
}

/** Applies the property form of one question. Fields a type does not have are ignored. */
export function updateQuestion(json: JsonObject, name: string, input: QuestionEditInput): JsonObject {
	const e = parse(QuestionEdit, input);
	const next = clone(json);
	const at = findElement(next, name);
	if (!at) throw new NotFoundError(`no question "${name}"`);
	assertFreeName(next, e.name, name);
	const q = at.element;
	const type = String(q.type);
	q.name = e.name;
	q.title = withEnglishText(q.title, e.title);
	if (e.description) q.description = withEnglishText(q.description, e.description);
	else delete q.description;
	setOrDelete(q, 'isRequired', e.isRequired);
	setOrDelete(q, 'visibleIf', e.visibleIf);
	setOrDelete(q, 'criteria', e.criteria);
	setOrDelete(q, 'reportSection', e.reportSection);
	setOrDelete(q, 'validators', buildValidators(e));
	if ((CHOICE_TYPES as readonly string[]).includes(type) && e.choices !== undefined) q.choices = parseItemLines(e.choices, 'Choices', q.choices);
	if ((type === 'matrix' || type === 'matrixdropdown') && e.rows !== undefined) q.rows = parseItemLines(e.rows, 'Rows', q.rows);
	if (type === 'matrix' && e.columns !== undefined) q.columns = parseItemLines(e.columns, 'Columns', q.columns);
	if (type === 'matrixdropdown' && e.columns !== undefined) q.columns = parseColumnLines(e.columns, q.columns);
	if (type === 'multipletext' && e.items !== undefined) q.items = parseNamedItemLines(e.items, q.items);
	if (type === 'rating') {
		if (e.rateMin !== undefined && e.rateMax !== undefined && e.rateMin >= e.rateMax)
			throw new InvalidInputError('The scale minimum must be below its maximum.', [], 'invalid_edit');
		if (e.rateStep !== undefined && e.rateStep <= 0) throw new InvalidInputError('The scale step must be positive.', [], 'invalid_edit');
		if (e.rateMin !== undefined) q.rateMin = e.rateMin;
		if (e.rateMax !== undefined) q.rateMax = e.rateMax;
		if (e.rateStep !== undefined) q.rateStep = e.rateStep;
	}
	if (e.name !== name) renameReferences(next, name, e.name);
	return next;
}
