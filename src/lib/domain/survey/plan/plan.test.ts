import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { ItemValue, Model, Question } from 'survey-core';
import { compilePlan, planFallbacks, referenceModel } from './compile.ts';
import { compiledPage, drawPage, validatePage, visiblePages } from './draw.ts';
import { applyPlanPost } from './post.ts';
import { applyPagePost, type PageAction } from '../../response/page-post.ts';
import { loadAnswers } from '../model-cache.ts';
import { buildPageView, formValue } from '../page-view.ts';
import { fieldName, subField } from '../field-names.ts';
import { InvalidInputError } from '../../errors.ts';
import { lintQuestionnaireJson } from '../definition.ts';
import type { Locale } from '../../locales.ts';

/**
 * The compiled plan against survey-core, its reference: a seeded random walk of page
 * posts over every question and condition of our questionnaires. At every step both
 * must agree on the outcome (stored answers, next page, revealed questions), on the
 * visible pages, and on each compiled page's view (visibility, state, validation
 * messages). A failure prints its seed and step, so it can be replayed.
 */
const fixture = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as object;
const QUESTIONNAIRES: [string, object, Locale[], number][] = [
	['rp-2026', fixture('surveys/regional-presence-2026.json'), ['en', 'ar', 'zh', 'fr', 'ru', 'es'], 64],
	['all-types', fixture('tests/fixtures/all-types.json'), ['en', 'ar'], 40],
	['matrix-scales', fixture('tests/fixtures/matrix-scales.json'), ['en'], 60],
	['surveyjs-kinds', fixture('tests/fixtures/surveyjs-kinds.json'), ['en'], 60],
	['surveyjs-names', fixture('tests/fixtures/surveyjs-names.json'), ['en'], 60],
	// Piped texts from every kind of answer, and choices carried in each mode (piping.ts, carry.ts).
	['plan-piping', fixture('tests/fixtures/plan-piping.json'), ['en', 'fr'], 120]
];

const ALL_COMPILED = new Set(['rp-2026', 'plan-piping']);

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
	let s = seed >>> 0;
	return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function randomEntries(questions: Question[], next: () => number): [string, string][] {
	const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
	const junk = ['', 'x', '1', '2', 'na', 'none', 'true', 'مرحبا'];
	const entries: [string, string][] = [];
	const choiceOf = (items: ItemValue[]) => (items.length > 0 && next() < 0.9 ? formValue(pick(items).value) : pick(junk));
	for (const q of questions) {
		if (next() < 0.25) continue;
		const field = fieldName(q.name);
		switch (q.getType()) {
			case 'matrix':
				for (const row of q.rows as ItemValue[]) if (next() < 0.8) entries.push([subField(field, formValue(row.value)), choiceOf(q.columns)]);
				break;
			case 'rating':
				entries.push([field, choiceOf(q.visibleRateValues)]);
				break;
			case 'boolean':
				entries.push([field, pick(['true', 'false', ''])]);
				break;
			case 'text':
			case 'comment':
				entries.push([field, pick(junk)]);
				break;
			case 'radiogroup':
			case 'dropdown':
			case 'checkbox':
			case 'tagbox':
				entries.push([field, choiceOf(q.visibleChoices)]);
				if (q.getType() === 'checkbox' && next() < 0.5) entries.push([field, choiceOf(q.visibleChoices)]);
				break;
		}
	}
	return entries;
}

function attempt<T>(fn: () => T): T | string {
	try {
		return fn();
	} catch (e) {
		if (e instanceof InvalidInputError) return `refused: ${e.code}`;
		throw e;
	}
}

function randomAction(next: () => number, pages: number): PageAction {
	const r = next();
	if (r < 0.55) return { kind: 'next' };
	if (r < 0.7) return { kind: 'previous' };
	if (r < 0.85) return { kind: 'save' };
	return { kind: 'goto', page: Math.floor(next() * pages) };
}

/** Every compiled page drawn by both, with and without validation messages. */
function compareViews(model: Model, plan: ReturnType<typeof compilePlan>, answers: Record<string, unknown>, where: string): number {
	let compared = 0;
	loadAnswers(model, answers);
	expect(
		visiblePages(plan, answers).map((i) => plan.pages[i]!.name),
		where
	).toEqual(model.visiblePages.map((p) => p.name));
	model.visiblePages.forEach((page, index) => {
		const planned = compiledPage(plan, answers, index);
		if (!planned) return;
		expect(drawPage(plan, answers, index), `${where} page ${index}`).toEqual(buildPageView(model, index));
		page.validate(true, false);
		expect(drawPage(plan, answers, index, validatePage(planned, answers)), `${where} page ${index} validated`).toEqual(buildPageView(model, index));
		loadAnswers(model, answers);
		compared++;
	});
	return compared;
}

describe('the compiled plan agrees with survey-core', () => {
	for (const [name, definition, locales, steps] of QUESTIONNAIRES) {
		it(`${name}: random walks of page posts (${locales.join(', ')})`, () => {
			let decided = 0;
			let views = 0;
			for (const locale of locales) {
				const plan = compilePlan(definition, locale);
				const model = referenceModel(definition, locale);
				const seed = 1000 + locales.indexOf(locale);
				const next = rng(seed);
				let answers: Record<string, unknown> = {};
				let page = 0;
				let furthest = 0;
				// The first language walks longest; the others check the words and scripts.
				const walk = locale === locales[0] ? steps : Math.ceil(steps / 4);
				for (let step = 0; step < walk; step++) {
					const where = `${name}/${locale} seed ${seed} step ${step}`;
					// Every page every 8 steps (drawing them all through survey-core is slow); the post's own outcome always.
					if (step % 8 === 0) views += compareViews(model, plan, answers, where);
					loadAnswers(model, answers);
					const count = model.visiblePages.length;
					page = Math.min(page, count - 1);
					const entries = randomEntries(model.visiblePages[page]!.questions as Question[], next);
					const action = randomAction(next, count);
					const planned = attempt(() => applyPlanPost(plan, answers, page, entries, action, furthest));
					const reference = attempt(() => applyPagePost(model, answers, page, entries, action, furthest));
					if (planned !== null) {
						decided++;
						if (typeof reference === 'string' || typeof planned === 'string') expect(planned, where).toEqual(reference);
						else {
							const { errors, ...outcome } = planned;
							expect(outcome, where).toEqual(reference);
							// The page drawn after the post, messages included, as the service draws it.
							if (reference.kind === 'invalid' || reference.kind === 'revealed') {
								const revealed = reference.kind === 'revealed' ? reference.revealed : [];
								expect(drawPage(plan, outcome.answers, outcome.page, errors, revealed), `${where} drawn`).toEqual(
									buildPageView(model, reference.page, revealed)
								);
							}
						}
					}
					if (typeof reference !== 'string') {
						({ answers, page, furthest } = reference);
						// The next GET: the page the respondent lands on, drawn by both.
						if (compiledPage(plan, answers, page))
							expect(drawPage(plan, answers, page), `${where} next page`).toEqual(buildPageView(loadAnswers(model, answers), page));
					}
				}
			}
			// These must be walked by the plan on every page: piped texts and carried choices included.
			if (ALL_COMPILED.has(name)) expect(planFallbacks(definition)).toEqual([]);
			// The walk must exercise the plan where it compiles pages, not only its fallbacks.
			const compiles = compilePlan(definition, 'en').pages.some((p) => p.questions);
			if (compiles)
				expect(
					[decided, views].every((n) => n > 0),
					`${decided} posts decided, ${views} pages compared`
				).toBe(true);
			else expect(planFallbacks(definition).length).toBeGreaterThan(0);
		}, 180_000);
	}

	it('compiles every page of the 2026 questionnaire: no fallback, and the lint says nothing', () => {
		// Its carried office list and its piped "You answered ..." title are compiled (carry.ts, piping.ts).
		expect(planFallbacks(QUESTIONNAIRES[0]![1])).toEqual([]);
		for (const locale of ['en', 'ar', 'zh', 'fr', 'ru', 'es'] as const)
			expect(compilePlan(QUESTIONNAIRES[0]![1], locale).pages.every((p) => p.questions)).toBe(true);
		expect(lintQuestionnaireJson(QUESTIONNAIRES[0]![1] as Record<string, unknown>).filter((f) => f.rule === 'plan/fallback')).toEqual([]);
	});

	it('says which pages fall back to survey-core, and why', () => {
		const piping = fixture('tests/fixtures/plan-piping.json') as { pages: Record<string, unknown>[] };
		const pages = structuredClone(piping.pages);
		pages[1]!.title = 'Page {pageno}';
		(pages[2]!.elements as Record<string, unknown>[])[0]!.title = 'About {sel}';
		expect(planFallbacks({ pages })).toEqual([
			{ page: 'piped', index: 1, reason: 'a piped text in the page title' },
			{ page: 'after', index: 2, reason: 'a piped text in "last"' }
		]);
		// The lint says so, as warnings: the questionnaire is still accepted.
		const warnings = lintQuestionnaireJson({ pages }).filter((f) => f.rule === 'plan/fallback');
		expect(warnings.map((f) => [f.severity, f.path])).toEqual([
			['warning', 'pages[1]'],
			['warning', 'pages[2]']
		]);
		expect(warnings[1]!.message).toContain('piped text');
	});
});
