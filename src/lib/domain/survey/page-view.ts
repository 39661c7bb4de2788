import type { Model, Question, ItemValue } from 'survey-core';
import { sanitizeHtml } from './sanitize.ts';

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
	errors: string[];
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
	| (BaseQuestionView & {
			kind: 'multiple';
			type: 'checkbox';
			choices: ChoiceView[];
			selected: string[];
			maxSelected: number;
	  })
	| (BaseQuestionView & {
			kind: 'boolean';
			type: 'boolean';
			labelTrue: string;
			labelFalse: string;
			selected: 'true' | 'false' | null;
	  })
	| (BaseQuestionView & {
			kind: 'text';
			type: 'text' | 'comment';
			inputType: string;
			value: string;
			maxLength: number;
	  })
	| (BaseQuestionView & {
			kind: 'matrix';
			type: 'matrix';
			columns: ChoiceView[];
			rows: (ChoiceView & { selected: string | null; field: string })[];
	  })
	| (BaseQuestionView & { kind: 'html'; type: 'html'; html: string });

export interface PageView {
	index: number;
	count: number;
	name: string;
	title: string;
	description: string;
	questions: QuestionView[];
}

/** The longest text answer we store, unless the question sets its own maxLength. */
export const DEFAULT_TEXT_MAX = 1_000;
export const DEFAULT_COMMENT_MAX = 10_000;

/** Matrix cells travel as `question::row`. */
export function matrixField(question: string, row: string): string {
	return `${question}::${row}`;
}

export function formValue(value: unknown): string {
	return String(value);
}

function choiceView(item: ItemValue): ChoiceView {
	return { value: formValue(item.value), text: item.locText.renderedHtml };
}

export function textMaxLength(question: Question): number {
	const own = Number(question.maxLength);
	if (Number.isFinite(own) && own > 0) return own;
	return question.getType() === 'comment' ? DEFAULT_COMMENT_MAX : DEFAULT_TEXT_MAX;
}

function questionView(q: Question): QuestionView {
	const base: BaseQuestionView = {
		name: q.name,
		title: q.locTitle.renderedHtml || q.name,
		description: q.locDescription?.renderedHtml ?? '',
		required: q.isRequired,
		errors: q.errors.map((e) => e.getText())
	};
	const value: unknown = q.value;
	const type = q.getType();
	switch (type) {
		case 'radiogroup':
		case 'dropdown':
			return {
				...base,
				kind: 'single',
				type,
				choices: q.visibleChoices.map(choiceView),
				selected: value === undefined || value === null ? null : formValue(value)
			};
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
			return {
				...base,
				kind: 'multiple',
				type,
				choices: q.visibleChoices.map(choiceView),
				selected: Array.isArray(value) ? value.map(formValue) : [],
				maxSelected: Number(q.maxSelectedChoices) || 0
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
				value: value === undefined || value === null ? '' : String(value),
				maxLength: textMaxLength(q)
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
						field: matrixField(q.name, formValue(row.name)),
						selected: cell === undefined || cell === null ? null : formValue(cell)
					};
				})
			};
		}
		case 'html':
			return { ...base, kind: 'html', type, html: sanitizeHtml(q.locHtml.renderedHtml) };
		default:
			// checkQuestionnaire refuses other types at import; reaching this is a bug.
			throw new Error(`unsupported question type "${type}" reached the renderer`);
	}
}

/** The view of visible page `index` (0-based among visible pages) of a loaded model. */
export function buildPageView(model: Model, index: number): PageView {
	const pages = model.visiblePages;
	const page = pages[index];
	if (!page) throw new RangeError(`page ${index} does not exist`);
	return {
		index,
		count: pages.length,
		name: page.name,
		title: page.locTitle.renderedHtml,
		description: page.locDescription?.renderedHtml ?? '',
		questions: page.questions.filter((q) => q.isVisible).map(questionView)
	};
}
