import type { ItemValue, Model, PageModel, Question } from 'survey-core';
import 'survey-core/i18n';
import { registerCustomProperties } from '../custom-properties.ts';
import { holdExclusiveChoices } from '../exclusive-choice.ts';
import { offlineModel } from '../offline-model.ts';
import { elementViews, type QuestionView } from '../page-view.ts';
import { surveyCoreLocale, type Locale } from '../../locales.ts';
import { probeMessages, type PlanMessages } from './messages.ts';
import { compilePiped, type Piped } from './piping.ts';
import { compileCarried, effectiveAnswers, type Carried } from './carry.ts';
import { pageObstacle, scopeOf, SURVEY_MODES, test, uncarried, uncompiledVisibility, type Test } from './obstacles.ts';

export { planFallbacks } from './obstacles.ts';
import { fieldName } from '../field-names.ts';

/**
 * A questionnaire version compiled, once per (version, language), into a plan: its
 * pages, its questions' drawn views, their conditions as functions and their
 * validation messages. A page turn then draws, parses and validates without feeding
 * a survey-core model (~8 ms of conditions and notifications per turn,
 * bench/RESULTS.md). survey-core is the compiler's input and stays the reference:
 * plan.test.ts checks that both agree. A page using anything the plan does not know
 * is not compiled: that page falls back to survey-core, and the lint says so.
 */
type Json = Record<string, unknown>;

export interface PlannedQuestion {
	name: string;
	valueName: string;
	type: string;
	/** The view under no answers; value, visibility, state and errors are filled per request. */
	template: QuestionView;
	visible: Test;
	enabled: Test;
	requiredIf: Test | null;
	isRequired: boolean;
	eachRowRequired: boolean;
	rows: string[];
	messages: PlanMessages;
	/** Piped texts (piping.ts), drawn per request; null when the question has none. */
	texts: QuestionTexts | null;
	/** Choices carried from another question (carry.ts). */
	carried: Carried | null;
}

export interface QuestionTexts {
	title: Piped | null;
	description: Piped | null;
	html: Piped | null;
	/** Aligned with the template's choices; null where a choice's text is fixed. */
	choices: (Piped | null)[];
}

export interface PlannedPage {
	name: string;
	title: string;
	description: string;
	/** Whether the page is shown under these answers (its visibleIf and a visible question). */
	visible: Test;
	/** Null: the page falls back to survey-core (`fallback` says why). */
	questions: PlannedQuestion[] | null;
	fallback: string | null;
	/** survey-core's questions of the page (parsing reads their static choices only). */
	source: Question[];
	/** Piped page title and description (piping.ts), when they have placeholders. */
	pipedTitle: Piped | null;
	pipedDescription: Piped | null;
	/** The answers as survey-core reads them (carry.ts); the identity without carried choices. */
	effective: (answers: Json) => Json;
}

export interface QuestionnairePlan {
	locale: Locale;
	surveyTitle: string;
	pages: PlannedPage[];
	/** False when page visibility itself cannot be computed: every page then falls back. */
	usable: boolean;
	effective: (answers: Json) => Json;
}

/** survey-core's model of the definition, with our properties and rules. */
export function referenceModel(definition: object, locale: Locale): Model {
	registerCustomProperties();
	const model = holdExclusiveChoices(offlineModel(definition));
	model.locale = surveyCoreLocale(locale);
	return model;
}

const SELECT = new Set(['radiogroup', 'dropdown', 'checkbox', 'tagbox']);

function textsOf(model: Model, q: Question, carried: boolean): QuestionTexts | null {
	const type = q.getType();
	const html = type === 'html' ? compilePiped(model, (q as Question & { locHtml: { pureText: string } }).locHtml.pureText) : null;
	const choices = SELECT.has(type) && !carried ? (q.visibleChoices as ItemValue[]).map((i) => compilePiped(model, i.locText.pureText)) : [];
	const texts = { title: compilePiped(model, q.locTitle.pureText), description: compilePiped(model, q.locDescription?.pureText ?? ''), html, choices };
	return texts.title || texts.description || html || choices.some(Boolean) ? texts : null;
}

export function compilePlan(definition: object, locale: Locale): QuestionnairePlan {
	const json = definition as Json;
	const model = referenceModel(definition, locale);
	const scope = scopeOf(json);
	const pagesJson = Array.isArray(json.pages) ? (json.pages as Json[]) : [];
	let usable = SURVEY_MODES(json) && !uncarried(scope) && pagesJson.length === model.pages.length;
	// survey-core drops a carried answer no longer among its choices wherever it reads the answers: so do the plan's tests.
	const carried = usable
		? (model.getAllQuestions() as Question[])
				.filter((q) => scope.byName.get(q.name)?.choicesFromQuestion !== undefined)
				.map((q) => compileCarried(model, q, fieldName(q.name)))
		: [];
	const effective = carried.length > 0 ? (a: Json) => effectiveAnswers(carried, a) : (a: Json) => a;
	const read = (t: Test | null): Test | null => (t && carried.length > 0 ? (a) => t(effective(a)) : t);
	const condition = (expression: unknown) => read(test(expression));
	const pages = model.pages.map((page: PageModel, i): PlannedPage => {
		const pageJson = pagesJson[i] ?? {};
		const source = page.questions as Question[];
		const base = {
			name: page.name,
			title: page.locTitle.renderedHtml,
			description: page.locDescription?.renderedHtml ?? '',
			source,
			pipedTitle: null,
			pipedDescription: null,
			effective
		};
		const obstacle = usable ? pageObstacle(pageJson, scope) : 'the questionnaire';
		if (obstacle) {
			const visible = read(uncompiledVisibility(pageJson));
			if (!visible) usable = false;
			return { ...base, visible: visible ?? (() => true), questions: null, fallback: obstacle };
		}
		const templates = new Map(elementViews(model, page).map((v) => [v.name, v as QuestionView]));
		const questions = source.map((q): PlannedQuestion => {
			const qJson = (pageJson.elements as Json[]).find((e) => e.name === q.name)!;
			const carry = carried.find((c) => c.field === fieldName(q.name)) ?? null;
			return {
				name: q.name,
				valueName: q.getValueName(),
				type: q.getType(),
				template: templates.get(q.name)!,
				visible: condition(qJson.visibleIf)!,
				enabled: condition(qJson.enableIf)!,
				requiredIf: qJson.requiredIf ? condition(qJson.requiredIf) : null,
				isRequired: Boolean(qJson.isRequired),
				eachRowRequired: Boolean(qJson.eachRowRequired),
				rows: q.getType() === 'matrix' ? (q.rows as { value: unknown }[]).map((r) => String(r.value)) : [],
				// survey-core words a carried question's messages as it would with those choices as its own.
				messages: probeMessages(carry ? { ...qJson, choicesFromQuestion: undefined, choices: carry.items.map((c) => c.value) } : qJson, locale),
				texts: textsOf(model, q, carry !== null),
				carried: carry
			};
		});
		if (questions.some((q) => !q.template)) {
			return { ...base, visible: read(uncompiledVisibility(pageJson)) ?? (() => true), questions: null, fallback: 'an element drawn differently' };
		}
		const own = condition(pageJson.visibleIf)!;
		return {
			...base,
			pipedTitle: compilePiped(model, page.locTitle.pureText),
			pipedDescription: compilePiped(model, page.locDescription?.pureText ?? ''),
			visible: (a) => own(a) && questions.some((q) => q.visible(a)),
			questions,
			fallback: null
		};
	});
	return { locale, surveyTitle: model.locTitle.renderedHtml, pages, usable, effective };
}
