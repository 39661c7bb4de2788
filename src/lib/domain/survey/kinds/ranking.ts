import type { ItemValue } from 'survey-core';
import { subField } from '../field-names.ts';
import { choiceView, formValue, type BaseQuestionView, type ChoiceView, type QuestionKind } from './kind.ts';
import { refuse, single } from './pick.ts';

/** Ranking: without JavaScript each choice gets a rank drop-down, posted as `field::choice`. */
export type RankingView = BaseQuestionView & {
	kind: 'ranking';
	type: 'ranking';
	/** Each choice with the rank it has now ('' when unranked). */
	choices: (ChoiceView & { field: string; rank: string })[];
};

export const rankingKind: QuestionKind<RankingView> = {
	types: ['ranking'],
	view(q, base) {
		const value: unknown = q.value;
		const order = Array.isArray(value) ? value.map(formValue) : [];
		return {
			...base,
			kind: 'ranking',
			type: 'ranking',
			choices: (q.visibleChoices as ItemValue[]).map((c) => {
				const v = formValue(c.value);
				const rank = order.indexOf(v);
				return { ...choiceView(c), field: subField(base.field, v), rank: rank >= 0 ? String(rank + 1) : '' };
			})
		};
	},
	fields: (q, field) => (q.visibleChoices as ItemValue[]).map((c) => subField(field, formValue(c.value))),
	/**
	 * Ranks posted as numbers per choice become an ordered list. Ties keep the
	 * questionnaire's order and unranked choices follow the ranked ones, so a person
	 * choosing ranks from drop-downs without JavaScript never gets an error for a tie.
	 */
	parse(q, posted, field) {
		const choices = q.visibleChoices as ItemValue[];
		const ranked = choices.map((c, order) => {
			const choiceField = subField(field, formValue(c.value));
			const raw = single(posted.get(choiceField) ?? [], choiceField);
			if (raw !== undefined && !(/^\d{1,3}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= choices.length)) {
				refuse('invalid_choice', `"${raw}" is not a rank of "${choiceField}"`);
			}
			return { value: c.value, rank: raw === undefined ? Infinity : Number(raw), order };
		});
		if (ranked.every((r) => r.rank === Infinity)) return undefined;
		return ranked.sort((a, b) => a.rank - b.rank || a.order - b.order).map((r) => r.value);
	}
};
