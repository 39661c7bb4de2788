import { compileCondition } from '../conditions.ts';
import { conditionFunction } from './evaluate.ts';
import { pipingObstacle, questionsByValueName } from './piping.ts';
import { carryObstacle } from './carry.ts';

/**
 * What the compiled plan (compile.ts) can draw, read from the questionnaire's JSON alone:
 * a page using anything else falls back to survey-core, and the lint (lint.ts) says why.
 */
type Json = Record<string, unknown>;
export type Test = (answers: Json) => boolean;
const COMMON = ['type', 'name', 'title', 'description', 'isRequired', 'visibleIf', 'enableIf', 'requiredIf', 'requiredErrorText', 'placeholder'];
const REPORTING = ['criteria', 'notApplicableValue', 'registryField', 'reportSection'];
const CHOICES = ['choices', 'colCount', 'showNoneItem', 'noneText'];
export const KEYS: Record<string, string[]> = {
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
export const SURVEY_MODES = (d: Json) =>
	(d.questionsOnPageMode === undefined || d.questionsOnPageMode === 'standard') &&
	(d.mode === undefined || d.mode === 'edit') &&
	// Piping reads questions only: variables or a piped survey title are left to survey-core.
	!d.calculatedValues &&
	!piped(d.title);
/** Keys whose piped texts the plan compiles (piping.ts); any other piped text is an obstacle. */
const PIPED_KEYS = new Set(['title', 'description', 'html']);
const CARRY_KEYS = ['choicesFromQuestion', 'choicesFromQuestionMode'];

/** The strings of a localisable text (a string, or an object by locale). */
function strings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (typeof value === 'object' && value !== null && !Array.isArray(value)) return Object.values(value).filter((v): v is string => typeof v === 'string');
	return [];
}

/** Any text (conditions aside) with a `{...}` placeholder, which survey-core fills from the answers. */
function piped(value: unknown, key = ''): boolean {
	if (/^(visibleIf|enableIf|requiredIf)$/.test(key)) return false;
	if (typeof value === 'string') return /\{[^}]*\}/.test(value);
	if (Array.isArray(value)) return value.some((v) => piped(v));
	if (typeof value === 'object' && value !== null) return Object.entries(value).some(([k, v]) => piped(v, k));
	return false;
}

/** A question's piped texts the plan cannot compile, or null. */
function pipedObstacle(q: Json, questions: Map<string, Json>): string | null {
	const where = `a piped text in "${String(q.name)}"`;
	for (const [key, value] of Object.entries(q)) {
		if (PIPED_KEYS.has(key) || (key === 'choices' && Array.isArray(value))) {
			const texts =
				key === 'choices'
					? (value as unknown[]).flatMap((i) => (typeof i === 'object' && i !== null ? strings((i as Json).text) : piped(i) ? ['{'] : []))
					: strings(value);
			if (texts.some((t) => piped(t)) && (q.type === 'matrix' || texts.some((t) => pipingObstacle(t, questions) !== null))) return where;
		} else if (piped(value, key)) return where;
	}
	return null;
}

/** Why a question cannot be compiled, or null. */
function questionObstacle(q: Json, questions: Map<string, Json>, byName: Map<string, Json>): string | null {
	const type = String(q.type);
	const allowed = KEYS[type];
	if (!allowed) return `question type "${type}"`;
	const carry = q.choicesFromQuestion !== undefined ? CARRY_KEYS : [];
	for (const key of Object.keys(q)) if (![...COMMON, ...REPORTING, ...allowed, ...carry].includes(key)) return `"${key}" of question "${String(q.name)}"`;
	if (carry.length > 0) {
		const obstacle = carryObstacle(q, byName);
		if (obstacle) return obstacle;
	}
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
	return pipedObstacle(q, questions);
}

/** The questions a page's texts may pipe or carry choices from. */
export interface Scope {
	questions: Map<string, Json>;
	byName: Map<string, Json>;
}

export function scopeOf(definition: Json): Scope {
	const questions = questionsByValueName(definition);
	const byName = new Map<string, Json>();
	const walk = (elements: unknown) => {
		for (const e of Array.isArray(elements) ? (elements as Json[]) : []) {
			if (Array.isArray(e.elements)) walk(e.elements);
			else if (typeof e.name === 'string' && !byName.has(e.name)) byName.set(e.name, e);
		}
	};
	for (const page of Array.isArray(definition.pages) ? (definition.pages as Json[]) : []) walk(page.elements);
	return { questions, byName };
}

export function pageObstacle(page: Json, scope: Scope): string | null {
	for (const key of Object.keys(page)) if (!PAGE_KEYS.has(key)) return `the page's "${key}"`;
	const texts = [...strings(page.title), ...strings(page.description)];
	if (texts.some((t) => pipingObstacle(t, scope.questions) !== null) || (page.title !== undefined && strings(page.title).length === 0 && piped(page.title))) {
		return 'a piped text in the page title';
	}
	const elements = Array.isArray(page.elements) ? (page.elements as Json[]) : [];
	if (elements.length === 0) return 'an empty page';
	for (const el of elements) {
		if (el.type === 'panel') return `panel "${String(el.name)}"`;
		const obstacle = questionObstacle(el, scope.questions, scope.byName);
		if (obstacle) return obstacle;
	}
	return null;
}

export function test(expression: unknown): Test | null {
	if (!expression) return () => true;
	const node = compileCondition(String(expression));
	return node ? conditionFunction(node) : null;
}

/** A page's visibility when its content is not compiled: known only if some element is unconditional. */
export function uncompiledVisibility(page: Json): Test | null {
	const own = test(page.visibleIf);
	const elements = Array.isArray(page.elements) ? (page.elements as Json[]) : [];
	const anchored = elements.some((e) => !e.visibleIf && e.visible !== false);
	return own && anchored ? own : null;
}

/** Questions whose choices are carried from a question the plan cannot read: every answer's reading would differ. */
export function uncarried(scope: Scope): boolean {
	return [...scope.byName.values()].some((q) => q.choicesFromQuestion !== undefined && carryObstacle(q, scope.byName) !== null);
}

/**
 * The lint's view (plan/lint.ts), from the JSON alone: each page the plan leaves to
 * survey-core, with the reason; page '' when no page can be compiled at all.
 */
export function planFallbacks(definition: object): { page: string; index: number; reason: string }[] {
	const json = definition as Json;
	const pages = Array.isArray(json.pages) ? (json.pages as Json[]) : [];
	if (pages.length === 0) return [{ page: '', index: -1, reason: 'the questionnaire has no "pages" list (stored questionnaires have one)' }];
	if (!SURVEY_MODES(json)) {
		return [
			{ page: '', index: -1, reason: 'the questionnaire shows its questions in a mode other than page by page, has calculated values or pipes its title' }
		];
	}
	const scope = scopeOf(json);
	if (uncarried(scope)) return [{ page: '', index: -1, reason: 'choices carried from a question the plan cannot read ("choicesFromQuestion")' }];
	const found = pages.map((page, index) => ({ page: String(page.name ?? ''), index, reason: pageObstacle(page, scope) }));
	if (found.some((f) => f.reason && !uncompiledVisibility(pages[f.index]!))) {
		return [{ page: '', index: -1, reason: 'a page whose visibility depends only on elements the plan cannot compile' }];
	}
	return found.filter((f): f is { page: string; index: number; reason: string } => f.reason !== null);
}
