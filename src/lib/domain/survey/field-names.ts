import type { ItemValue, Question } from 'survey-core';

/**
 * The form-field naming contract between the page that draws a question
 * (page-view.ts) and the post that reads it back (page-form.ts): how sub-fields are
 * named, how values travel as text, and the length limits both sides apply.
 */

/** The longest text answer we store, unless the question sets its own maxLength. */
export const DEFAULT_TEXT_MAX = 1_000;
export const DEFAULT_COMMENT_MAX = 10_000;
/** Sub-fields (matrix rows, items, ranks, cells) travel as `question::part[::part]`. */
export function subField(question: string, ...parts: string[]): string {
	return [question, ...parts].join('::');
}
export const matrixField = subField;

export function formValue(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
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
