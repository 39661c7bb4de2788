import type { BaseQuestionView, QuestionKind } from './kind.ts';
import { refuse, single } from './pick.ts';

/** A yes/no question: two labelled radio buttons posting "true" or "false". */
export type BooleanView = BaseQuestionView & { kind: 'boolean'; type: 'boolean'; labelTrue: string; labelFalse: string; selected: 'true' | 'false' | null };

export const booleanKind: QuestionKind<BooleanView> = {
	types: ['boolean'],
	view(q, base) {
		const value: unknown = q.value;
		return {
			...base,
			kind: 'boolean',
			type: 'boolean',
			labelTrue: q.locLabelTrue.renderedHtml,
			labelFalse: q.locLabelFalse.renderedHtml,
			selected: value === true ? 'true' : value === false ? 'false' : null
		};
	},
	fields: (_q, field) => [field],
	parse(_q, posted, field) {
		const value = single(posted.get(field) ?? [], field);
		if (value === undefined) return undefined;
		if (value !== 'true' && value !== 'false') refuse('invalid_choice', `"${field}" must be true or false`);
		return value === 'true';
	}
};
