import { settings, type Question } from 'survey-core';
import { fieldName, subField } from '../field-names.ts';

/**
 * The "Other (describe)" item of a radiogroup, dropdown, checkbox or tagbox, its text
 * field side by side with how the page posts it (issue 18, item 3; issue 13's seam).
 * Stored as survey-core stores it: with `storeOthersAsComment` (its default) the choice
 * keeps the value "other" and the text goes under `<valueName>-Comment`
 * (settings.commentSuffix); without it the text takes the place of "other" in the value.
 * Without JavaScript the text field is always shown after the choices: text typed with
 * no choice made selects "Other", as the respondent plainly meant it.
 */
export interface OtherView {
	field: string;
	/** The item's value as it travels in the choice field ("other"). */
	value: string;
	label: string;
	text: string;
	maxLength: number;
}

type WithOther = Question & {
	showOtherItem: boolean;
	otherItem: { value: unknown };
	otherValue: string;
	getStoreOthersAsComment(): boolean;
	otherPlaceholder?: string;
};

const OTHER_TYPES = new Set(['radiogroup', 'dropdown', 'checkbox', 'tagbox']);
export const OTHER_TEXT_MAX = 1_000;

export function hasOther(q: Question): q is WithOther {
	return OTHER_TYPES.has(q.getType()) && Boolean((q as WithOther).showOtherItem);
}

export function otherField(q: Question): string {
	return subField(fieldName(q.name), 'other');
}

export function otherView(q: Question): OtherView | undefined {
	if (!hasOther(q)) return undefined;
	const item = q.otherItem as unknown as { value: unknown; locText: { renderedHtml: string } };
	return { field: otherField(q), value: String(item.value), label: item.locText.renderedHtml, text: q.otherValue ?? '', maxLength: OTHER_TEXT_MAX };
}

/** The key survey-core stores the other text under when it is kept as a comment. */
export function otherCommentKey(q: Question): string {
	return q.getValueName() + settings.commentSuffix;
}

/**
 * Lays the posted other text over a parsed choice value: returns the answers to store
 * for the question (its value, and the comment key when survey-core keeps one).
 */
export function applyOther(q: WithOther, value: unknown, text: string | undefined): Record<string, unknown> {
	const other = q.otherItem.value;
	const multiple = q.getType() === 'checkbox' || q.getType() === 'tagbox';
	let chosen = value;
	if (text !== undefined && (chosen === undefined || (Array.isArray(chosen) && chosen.length === 0))) chosen = multiple ? [other] : other;
	const selected = multiple ? Array.isArray(chosen) && chosen.includes(other) : chosen === other;
	const kept = selected ? text : undefined;
	const key = q.getValueName();
	if (q.getStoreOthersAsComment()) return { [key]: chosen, [otherCommentKey(q)]: kept };
	if (!selected || kept === undefined) return { [key]: chosen };
	return { [key]: multiple ? (chosen as unknown[]).map((v) => (v === other ? kept : v)) : kept };
}
