import type { Model, Question, ItemValue, PanelModel, IElement } from 'survey-core';
import { sanitizeHtml } from './sanitize.ts';
import { compileCondition, conditionVariables, type ConditionNode } from './conditions.ts';
import { fieldName, fieldVariable, nameOfField, subField } from './field-names.ts';
import { otherView, type OtherView } from './kinds/choice-other.ts';
import { rateType, ratingGlyphs, type RateType } from './kinds/rating.ts';

/**
 * Plain, serialisable view of one questionnaire page as survey-core computes it
 * (visibility, piping, locale, validation messages). The Svelte renderer draws
 * only this; survey-core never reaches the respondent's browser.
 */
export interface ChoiceView {
	/** The value as it travels in a form field. */
	value: string;
	text: string;
}

interface BaseQuestionView {
	name: string;
	/** The form field, element id and sub-field prefix derived from the name (field-names.ts). */
	field: string;
	title: string;
	description: string;
	required: boolean;
	/** enableIf is false (or the question is read-only): shown, not answerable. */
	readOnly: boolean;
	errors: string[];
	/** Whether survey-core shows it now; hidden ones are drawn hidden when the browser can reveal them. */
	visible: boolean;
	visibleIf: ConditionNode | null;
	enableIf: ConditionNode | null;
}

export type QuestionView =
	| (BaseQuestionView & {
			kind: 'single';
			type: 'radiogroup' | 'dropdown' | 'rating';
			choices: ChoiceView[];
			selected: string | null;
			minLabel?: string;
			maxLabel?: string;
			/** The "Other" item's text field (kinds/choice-other.ts). */
			other?: OtherView;
			/** survey-core's colCount (0 = one column). */
			colCount?: number;
			/** Rating only: drawn as a horizontal scale (kinds/rating.ts). */
			rateType?: RateType;
			glyphs?: string[];
	  })
	| (BaseQuestionView & {
			kind: 'multiple';
			type: 'checkbox' | 'tagbox';
			choices: ChoiceView[];
			selected: string[];
			maxSelected: number;
			other?: OtherView;
			colCount: number;
	  })
	| (BaseQuestionView & { kind: 'boolean'; type: 'boolean'; labelTrue: string; labelFalse: string; selected: 'true' | 'false' | null })
	| (BaseQuestionView & {
			kind: 'text';
			type: 'text' | 'comment';
			inputType: string;
			value: string;
			maxLength: number;
			/** survey-core's min, max and step as HTML attributes: the browser knows them before any post. */
			min?: string;
			max?: string;
			step?: string;
	  })
	| (BaseQuestionView & { kind: 'matrix'; type: 'matrix'; columns: ChoiceView[]; rows: (ChoiceView & { selected: string | null; field: string })[] })
	| (BaseQuestionView & {
			kind: 'multipletext';
			type: 'multipletext';
			items: { name: string; title: string; field: string; value: string; inputType: string; maxLength: number }[];
	  })
	| (BaseQuestionView & {
			kind: 'ranking';
			type: 'ranking';
			/** Each choice with the rank it has now ('' when unranked). */
			choices: (ChoiceView & { field: string; rank: string })[];
	  })
	| (BaseQuestionView & {
			kind: 'matrixdropdown';
			type: 'matrixdropdown';
			columns: { name: string; title: string; cellType: 'dropdown' | 'text' | 'comment'; choices: ChoiceView[] }[];
			rows: (ChoiceView & { cells: { field: string; value: string }[] })[];
	  })
	| (BaseQuestionView & { kind: 'expression'; type: 'expression'; value: string })
	| (BaseQuestionView & { kind: 'html'; type: 'html'; html: string });

export interface PanelView {
	kind: 'panel';
	name: string;
	field: string;
	visible: boolean;
	visibleIf: ConditionNode | null;
	title: string;
	description: string;
	elements: ElementView[];
}

export type ElementView = QuestionView | PanelView;

export interface PageView {
	index: number;
	count: number;
	name: string;
	title: string;
	description: string;
	/** What to draw, panels included, in order. */
	elements: ElementView[];
	/** Every visible question of the page, panels flattened (for the error summary). */
	questions: QuestionView[];
	/** Stored answers that this page's conditions read, for the browser's evaluator. */
	logicValues: Record<string, unknown>;
	/** Questions this post made visible that the respondent had not been shown: asked now, first one focused. */
	revealed: string[];
}

/** The longest text answer we store, unless the question sets its own maxLength. */
export const DEFAULT_TEXT_MAX = 1_000;
export const DEFAULT_COMMENT_MAX = 10_000;
/** Cell types of a matrixdropdown column that the renderer draws. */
export const MATRIX_CELL_TYPES = ['dropdown', 'text', 'comment'] as const;

export { matrixField, subField } from './field-names.ts';

export function formValue(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}

function choiceView(item: ItemValue): ChoiceView {
	return { value: formValue(item.value), text: item.locText.renderedHtml };
}

export function textMaxLength(question: { maxLength?: unknown; getType(): string }, kind = question.getType()): number {
	const own = Number(question.maxLength);
	if (Number.isFinite(own) && own > 0) return own;
	return kind === 'comment' ? DEFAULT_COMMENT_MAX : DEFAULT_TEXT_MAX;
}

/** A matrixdropdown column's effective cell type and choices (its own, else the matrix's). */
export function columnSpec(matrix: Question, column: { cellType: string; templateQuestion?: Question }): { cellType: string; choices: ItemValue[] } {
	const cellType = column.cellType === 'default' ? String(matrix.cellType) : column.cellType;
	const own = column.templateQuestion?.visibleChoices as ItemValue[] | undefined;
	return { cellType, choices: own && own.length > 0 ? own : ((matrix.choices as ItemValue[]) ?? []) };
}

/** min/max/step of a number, date or range input ('' when unset: the attribute is then left out). */
function rangeAttributes(q: Question): { min?: string; max?: string; step?: string } {
	if (q.getType() !== 'text') return {};
	const text = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v));
	const t = q as Question & { renderedMin?: unknown; renderedMax?: unknown; renderedStep?: unknown };
	return { min: text(t.renderedMin), max: text(t.renderedMax), step: text(t.renderedStep) };
}

/** survey-core's colCount for a list of choices (0: one column, as survey-core's "flow"). */
function colCount(q: Question): number {
	const n = Number((q as Question & { colCount?: unknown }).colCount);
	return Number.isInteger(n) && n > 1 ? Math.min(n, 5) : 0;
}

function displayText(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}

/**
 * A condition as the browser evaluates it: its variables name form fields, so a
 * question named "Q1-a" is read from field `x-51-31-2d-61` (field-names.ts).
 */
function browserCondition(expression: string | undefined, names: ReadonlySet<string>): ConditionNode | null {
	const node = compileCondition(expression);
	if (!node) return null;
	const rewrite = (n: ConditionNode): ConditionNode => {
		switch (n[0]) {
			case 'v':
				return ['v', fieldVariable(n[1], names)];
			case 'a':
				return ['a', n[1].map(rewrite)];
			case 'u':
				return ['u', n[1], rewrite(n[2])];
			case 'b':
				return ['b', n[1], rewrite(n[2]), rewrite(n[3])];
			default:
				return n;
		}
	};
	return rewrite(node);
}

/** The value names of a model's questions (a shared value may be read by a condition). */
function valueNamesOf(model: Model): Set<string> {
	return new Set((model.getAllQuestions() as Question[]).flatMap((q) => [q.name, q.getValueName()]));
}

function questionView(q: Question, names: ReadonlySet<string>): QuestionView {
	const field = fieldName(q.name);
	const base: BaseQuestionView = {
		name: q.name,
		field,
		title: q.locTitle.renderedHtml || q.name,
		description: q.locDescription?.renderedHtml ?? '',
		required: q.isRequired,
		readOnly: q.isReadOnly,
		errors: q.errors.map((e) => e.getText()),
		visible: q.isVisible,
		visibleIf: browserCondition(q.visibleIf, names),
		enableIf: browserCondition(q.enableIf, names)
	};
	const value: unknown = q.value;
	const type = q.getType();
	switch (type) {
		case 'radiogroup':
		case 'dropdown': {
			// renderedValue: "other" even when survey-core stores the other text in its place.
			const shown: unknown = q.renderedValue;
			return {
				...base,
				kind: 'single',
				type,
				choices: q.visibleChoices.map(choiceView),
				selected: shown === undefined || shown === null ? null : formValue(shown),
				other: otherView(q),
				colCount: colCount(q)
			};
		}
		case 'rating':
			return {
				...base,
				kind: 'single',
				type,
				choices: q.visibleRateValues.map(choiceView),
				selected: value === undefined || value === null ? null : formValue(value),
				minLabel: q.locMinRateDescription?.renderedHtml ?? '',
				maxLabel: q.locMaxRateDescription?.renderedHtml ?? '',
				rateType: rateType(q),
				glyphs: ratingGlyphs(q)
			};
		case 'checkbox':
		case 'tagbox':
			return {
				...base,
				kind: 'multiple',
				type,
				choices: q.visibleChoices.map(choiceView),
				selected: Array.isArray(q.renderedValue) ? (q.renderedValue as unknown[]).map(formValue) : [],
				maxSelected: Number(q.maxSelectedChoices) || 0,
				other: otherView(q),
				colCount: colCount(q)
			};
		case 'boolean':
			return {
				...base,
				kind: 'boolean',
				type,
				labelTrue: q.locLabelTrue.renderedHtml,
				labelFalse: q.locLabelFalse.renderedHtml,
				selected: value === true ? 'true' : value === false ? 'false' : null
			};
		case 'text':
		case 'comment':
			return {
				...base,
				kind: 'text',
				type,
				inputType: type === 'text' ? String(q.inputType || 'text') : 'text',
				value: displayText(value),
				maxLength: textMaxLength(q),
				...rangeAttributes(q)
			};
		case 'matrix': {
			const answers = (value ?? {}) as Record<string, unknown>;
			return {
				...base,
				kind: 'matrix',
				type,
				columns: q.visibleColumns.map(choiceView),
				rows: q.visibleRows.map((row: { name: unknown; locText: { renderedHtml: string } }) => {
					const cell = answers[String(row.name)];
					return {
						value: formValue(row.name),
						text: row.locText.renderedHtml,
						field: subField(field, formValue(row.name)),
						selected: cell === undefined || cell === null ? null : formValue(cell)
					};
				})
			};
		}
		case 'multipletext': {
			const answers = (value ?? {}) as Record<string, unknown>;
			return {
				...base,
				kind: 'multipletext',
				type,
				items: q.items.map((item: { name: string; locTitle: { renderedHtml: string }; inputType?: string; maxLength?: unknown }) => ({
					name: item.name,
					title: item.locTitle.renderedHtml || item.name,
					field: subField(field, item.name),
					value: displayText(answers[item.name]),
					inputType: String(item.inputType || 'text'),
					maxLength: textMaxLength({ maxLength: item.maxLength, getType: () => 'text' })
				}))
			};
		}
		case 'ranking': {
			const order = Array.isArray(value) ? value.map(formValue) : [];
			return {
				...base,
				kind: 'ranking',
				type,
				choices: (q.visibleChoices as ItemValue[]).map((c) => {
					const v = formValue(c.value);
					const rank = order.indexOf(v);
					return { ...choiceView(c), field: subField(field, v), rank: rank >= 0 ? String(rank + 1) : '' };
				})
			};
		}
		case 'matrixdropdown': {
			const answers = (value ?? {}) as Record<string, Record<string, unknown> | undefined>;
			const columns = q.visibleColumns.map((c: { name: string; locTitle: { renderedHtml: string }; cellType: string; templateQuestion?: Question }) => {
				const spec = columnSpec(q, c);
				return {
					name: c.name,
					title: c.locTitle.renderedHtml || c.name,
					cellType: spec.cellType as 'dropdown' | 'text' | 'comment',
					choices: spec.choices.map(choiceView)
				};
			});
			return {
				...base,
				kind: 'matrixdropdown',
				type,
				columns,
				rows: q.visibleRows.map((row: { rowName: unknown; text: string }) => {
					const rowValue = formValue(row.rowName);
					return {
						value: rowValue,
						text: row.text,
						cells: columns.map((c: { name: string }) => ({ field: subField(field, rowValue, c.name), value: formValue(answers[rowValue]?.[c.name]) }))
					};
				})
			};
		}
		case 'expression':
			return { ...base, kind: 'expression', type, value: displayText(q.displayValue) };
		case 'html':
			return { ...base, kind: 'html', type, html: sanitizeHtml(q.locHtml.renderedHtml) };
		default:
			// checkQuestionnaire refuses other types at import; reaching this is a bug.
			throw new Error(`unsupported question type "${type}" reached the renderer`);
	}
}

/**
 * A hidden element is drawn (hidden) only when the browser could reveal it: it has a
 * condition the browser can evaluate. Otherwise it is left out, as before.
 */
function elementView(element: IElement, names: ReadonlySet<string>): ElementView | null {
	const visibleIf = browserCondition((element as unknown as { visibleIf?: string }).visibleIf, names);
	if (!element.isVisible && !visibleIf) return null;
	if (element.isPanel) {
		const panel = element as unknown as PanelModel;
		return {
			kind: 'panel',
			name: panel.name,
			field: fieldName(panel.name),
			visible: panel.isVisible,
			visibleIf,
			title: panel.locTitle.renderedHtml,
			description: panel.locDescription?.renderedHtml ?? '',
			elements: panel.elements.map((e) => elementView(e, names)).filter((e): e is ElementView => e !== null)
		};
	}
	return questionView(element as unknown as Question, names);
}

function flatten(elements: ElementView[]): QuestionView[] {
	return elements.flatMap((e) => (!e.visible ? [] : e.kind === 'panel' ? flatten(e.elements) : [e]));
}

function conditionsOf(elements: ElementView[]): ConditionNode[] {
	return elements.flatMap((e) => [
		...(e.visibleIf ? [e.visibleIf] : []),
		...(e.kind !== 'panel' && e.enableIf ? [e.enableIf] : []),
		...(e.kind === 'panel' ? conditionsOf(e.elements) : [])
	]);
}

/** Keyed by the browser's variables (fields, `field.row`), so respondent.js reads them as it reads the form. */
function logicValues(model: Model, elements: ElementView[]): Record<string, unknown> {
	const variables = new Set<string>();
	for (const condition of conditionsOf(elements)) conditionVariables(condition, variables);
	const values: Record<string, unknown> = {};
	for (const variable of variables) {
		const [question, ...path] = variable.split('.');
		let value: unknown = model.getValue(nameOfField(question!));
		for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
		if (value !== undefined) values[variable] = value;
	}
	return values;
}

/**
 * The names of the questions a respondent sees on visible page `index` now: visible
 * themselves and inside visible panels (a question in a hidden panel is not shown).
 */
export function shownQuestionNames(model: Model, index: number): string[] {
	const page = model.visiblePages[index];
	if (!page) return [];
	const walk = (elements: IElement[]): string[] =>
		elements.flatMap((e) => (!e.isVisible ? [] : e.isPanel ? walk((e as unknown as PanelModel).elements) : [(e as unknown as Question).name]));
	return walk(page.elements);
}

/**
 * The views of one page's elements as `model` holds them now: the compiled plan
 * (plan/compile.ts) takes them once, from a model without answers, as its templates.
 */
export function elementViews(model: Model, page: { elements: IElement[] }): ElementView[] {
	const names = valueNamesOf(model);
	return page.elements.map((e) => elementView(e, names)).filter((e): e is ElementView => e !== null);
}

/** The view of visible page `index` (0-based among visible pages) of a loaded model. */
export function buildPageView(model: Model, index: number, revealed: string[] = []): PageView {
	const page = model.visiblePages[index];
	if (!page) throw new RangeError(`page ${index} does not exist`);
	const names = valueNamesOf(model);
	const elements = page.elements.map((e) => elementView(e, names)).filter((e): e is ElementView => e !== null);
	return {
		index,
		count: model.visiblePages.length,
		name: page.name,
		title: page.locTitle.renderedHtml,
		description: page.locDescription?.renderedHtml ?? '',
		elements,
		questions: flatten(elements),
		logicValues: logicValues(model, elements),
		revealed
	};
}
