import type { Question } from 'survey-core';

/**
 * survey-core's input masks (maskType numeric, currency, pattern, datetime) for a text
 * question. survey-core's masked input stores what its mask unmasks from the typed text
 * (QuestionTextModel.inputValue): a number for numeric and currency, the text without the
 * pattern's literals, an ISO date for datetime, or the masked text with saveMaskedValue.
 * The post stores the same, and the page shows the stored value masked, as survey-core's
 * input shows it. One deliberate difference: text that does not fill the mask ("0712" for
 * a phone pattern, "abc" for a number) is dropped by survey-core, silently; here it is
 * kept as typed and shown again as typed, since a respondent must never lose an answer.
 */
interface Mask {
	saveMaskedValue?: boolean;
	getMaskedValue(value: unknown): string;
	getUnmaskedValue(text: string): unknown;
}

function maskOf(q: Question): Mask | null {
	const t = q as Question & { maskTypeIsEmpty?: boolean; maskSettings?: Mask };
	return q.getType() === 'text' && t.maskTypeIsEmpty === false && t.maskSettings ? t.maskSettings : null;
}

const empty = (v: unknown) => v === undefined || v === null || v === '';

/** Whether the question has an input mask (its answer is read by `unmask`). */
export const isMasked = (q: Question): boolean => maskOf(q) !== null;

/**
 * The value survey-core stores for `typed`. Without JavaScript nothing inserts the mask's
 * literals as the person types ("07123456789" for "99999 999999"): the text is then read as
 * the masked input would have shown those keystrokes.
 */
export function unmask(q: Question, typed: string): unknown {
	const mask = maskOf(q)!;
	let value = mask.getUnmaskedValue(typed);
	if (empty(value)) value = mask.getUnmaskedValue(mask.getMaskedValue(typed));
	// Not a value of the mask: kept as typed (see above), never dropped.
	if (empty(value)) return typed.trim() === '' ? undefined : typed;
	return mask.saveMaskedValue ? mask.getMaskedValue(value) : value;
}

/** The stored value as the masked input shows it ('' for none). */
export function maskedText(q: Question, value: unknown): string {
	const mask = maskOf(q)!;
	if (empty(value)) return '';
	if (mask.saveMaskedValue) return String(value);
	const masked = mask.getMaskedValue(value);
	// Text kept as typed (it does not fill the mask) is shown as typed, not half-masked.
	return empty(mask.getUnmaskedValue(masked)) ? String(value) : masked;
}
