import type { Model, Question, PanelModel, IElement } from 'survey-core';
import { compileCondition, conditionVariables, mapCondition, type ConditionNode } from './conditions.ts';
import { fieldName, fieldVariable, nameOfField } from './field-names.ts';
import { kindOf, type QuestionView } from './kinds/index.ts';
import type { BaseQuestionView } from './kinds/kind.ts';
import { innerField } from './kinds/paneldynamic.ts';
import { dynamicCount } from './dynamic-change.ts';

/**
 * Plain, serialisable view of one questionnaire page as survey-core computes it
 * (visibility, piping, locale, validation messages). The Svelte renderer draws
 * only this; survey-core never reaches the respondent's browser. Each question is
 * drawn by its kind (kinds/<kind>.ts); this file assembles panels and pages.
 */
export type { ChoiceView, BaseQuestionView } from './kinds/kind.ts';
export type { QuestionView } from './kinds/index.ts';
export type { OtherView } from './kinds/choice-other.ts';
export type { RateType } from './kinds/rating.ts';

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

export { DEFAULT_TEXT_MAX, DEFAULT_COMMENT_MAX, formValue, textMaxLength } from './kinds/kind.ts';
export { MATRIX_CELL_TYPES } from './kinds/matrixdropdown.ts';
export { matrixField, subField } from './field-names.ts';

/**
 * A condition as the browser evaluates it: its variables name form fields, so a
 * question named "Q1-a" is read from field `x-51-31-2d-61` (field-names.ts).
 */
function browserCondition(expression: string | undefined, names: ReadonlySet<string>): ConditionNode | null {
	const node = compileCondition(expression);
	return node && mapCondition(node, (variable) => fieldVariable(variable, names));
}

/** The value names of a model's questions (a shared value may be read by a condition). */
function valueNamesOf(model: Model): Set<string> {
	return new Set((model.getAllQuestions() as Question[]).flatMap((q) => [q.name, q.getValueName()]));
}

function questionView(q: Question, names: ReadonlySet<string>): QuestionView {
	const base: BaseQuestionView = {
		name: q.name,
		field: fieldName(q.name),
		title: q.locTitle.renderedHtml || q.name,
		description: q.locDescription?.renderedHtml ?? '',
		required: q.isRequired,
		readOnly: q.isReadOnly,
		errors: q.errors.map((e) => e.getText()),
		visible: q.isVisible,
		visibleIf: browserCondition(q.visibleIf, names),
		enableIf: browserCondition(q.enableIf, names)
	};
	return kindOf(q).view(q, base);
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
 * The questions a respondent sees on visible page `index` now, by the key a follow-up is
 * known by: visible themselves and inside visible panels (a question in a hidden panel is
 * not shown). A dynamic panel's inner question is keyed by its form field
 * (`panel::0::inner`, as the browser names it in `_shown`), one per panel drawn.
 */
export function shownQuestions(model: Model, index: number): Map<string, Question> {
	const shown = new Map<string, Question>();
	const page = model.visiblePages[index];
	if (!page) return shown;
	const walk = (elements: IElement[]): void => {
		for (const e of elements) {
			if (!e.isVisible) continue;
			if (e.isPanel) walk((e as unknown as PanelModel).elements);
			else shown.set((e as unknown as Question).name, e as unknown as Question);
			if (e.getType() === 'paneldynamic') {
				const q = e as unknown as Question & { panels: PanelModel[] };
				q.panels.slice(0, dynamicCount(q)).forEach((panel, i) => {
					for (const inner of panel.questions as Question[]) if (inner.isVisible) shown.set(innerField(fieldName(q.name), i, inner), inner);
				});
			}
		}
	};
	walk(page.elements);
	return shown;
}

export function shownQuestionNames(model: Model, index: number): string[] {
	return [...shownQuestions(model, index).keys()];
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
