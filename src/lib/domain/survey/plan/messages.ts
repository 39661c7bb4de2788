import { Model, type Question } from 'survey-core';
import { registerCustomProperties } from '../custom-properties.ts';
import { holdExclusiveChoices } from '../exclusive-choice.ts';
import { surveyCoreLocale, type Locale } from '../../locales.ts';

/** A question's validation messages in one language, as survey-core words them. */
export interface PlanMessages {
	required: string;
	/** A matrix with eachRowRequired, some rows answered. */
	eachRow: string | null;
	/** A checkbox's "None" ticked with another choice (exclusive-choice.ts): the value and the message. */
	exclusive: { value: string; text: string } | null;
}

type Json = Record<string, unknown>;

/** The question alone, unconditional, in a one-page survey: survey-core is asked for its words once, at compile time. */
function probe(question: Json, locale: Locale, value: unknown): string[] {
	registerCustomProperties();
	const { visibleIf: _v, enableIf: _e, requiredIf: _r, ...plain } = question;
	const model = holdExclusiveChoices(new Model({ pages: [{ name: 'p', elements: [{ ...plain, isRequired: true }] }] }));
	model.locale = surveyCoreLocale(locale);
	const q = model.getAllQuestions()[0] as Question;
	if (value !== undefined) model.setValue(q.getValueName(), value);
	model.pages[0]!.validate(true, false);
	return q.errors.map((e) => e.getText());
}

function choiceValue(item: unknown): string {
	return typeof item === 'object' && item !== null ? String((item as Json).value) : String(item);
}

export function probeMessages(question: Json, locale: Locale): PlanMessages {
	const required = probe(question, locale, undefined)[0] ?? '';
	let eachRow: string | null = null;
	const rows = Array.isArray(question.rows) ? question.rows : [];
	const columns = Array.isArray(question.columns) ? question.columns : [];
	if (question.type === 'matrix' && question.eachRowRequired && rows.length > 1 && columns.length > 0) {
		eachRow = probe(question, locale, { [choiceValue(rows[0])]: choiceValue(columns[0]) })[0] ?? null;
	}
	let exclusive: PlanMessages['exclusive'] = null;
	const choices = Array.isArray(question.choices) ? question.choices : [];
	if (question.type === 'checkbox' && question.showNoneItem && choices.length > 0) {
		const none = 'none';
		const text = probe(question, locale, [choiceValue(choices[0]), none])[0];
		if (text) exclusive = { value: none, text };
	}
	return { required, eachRow, exclusive };
}
