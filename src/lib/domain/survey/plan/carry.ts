import type { ItemValue, Model, Question } from 'survey-core';
import { formValue, type ChoiceView } from '../page-view.ts';
import { choiceView } from '../kinds/kind.ts';
import { choiceLookup, pickChoice, pickMany } from '../kinds/pick.ts';

/**
 * Choices carried from another question (`choicesFromQuestion`, with
 * `choicesFromQuestionMode` all / selected / unselected), compiled: the source's
 * ordinary choices in its order, kept by whether the source's answer holds them, then
 * the question's own "None". survey-core also drops, wherever it reads the answers, a
 * stored value that is no longer among the carried choices (the respondent changed the
 * source): `effectiveAnswers` does the same before the plan reads them.
 */
type Json = Record<string, unknown>;

export interface Carried {
	valueName: string;
	field: string;
	multiple: boolean;
	sourceValueName: string;
	sourceMultiple: boolean;
	mode: 'all' | 'selected' | 'unselected';
	items: { value: unknown; view: ChoiceView }[];
	none: { value: unknown; view: ChoiceView } | null;
}

const SELECT = new Set(['radiogroup', 'dropdown', 'checkbox', 'tagbox']);
const MULTIPLE = new Set(['checkbox', 'tagbox']);
/** What a source question may have: static choices only (no "Other", no own conditions on its items). */
const SOURCE_KEYS = new Set([
	'type',
	'name',
	'title',
	'description',
	'isRequired',
	'visibleIf',
	'enableIf',
	'requiredIf',
	'requiredErrorText',
	'placeholder',
	'criteria',
	'notApplicableValue',
	'registryField',
	'reportSection',
	'choices',
	'colCount',
	'showNoneItem',
	'noneText',
	'maxSelectedChoices'
]);

/** Why a question's carried choices cannot be compiled, or null (JSON only: the lint uses it). */
export function carryObstacle(q: Json, byName: Map<string, Json>): string | null {
	const source = byName.get(String(q.choicesFromQuestion));
	const where = `"choicesFromQuestion" of question "${String(q.name)}"`;
	if (!SELECT.has(String(q.type)) || !source || source === q || !SELECT.has(String(source.type))) return where;
	if (!['all', 'selected', 'unselected', undefined].includes(q.choicesFromQuestionMode as string | undefined)) return where;
	if (Object.keys(source).some((k) => !SOURCE_KEYS.has(k))) return where;
	const items = Array.isArray(source.choices) ? source.choices : [];
	const plain = (t: unknown) => typeof t !== 'string' || !/[{}]/.test(t);
	const fine = items.every(
		(i) => typeof i !== 'object' || i === null || (Object.keys(i).every((k) => k === 'value' || k === 'text') && plain((i as Json).text))
	);
	const texts = items.flatMap((i) =>
		typeof i === 'object' && i !== null && typeof (i as Json).text === 'object' ? Object.values((i as Json).text as Json) : []
	);
	return fine && texts.every(plain) ? null : where;
}

export function compileCarried(model: Model, q: Question, field: string): Carried {
	const source = model.getQuestionByName(String((q as Question & { choicesFromQuestion: string }).choicesFromQuestion)) as Question;
	const isBuiltIn = (i: ItemValue) => (source as Question & { isBuiltInChoice(i: ItemValue): boolean }).isBuiltInChoice(i);
	const own = q as Question & { showNoneItem?: boolean; noneItem: ItemValue; choicesFromQuestionMode?: string };
	return {
		valueName: q.getValueName(),
		field,
		multiple: MULTIPLE.has(q.getType()),
		sourceValueName: source.getValueName(),
		sourceMultiple: MULTIPLE.has(source.getType()),
		mode: (own.choicesFromQuestionMode ?? 'all') as Carried['mode'],
		items: (source.visibleChoices as ItemValue[]).filter((i) => !isBuiltIn(i)).map((i) => ({ value: i.value, view: choiceView(i) })),
		none: own.showNoneItem ? { value: own.noneItem.value, view: choiceView(own.noneItem) } : null
	};
}

/** The carried choices under these answers (the source's answer), "None" last. */
export function carriedChoices(c: Carried, answers: Json): { value: unknown; view: ChoiceView }[] {
	const picked = answers[c.sourceValueName];
	const held = new Set((c.sourceMultiple ? (Array.isArray(picked) ? picked : []) : picked === undefined || picked === null ? [] : [picked]).map(formValue));
	const kept = c.mode === 'all' ? c.items : c.items.filter((i) => held.has(formValue(i.value)) === (c.mode === 'selected'));
	return c.none ? [...kept, c.none] : kept;
}

/** The answers as survey-core reads them: a carried question's value outside its choices now is dropped. */
export function effectiveAnswers(carried: Carried[], answers: Json): Json {
	let out = answers;
	for (const c of carried) {
		const value = answers[c.valueName];
		if (value === undefined) continue;
		const allowed = new Set(carriedChoices(c, answers).map((i) => formValue(i.value)));
		let kept: unknown;
		if (c.multiple) {
			const list = Array.isArray(value) ? value.filter((v) => allowed.has(formValue(v))) : [];
			if (Array.isArray(value) && list.length === value.length) continue;
			kept = list.length > 0 ? list : undefined;
		} else if (allowed.has(formValue(value))) continue;
		if (out === answers) out = { ...answers };
		if (kept === undefined) delete out[c.valueName];
		else out[c.valueName] = kept;
	}
	return out;
}

/** A carried question's posted field, read against the choices it was shown (the current answers'). */
export function parseCarried(c: Carried, values: string[], answers: Json): unknown {
	const lookup = choiceLookup(carriedChoices(c, answers) as unknown as ItemValue[]);
	return c.multiple ? pickMany(values, c.field, lookup) : pickChoice(values, c.field, lookup);
}
