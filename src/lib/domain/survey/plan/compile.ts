import { Model, type PageModel, type Question } from 'survey-core';
import 'survey-core/i18n';
import { compileCondition } from '../conditions.ts';
import { registerCustomProperties } from '../custom-properties.ts';
import { holdExclusiveChoices } from '../exclusive-choice.ts';
import { elementViews, type QuestionView } from '../page-view.ts';
import { surveyCoreLocale, type Locale } from '../../locales.ts';
import { conditionFunction } from './evaluate.ts';
import { probeMessages, type PlanMessages } from './messages.ts';

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
type Test = (answers: Json) => boolean;

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
}

export interface QuestionnairePlan {
	locale: Locale;
	surveyTitle: string;
	pages: PlannedPage[];
	/** False when page visibility itself cannot be computed: every page then falls back. */
	usable: boolean;
}

const COMMON = ['type', 'name', 'title', 'description', 'isRequired', 'visibleIf', 'enableIf', 'requiredIf', 'requiredErrorText', 'placeholder'];
const REPORTING = ['criteria', 'notApplicableValue', 'registryField', 'reportSection'];
const CHOICES = ['choices', 'colCount', 'showNoneItem', 'noneText'];
const KEYS: Record<string, string[]> = {
	radiogroup: CHOICES,
	dropdown: CHOICES,
	checkbox: [...CHOICES, 'maxSelectedChoices'],
	tagbox: [...CHOICES, 'maxSelectedChoices'],
	boolean: ['labelTrue', 'labelFalse'],
	comment: ['maxLength', 'rows'],
	text: ['maxLength'],
	rating: ['rateValues', 'rateMin', 'rateMax', 'rateStep', 'minRateDescription', 'maxRateDescription', 'rateType'],
	matrix: ['columns', 'rows', 'eachRowRequired'],
	html: ['html']
};
const PAGE_KEYS = new Set(['name', 'title', 'description', 'elements', 'visibleIf', 'reportSection']);
const SURVEY_MODES = (d: Json) => (d.questionsOnPageMode === undefined || d.questionsOnPageMode === 'standard') && (d.mode === undefined || d.mode === 'edit');

/** Any text (conditions aside) with a `{...}` placeholder, which survey-core fills from the answers. */
function piped(value: unknown, key = ''): boolean {
	if (/^(visibleIf|enableIf|requiredIf)$/.test(key)) return false;
	if (typeof value === 'string') return /\{[^}]*\}/.test(value);
	if (Array.isArray(value)) return value.some((v) => piped(v));
	if (typeof value === 'object' && value !== null) return Object.entries(value).some(([k, v]) => piped(v, k));
	return false;
}

/** Why a question cannot be compiled, or null. */
function questionObstacle(q: Json): string | null {
	const type = String(q.type);
	const allowed = KEYS[type];
	if (!allowed) return `question type "${type}"`;
	for (const key of Object.keys(q)) if (![...COMMON, ...REPORTING, ...allowed].includes(key)) return `"${key}" of question "${String(q.name)}"`;
	for (const key of ['visibleIf', 'enableIf', 'requiredIf']) {
		if (q[key] && !compileCondition(String(q[key]))) return `the ${key} of "${String(q.name)}"`;
	}
	if (type === 'text' && q.inputType !== undefined && q.inputType !== 'text') return `inputType of "${String(q.name)}"`;
	// Items with anything but a value and a text (their own visibleIf...) and piped texts ({q}) depend on answers.
	for (const key of ['choices', 'rows', 'columns', 'rateValues']) {
		const items = q[key];
		if (
			Array.isArray(items) &&
			items.some((i) => typeof i === 'object' && i !== null && Object.keys(i).some((k) => !['value', 'text', ...REPORTING].includes(k)))
		) {
			return `an item of "${String(q.name)}" with its own properties`;
		}
	}
	if (piped(q)) return `a piped text in "${String(q.name)}"`;
	return null;
}

function pageObstacle(page: Json): string | null {
	for (const key of Object.keys(page)) if (!PAGE_KEYS.has(key)) return `the page's "${key}"`;
	if (piped({ title: page.title, description: page.description })) return 'a piped text in the page title';
	const elements = Array.isArray(page.elements) ? (page.elements as Json[]) : [];
	if (elements.length === 0) return 'an empty page';
	for (const el of elements) {
		if (el.type === 'panel') return `panel "${String(el.name)}"`;
		const obstacle = questionObstacle(el);
		if (obstacle) return obstacle;
	}
	return null;
}

function test(expression: unknown): Test | null {
	if (!expression) return () => true;
	const node = compileCondition(String(expression));
	return node ? conditionFunction(node) : null;
}

/** survey-core's model of the definition, with our properties and rules. */
export function referenceModel(definition: object, locale: Locale): Model {
	registerCustomProperties();
	const model = holdExclusiveChoices(new Model(definition));
	model.locale = surveyCoreLocale(locale);
	return model;
}

/** A page's visibility when its content is not compiled: known only if some element is unconditional. */
function uncompiledVisibility(page: Json): Test | null {
	const own = test(page.visibleIf);
	const elements = Array.isArray(page.elements) ? (page.elements as Json[]) : [];
	const anchored = elements.some((e) => !e.visibleIf && e.visible !== false);
	return own && anchored ? own : null;
}

export function compilePlan(definition: object, locale: Locale): QuestionnairePlan {
	const json = definition as Json;
	const model = referenceModel(definition, locale);
	const pagesJson = Array.isArray(json.pages) ? (json.pages as Json[]) : [];
	let usable = SURVEY_MODES(json) && pagesJson.length === model.pages.length;
	const pages = model.pages.map((page: PageModel, i): PlannedPage => {
		const pageJson = pagesJson[i] ?? {};
		const source = page.questions as Question[];
		const base = { name: page.name, title: page.locTitle.renderedHtml, description: page.locDescription?.renderedHtml ?? '', source };
		const obstacle = usable ? pageObstacle(pageJson) : 'the questionnaire';
		if (obstacle) {
			const visible = uncompiledVisibility(pageJson);
			if (!visible) usable = false;
			return { ...base, visible: visible ?? (() => true), questions: null, fallback: obstacle };
		}
		const templates = new Map(elementViews(model, page).map((v) => [v.name, v as QuestionView]));
		const questions = source.map((q): PlannedQuestion => {
			const qJson = (pageJson.elements as Json[]).find((e) => e.name === q.name)!;
			return {
				name: q.name,
				valueName: q.getValueName(),
				type: q.getType(),
				template: templates.get(q.name)!,
				visible: test(qJson.visibleIf)!,
				enabled: test(qJson.enableIf)!,
				requiredIf: qJson.requiredIf ? test(qJson.requiredIf) : null,
				isRequired: Boolean(qJson.isRequired),
				eachRowRequired: Boolean(qJson.eachRowRequired),
				rows: q.getType() === 'matrix' ? (q.rows as { value: unknown }[]).map((r) => String(r.value)) : [],
				messages: probeMessages(qJson, locale)
			};
		});
		if (questions.some((q) => !q.template)) {
			return { ...base, visible: uncompiledVisibility(pageJson) ?? (() => true), questions: null, fallback: 'an element drawn differently' };
		}
		const own = test(pageJson.visibleIf)!;
		return { ...base, visible: (a) => own(a) && questions.some((q) => q.visible(a)), questions, fallback: null };
	});
	return { locale, surveyTitle: model.locTitle.renderedHtml, pages, usable };
}

/**
 * The lint's view (plan/lint.ts), from the JSON alone: each page the plan leaves to
 * survey-core, with the reason; page '' when no page can be compiled at all.
 */
export function planFallbacks(definition: object): { page: string; index: number; reason: string }[] {
	const json = definition as Json;
	const pages = Array.isArray(json.pages) ? (json.pages as Json[]) : [];
	if (pages.length === 0) return [{ page: '', index: -1, reason: 'the questionnaire has no "pages" list (stored questionnaires have one)' }];
	if (!SURVEY_MODES(json)) return [{ page: '', index: -1, reason: 'the questionnaire shows its questions in a mode other than page by page' }];
	const found = pages.map((page, index) => ({ page: String(page.name ?? ''), index, reason: pageObstacle(page) }));
	if (found.some((f) => f.reason && !uncompiledVisibility(pages[f.index]!))) {
		return [{ page: '', index: -1, reason: 'a page whose visibility depends only on elements the plan cannot compile' }];
	}
	return found.filter((f): f is { page: string; index: number; reason: string } => f.reason !== null);
}
