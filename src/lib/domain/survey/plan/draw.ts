import { conditionVariables, type ConditionNode } from '../conditions.ts';
import { formValue, type ElementView, type PageView, type QuestionView } from '../page-view.ts';
import { nameOfField } from '../field-names.ts';
import { sanitizeHtml } from '../sanitize.ts';
import type { PlannedPage, PlannedQuestion, QuestionnairePlan } from './compile.ts';
import { carriedChoices } from './carry.ts';

/**
 * Draws, validates and walks a compiled plan (compile.ts) on a response's answers:
 * what buildPageView, page.validate and model.visiblePages give on a survey-core
 * model loaded with the same answers (plan.test.ts holds them equal).
 */
type Answers = Record<string, unknown>;

/** The physical indices of the pages shown under these answers. */
export function visiblePages(plan: QuestionnairePlan, answers: Answers): number[] {
	const shown: number[] = [];
	plan.pages.forEach((page, i) => {
		if (page.visible(answers)) shown.push(i);
	});
	return shown;
}

/** Visible page `index`, when the plan draws it (else survey-core must). */
export function compiledPage(plan: QuestionnairePlan, answers: Answers, index: number): PlannedPage | null {
	if (!plan.usable) return null;
	const physical = visiblePages(plan, answers)[index];
	const page = physical === undefined ? undefined : plan.pages[physical];
	return page?.questions ? page : null;
}

/** survey-core's isEmpty: nothing, '', [] or {}. */
export function isEmptyAnswer(value: unknown): boolean {
	if (value === undefined || value === null || value === '') return true;
	if (Array.isArray(value)) return value.length === 0;
	if (typeof value === 'object') return Object.keys(value).length === 0;
	return false;
}

export function isRequiredNow(q: PlannedQuestion, answers: Answers): boolean {
	return q.isRequired || (q.requiredIf?.(answers) ?? false);
}

/** A question's messages under these answers, as page.validate(true) would set them. */
function questionErrors(q: PlannedQuestion, answers: Answers): string[] {
	const value = answers[q.valueName];
	if (!q.visible(answers)) return [];
	const exclusive = q.messages.exclusive;
	const conflict = exclusive && Array.isArray(value) && value.length > 1 && value.some((v) => String(v) === exclusive.value);
	if (!q.enabled(answers)) return conflict ? [exclusive.text] : [];
	const messages: string[] = [];
	if (isRequiredNow(q, answers) && isEmptyAnswer(value)) messages.push(q.messages.required);
	// A matrix with eachRowRequired adds its own message, after the required one.
	if (q.type === 'matrix' && q.eachRowRequired && q.messages.eachRow) {
		const cells = (value ?? {}) as Record<string, unknown>;
		if (q.rows.some((row) => isEmptyAnswer(cells[row]))) messages.push(q.messages.eachRow);
	}
	if (messages.length === 0 && conflict) messages.push(exclusive.text);
	return messages;
}

/** The messages of a compiled page under these answers (question name → messages); empty when valid. */
export function validatePage(page: PlannedPage, answers: Answers): Map<string, string[]> {
	const errors = new Map<string, string[]>();
	const read = page.effective(answers);
	for (const q of page.questions ?? []) {
		const messages = questionErrors(q, read);
		if (messages.length > 0) errors.set(q.name, messages);
	}
	return errors;
}

/** The questions a respondent sees on the page under these answers. */
export function shownNames(page: PlannedPage, answers: Answers): string[] {
	return (page.questions ?? []).filter((q) => q.visible(answers)).map((q) => q.name);
}

/** The template with this request's piped texts and carried choices (piping.ts, carry.ts). */
function textsFilled(q: PlannedQuestion, answers: Answers): QuestionView {
	const t = q.template;
	if (!q.texts && !q.carried) return t;
	const out = { ...t } as QuestionView & { choices?: { value: string; text: string }[]; html?: string };
	const texts = q.texts;
	if (texts?.title) out.title = texts.title(answers) || q.name;
	if (texts?.description) out.description = texts.description(answers);
	if (texts?.html && out.kind === 'html') out.html = sanitizeHtml(texts.html(answers));
	if (q.carried) out.choices = carriedChoices(q.carried, answers).map((c) => c.view);
	else if (texts && out.choices && texts.choices.some(Boolean)) {
		out.choices = out.choices.map((c, i) => (texts.choices[i] ? { ...c, text: texts.choices[i]!(answers) } : c));
	}
	return out;
}

function filled(q: PlannedQuestion, answers: Answers, errors: string[]): QuestionView {
	const t = textsFilled(q, answers);
	const value = answers[q.valueName];
	const state = {
		required: isRequiredNow(q, answers),
		readOnly: !q.enabled(answers),
		visible: q.visible(answers),
		errors
	};
	switch (t.kind) {
		case 'single':
			return { ...t, ...state, selected: value === undefined || value === null ? null : formValue(value) };
		case 'multiple':
			return { ...t, ...state, selected: Array.isArray(value) ? value.map(formValue) : [] };
		case 'boolean':
			return { ...t, ...state, selected: value === true ? 'true' : value === false ? 'false' : null };
		case 'text':
			return { ...t, ...state, value: value === undefined || value === null ? '' : String(value) };
		case 'matrix': {
			const cells = (value ?? {}) as Record<string, unknown>;
			return {
				...t,
				...state,
				rows: t.rows.map((row) => {
					const cell = cells[row.value];
					return { ...row, selected: cell === undefined || cell === null ? null : formValue(cell) };
				})
			};
		}
		default:
			return { ...t, ...state };
	}
}

function logicValues(elements: ElementView[], answers: Answers): Record<string, unknown> {
	const variables = new Set<string>();
	const conditions = elements.flatMap((e): ConditionNode[] => [
		...(e.visibleIf ? [e.visibleIf] : []),
		...(e.kind !== 'panel' && e.enableIf ? [e.enableIf] : [])
	]);
	for (const condition of conditions) conditionVariables(condition, variables);
	const values: Record<string, unknown> = {};
	for (const variable of variables) {
		const [question, ...path] = variable.split('.');
		let value: unknown = answers[nameOfField(question!)];
		for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
		if (value !== undefined) values[variable] = value;
	}
	return values;
}

/**
 * The view of visible page `index`, as buildPageView draws it. `errors` are the
 * messages to show (after a post that did not validate); none on a plain GET.
 */
export function drawPage(plan: QuestionnairePlan, stored: Answers, index: number, errors = new Map<string, string[]>(), revealed: string[] = []): PageView {
	const page = compiledPage(plan, stored, index);
	if (!page) throw new RangeError(`page ${index} is not compiled`);
	const answers = plan.effective(stored);
	const elements = page.questions!.map((q) => filled(q, answers, errors.get(q.name) ?? []));
	return {
		index,
		count: visiblePages(plan, answers).length,
		name: page.name,
		title: page.pipedTitle ? page.pipedTitle(answers) : page.title,
		description: page.pipedDescription ? page.pipedDescription(answers) : page.description,
		elements,
		questions: elements.filter((e) => e.visible),
		logicValues: logicValues(elements, answers),
		revealed
	};
}
