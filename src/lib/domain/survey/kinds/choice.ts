import type { ItemValue, Question } from 'survey-core';
import { choiceView, formValue, type BaseQuestionView, type ChoiceView, type QuestionKind } from './kind.ts';
import { choiceLookup, pickChoice, pickMany } from './pick.ts';
import { otherView, type OtherView } from './choice-other.ts';

/**
 * Choice lists: radiogroup and dropdown (one value), checkbox and tagbox (several).
 * Their "Other" text field is kinds/choice-other.ts (page-form.ts lays it over the value).
 */
export type SingleChoiceView = BaseQuestionView & {
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
	rateType?: 'labels' | 'stars' | 'smileys';
	glyphs?: string[];
};

export type MultipleChoiceView = BaseQuestionView & {
	kind: 'multiple';
	type: 'checkbox' | 'tagbox';
	choices: ChoiceView[];
	selected: string[];
	maxSelected: number;
	other?: OtherView;
	colCount: number;
};

/**
 * The choices drawn for a single choice. Choices loaded from a web service (choicesByUrl) are
 * never fetched by the server, so survey-core keeps waiting for them and, meanwhile, shows the
 * question's defaultValue as the selected item even though no choice has that value
 * (getItemIfChoicesNotContainThisValue) and keeps it in the data. The default is drawn as a
 * choice of its own, last (the choices keep their places: plan/compile.ts pipes their texts by
 * position), so the page shows it selected and posts it back unchanged.
 */
function singleChoices(q: Question): ItemValue[] {
	const choices = q.visibleChoices as ItemValue[];
	const byUrl = (q as Question & { choicesByUrl?: { isEmpty?: boolean } }).choicesByUrl;
	const pending = q.defaultValue;
	if (!byUrl || byUrl.isEmpty !== false || pending === undefined || pending === null || pending === '' || typeof pending === 'object') return choices;
	if (choices.some((c) => formValue(c.value) === formValue(pending))) return choices;
	return [...choices, (q as Question & { createItemValue(value: unknown): ItemValue }).createItemValue(pending)];
}

/** survey-core's colCount for a list of choices (0: one column, as survey-core's "flow"). */
function colCount(q: Question): number {
	const n = Number((q as Question & { colCount?: unknown }).colCount);
	return Number.isInteger(n) && n > 1 ? Math.min(n, 5) : 0;
}

export const singleChoiceKind: QuestionKind<SingleChoiceView> = {
	types: ['radiogroup', 'dropdown'],
	view(q, base) {
		// renderedValue: "other" even when survey-core stores the other text in its place.
		const shown: unknown = q.renderedValue;
		return {
			...base,
			kind: 'single',
			type: q.getType() as 'radiogroup' | 'dropdown',
			choices: singleChoices(q).map(choiceView),
			selected: shown === undefined || shown === null ? null : formValue(shown),
			other: otherView(q),
			colCount: colCount(q)
		};
	},
	fields: (_q, field) => [field],
	parse: (q, posted, field) => pickChoice(posted.get(field) ?? [], field, choiceLookup(singleChoices(q)))
};

export const multipleChoiceKind: QuestionKind<MultipleChoiceView> = {
	types: ['checkbox', 'tagbox'],
	view(q, base) {
		return {
			...base,
			kind: 'multiple',
			type: q.getType() as 'checkbox' | 'tagbox',
			choices: q.visibleChoices.map(choiceView),
			selected: Array.isArray(q.renderedValue) ? (q.renderedValue as unknown[]).map(formValue) : [],
			maxSelected: Number(q.maxSelectedChoices) || 0,
			other: otherView(q),
			colCount: colCount(q)
		};
	},
	fields: (_q, field) => [field],
	parse(q, posted, field) {
		const own = posted.get(field) ?? [];
		const choices = choiceLookup(q.visibleChoices);
		// "Select all" travels as its own (empty) value: it stands for every ordinary choice.
		const selectAll = own.includes('') && Boolean((q as Question & { showSelectAllItem?: boolean }).showSelectAllItem);
		if (!selectAll) return pickMany(own, field, choices);
		const ordinary = (q.choices as ItemValue[]).map((c) => formValue(c.value));
		return pickMany([...own, ...ordinary], field, choices);
	}
};
