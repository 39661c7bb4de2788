import type { ItemValue, Question } from 'survey-core';
import type { ConditionNode } from '../conditions.ts';

/**
 * The question-kind seam (issue 13): each kind of question keeps, side by side in
 * `kinds/<kind>.ts`, how it is drawn (its view) and how its page post is read (its
 * fields and its parser). Adding a kind touches that file and the registry
 * (kinds/index.ts); page-view.ts and page-form.ts only assemble pages.
 */
export interface ChoiceView {
	/** The value as it travels in a form field. */
	value: string;
	text: string;
}

export interface BaseQuestionView {
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

/** The fields of one page post: each field with every value sent for it. */
export type Posted = Map<string, string[]>;

export interface QuestionKind<V> {
	/** The survey-core types this kind draws. */
	types: readonly string[];
	view(q: Question, base: BaseQuestionView): V;
	/** Every form field the question may send (`field` is its own, from field-names.ts). */
	fields(q: Question, field: string): string[];
	/** The answer from the posted fields (undefined: no answer); refuses what our form could not send. */
	parse(q: Question, posted: Posted, field: string): unknown;
}

/** The longest text answer we store, unless the question sets its own maxLength. */
export const DEFAULT_TEXT_MAX = 1_000;
export const DEFAULT_COMMENT_MAX = 10_000;

export function formValue(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}

export function displayText(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}

export function choiceView(item: ItemValue): ChoiceView {
	return { value: formValue(item.value), text: item.locText.renderedHtml };
}

export function textMaxLength(question: { maxLength?: unknown; getType(): string }, kind = question.getType()): number {
	const own = Number(question.maxLength);
	if (Number.isFinite(own) && own > 0) return own;
	return kind === 'comment' ? DEFAULT_COMMENT_MAX : DEFAULT_TEXT_MAX;
}
