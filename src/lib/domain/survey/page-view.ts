import type { Model, Question, ItemValue, PanelModel, IElement } from 'survey-core';
import { sanitizeHtml } from './sanitize.ts';
import { compileCondition, conditionVariables, type ConditionNode } from './conditions.ts';
import { columnSpec, formValue, subField, textMaxLength } from './field-names.ts';

// The form-field naming contract lives in field-names.ts; re-exported for existing callers.
export { DEFAULT_COMMENT_MAX, DEFAULT_TEXT_MAX, columnSpec, formValue, matrixField, subField, textMaxLength } from './field-names.ts';

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
	  })
	| (BaseQuestionView & { kind: 'multiple'; type: 'checkbox' | 'tagbox'; choices: ChoiceView[]; selected: string[]; maxSelected: number })
	| (BaseQuestionView & { kind: 'boolean'; type: 'boolean'; labelTrue: string; labelFalse: string; selected: 'true' | 'false' | null })
	| (BaseQuestionView & { kind: 'text'; type: 'text' | 'comment'; inputType: string; value: string; maxLength: number })
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

/** Cell types of a matrixdropdown column that the renderer draws. */
export const MATRIX_CELL_TYPES = ['dropdown', 'text', 'comment'] as const;

function choiceView(item: ItemValue): ChoiceView {
	return { value: formValue(item.value), text: item.locText.renderedHtml };
}

function displayText(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}

function questionView(q: Question): QuestionView {
	const base: BaseQuestionView = {
		name: q.name,
		title: q.locTitle.renderedHtml || q.name,
		description: q.locDescription?.renderedHtml ?? '',
		required: q.isRequired,
		readOnly: q.isReadOnly,
		errors: q.errors.map((e) => e.getText()),
		visible: q.isVisible,
		visibleIf: compileCondition(q.visibleIf),
		enableIf: compileCondition(q.enableIf)
	};
	const value: unknown = q.value;
	const type = q.getType();
	switch (type) {
		case 'radiogroup':
		case 'dropdown':
			return { ...base, kind: 'single', type, choices: q.visibleChoices.map(choiceView), selected: value === undefined || value === null ? null : formValue(value) };
		case 'rating':
			return {
				...base,
				kind: 'single',
				type,
				choices: q.visibleRateValues.map(choiceView),
				selected: value === undefined || value === null ? null : formValue(value),
				minLabel: q.locMinRateDescription?.renderedHtml ?? '',
				maxLabel: q.locMaxRateDescription?.renderedHtml ?? ''
			};
		case 'checkbox':
		case 'tagbox':
			return {
				...base,
				kind: 'multiple',
				type,
				choices: q.visibleChoices.map(choiceView),
				selected: Array.isArray(value) ? value.map(formValue) : [],
				maxSelected: Number(q.maxSelectedChoices) || 0
			};
		case 'boolean':
			return { ...base, kind: 'boolean', type, labelTrue: q.locLabelTrue.renderedHtml, labelFalse: q.locLabelFalse.renderedHtml, selected: value === true ? 'true' : value === false ? 'false' : null };
		case 'text':
		case 'comment':
			return { ...base, kind: 'text', type, inputType: type === 'text' ? String(q.inputType || 'text') : 'text', value: displayText(value), maxLength: textMaxLength(q) };
		case 'matrix': {
			const answers = (value ?? {}) as Record<string, unknown>;
			return {
				...base,
				kind: 'matrix',
				type,
				columns: q.visibleColumns.map(choiceView),
				rows: q.visibleRows.map((row: { name: unknown; locText: { renderedHtml: string } }) => {
					const cell = answers[String(row.name)];
					return { value: formValue(row.name), text: row.locText.renderedHtml, field: subField(q.name, formValue(row.name)), selected: cell === undefined || cell === null ? null : formValue(cell) };
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
					field: subField(q.name, item.name),
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
					return { ...choiceView(c), field: subField(q.name, v), rank: rank >= 0 ? String(rank + 1) : '' };
				})
			};
		}
		case 'matrixdropdown': {
			const answers = (value ?? {}) as Record<string, Record<string, unknown> | undefined>;
			const columns = q.visibleColumns.map((c: { name: string; locTitle: { renderedHtml: string }; cellType: string; templateQuestion?: Question }) => {
				const spec = columnSpec(q, c);
				return { name: c.name, title: c.locTitle.renderedHtml || c.name, cellType: spec.cellType as 'dropdown' | 'text' | 'comment', choices: spec.choices.map(choiceView) };
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
						cells: columns.map((c: { name: string }) => ({ field: subField(q.name, rowValue, c.name), value: formValue(answers[rowValue]?.[c.name]) }))
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
function elementView(element: IElement): ElementView | null {
	const visibleIf = compileCondition((element as unknown as { visibleIf?: string }).visibleIf);
	if (!element.isVisible && !visibleIf) return null;
	if (element.isPanel) {
		const panel = element as unknown as PanelModel;
		return {
			kind: 'panel',
			name: panel.name,
			visible: panel.isVisible,
			visibleIf,
			title: panel.locTitle.renderedHtml,
			description: panel.locDescription?.renderedHtml ?? '',
			elements: panel.elements.map(elementView).filter((e): e is ElementView => e !== null)
		};
	}
	return questionView(element as unknown as Question);
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

function logicValues(model: Model, elements: ElementView[]): Record<string, unknown> {
	const names = new Set<string>();
	for (const condition of conditionsOf(elements)) conditionVariables(condition, names);
	const values: Record<string, unknown> = {};
	for (const name of names) {
		const [question, ...path] = name.split('.');
		let value: unknown = model.getValue(question!);
		for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
		if (value !== undefined) values[name] = value;
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

/** The view of visible page `index` (0-based among visible pages) of a loaded model. */
export function buildPageView(model: Model, index: number, revealed: string[] = []): PageView {
	const page = model.visiblePages[index];
	if (!page) throw new RangeError(`page ${index} does not exist`);
	const elements = page.elements.map(elementView).filter((e): e is ElementView => e !== null);
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
