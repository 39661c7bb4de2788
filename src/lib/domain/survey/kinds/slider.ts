import type { Question } from 'survey-core';
import { subField } from '../field-names.ts';
import type { BaseQuestionView, QuestionKind } from './kind.ts';
import { refuse, single } from './pick.ts';

/**
 * A slider (survey-core 3, issue 18, item 3) as number inputs with min, max and step:
 * usable without JavaScript, by keyboard and by a screen reader. `sliderType: "range"`
 * is two inputs, from and to. Stored as survey-core stores it: a number, or [from, to]
 * ascending (what survey-core's thumbs give); a number outside min..max is brought to
 * the nearer end, as survey-core itself does when the value is set.
 */
export type SliderView = BaseQuestionView & {
	kind: 'slider';
	type: 'slider';
	range: boolean;
	min: number;
	max: number;
	step: number;
	/** '' when unanswered; two values for a range. */
	values: string[];
	/** The form fields: one, or from and to for a range. */
	fields: string[];
};

interface SliderLike {
	sliderType?: string;
	renderedMin?: unknown;
	renderedMax?: unknown;
	min?: unknown;
	max?: unknown;
	step?: unknown;
}

function bounds(q: Question): { min: number; max: number; step: number } {
	const own = q as Question & SliderLike;
	const number = (v: unknown, fallback: number) => (v === undefined || v === null || v === '' || !Number.isFinite(Number(v)) ? fallback : Number(v));
	const min = number(own.renderedMin ?? own.min, 0);
	const max = number(own.renderedMax ?? own.max, 100);
	const step = number(own.step, 1);
	return { min, max, step: step > 0 ? step : 1 };
}

const isRange = (q: Question) => (q as Question & SliderLike).sliderType === 'range';

function sliderFields(q: Question, field: string): string[] {
	return isRange(q) ? [subField(field, 'from'), subField(field, 'to')] : [field];
}

function pickNumber(values: string[], field: string, min: number, max: number): number | undefined {
	const text = single(values, field);
	if (text === undefined || text.trim() === '') return undefined;
	const n = Number(text.trim());
	if (!Number.isFinite(n)) refuse('invalid_number', `"${field}" is not a number`);
	return Math.min(max, Math.max(min, n));
}

export const sliderKind: QuestionKind<SliderView> = {
	types: ['slider'],
	view(q, base) {
		const range = isRange(q);
		const value: unknown = q.value;
		const text = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : '');
		const values = range ? [0, 1].map((i) => text(Array.isArray(value) ? value[i] : undefined)) : [text(value)];
		return { ...base, kind: 'slider', type: 'slider', range, ...bounds(q), values, fields: sliderFields(q, base.field) };
	},
	fields: sliderFields,
	parse(q, posted, field) {
		const { min, max } = bounds(q);
		const [first, second] = sliderFields(q, field).map((f) => pickNumber(posted.get(f) ?? [], f, min, max));
		if (!isRange(q)) return first;
		if (first === undefined && second === undefined) return undefined;
		// One end left empty: the scale's own end, as survey-core's thumb starts there.
		const from = first ?? min;
		const to = second ?? max;
		return from <= to ? [from, to] : [to, from];
	}
};
