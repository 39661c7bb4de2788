import { subField } from '../field-names.ts';
import { displayText, textMaxLength, type BaseQuestionView, type QuestionKind } from './kind.ts';
import { nonEmpty, pickText } from './pick.ts';

/** Several labelled text inputs answered as one object, posted as `field::item`. */
export type MultipleTextView = BaseQuestionView & {
	kind: 'multipletext';
	type: 'multipletext';
	items: { name: string; title: string; field: string; value: string; inputType: string; maxLength: number }[];
};

type Item = { name: string; locTitle: { renderedHtml: string }; inputType?: string; maxLength?: unknown };

const itemMax = (item: { maxLength?: unknown }) => textMaxLength({ maxLength: item.maxLength, getType: () => 'text' });

export const multipleTextKind: QuestionKind<MultipleTextView> = {
	types: ['multipletext'],
	view(q, base) {
		const answers = (q.value ?? {}) as Record<string, unknown>;
		return {
			...base,
			kind: 'multipletext',
			type: 'multipletext',
			items: (q.items as Item[]).map((item) => ({
				name: item.name,
				title: item.locTitle.renderedHtml || item.name,
				field: subField(base.field, item.name),
				value: displayText(answers[item.name]),
				inputType: String(item.inputType || 'text'),
				maxLength: itemMax(item)
			}))
		};
	},
	fields: (q, field) => (q.items as { name: string }[]).map((item) => subField(field, item.name)),
	parse(q, posted, field) {
		const items: Record<string, string> = {};
		for (const item of q.items as { name: string; maxLength?: unknown }[]) {
			const itemField = subField(field, item.name);
			const text = pickText(posted.get(itemField) ?? [], itemField, itemMax(item));
			if (text !== undefined) items[item.name] = text;
		}
		return nonEmpty(items);
	}
};
