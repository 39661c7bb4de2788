import { Helpers, type Question } from 'survey-core';
import { displayText, textMaxLength, type BaseQuestionView, type QuestionKind } from './kind.ts';
import { pickText } from './pick.ts';
import { isMasked, maskedText, unmask } from './mask.ts';

/** A one-line text input (any inputType) or a comment box. */
export type TextView = BaseQuestionView & {
	kind: 'text';
	type: 'text' | 'comment';
	inputType: string;
	value: string;
	maxLength: number;
	/** survey-core's min, max and step as HTML attributes: the browser knows them before any post. */
	min?: string;
	max?: string;
	step?: string;
};

/** min/max/step of a number, date or range input ('' when unset: the attribute is then left out). */
function rangeAttributes(q: Question): { min?: string; max?: string; step?: string } {
	if (q.getType() !== 'text') return {};
	const text = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v));
	const t = q as Question & { renderedMin?: unknown; renderedMax?: unknown; renderedStep?: unknown };
	return { min: text(t.renderedMin), max: text(t.renderedMax), step: text(t.renderedStep) };
}

export const textKind: QuestionKind<TextView> = {
	types: ['text', 'comment'],
	view(q, base) {
		const type = q.getType() as 'text' | 'comment';
		return {
			...base,
			kind: 'text',
			type,
			inputType: type === 'text' ? String(q.inputType || 'text') : 'text',
			value: isMasked(q) ? maskedText(q, q.value) : displayText(q.value),
			maxLength: textMaxLength(q),
			...rangeAttributes(q)
		};
	},
	fields: (_q, field) => [field],
	parse(q, posted, field) {
		const text = pickText(posted.get(field) ?? [], field, textMaxLength(q));
		if (text === undefined) return undefined;
		if (isMasked(q)) return unmask(q, text);
		return numeric(q) ? (Helpers.isNumber(text) ? Helpers.getNumber(text) : undefined) : text;
	}
};

/**
 * survey-core keeps a number (or range) input's answer as a number, and drops what is not
 * one (QuestionTextModel.correctValueType); the stored answer follows it (issue 18, item 4).
 */
function numeric(q: Question): boolean {
	return q.getType() === 'text' && ['number', 'range'].includes(String(q.inputType));
}
