import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Model, type ItemValue, type Question } from 'survey-core';
import { dataIndependentPages } from './save-plan.ts';
import { parsePageAnswers } from './page-form.ts';
import { loadAnswers } from './model-cache.ts';
import { registerCustomProperties } from './custom-properties.ts';
import { formValue, subField } from './page-view.ts';
import { InvalidInputError } from '../errors.ts';

const fixture = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as object;
const QUESTIONNAIRES = {
	'rp-2026': fixture('surveys/regional-presence-2026.json'),
	'all-types': fixture('tests/fixtures/all-types.json')
};

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
	let s = seed >>> 0;
	return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** Plausible and implausible posted fields for the questions of one page. */
function randomEntries(questions: Question[], next: () => number): [string, string][] {
	const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
	const junk = ['', 'x', '999', 'na', 'true', 'مرحبا', 'a'.repeat(5)];
	const entries: [string, string][] = [];
	const choiceOf = (items: ItemValue[]) => (items.length > 0 && next() < 0.85 ? formValue(pick(items).value) : pick(junk));
	for (const q of questions) {
		if (next() < 0.3) continue;
		switch (q.getType()) {
			case 'matrix':
				for (const row of q.rows as ItemValue[]) entries.push([subField(q.name, formValue(row.value)), choiceOf(q.columns)]);
				break;
			case 'matrixdropdown':
				for (const row of q.rows as ItemValue[])
					for (const col of q.columns as { name: string }[]) entries.push([subField(q.name, formValue(row.value), col.name), pick(junk)]);
				break;
			case 'multipletext':
				for (const item of q.items as { name: string }[]) entries.push([subField(q.name, item.name), pick(junk)]);
				break;
			case 'ranking':
				(q.visibleChoices as ItemValue[]).forEach((c, i) => entries.push([subField(q.name, formValue(c.value)), String(i + 1)]));
				break;
			case 'rating':
				entries.push([q.name, choiceOf(q.visibleRateValues)]);
				break;
			case 'html':
			case 'expression':
				break;
			default:
				entries.push([q.name, q.visibleChoices ? choiceOf(q.visibleChoices) : pick(junk)]);
				if (q.getType() === 'checkbox' && next() < 0.5) entries.push([q.name, choiceOf(q.visibleChoices)]);
		}
	}
	if (next() < 0.05) entries.push(['not_a_question', 'x']);
	return entries;
}

function outcome(fn: () => unknown): unknown {
	try {
		return fn();
	} catch (e) {
		return e instanceof InvalidInputError ? `refused: ${e.code}` : `crash: ${String(e)}`;
	}
}

describe('dataIndependentPages', () => {
	it('finds the pages of our questionnaires that do not depend on the answers', () => {
		// Page 4 offers "the offices you dealt with" (choicesFromQuestion): it depends on page 2's answers.
		expect(dataIndependentPages(QUESTIONNAIRES['rp-2026'])).toEqual([true, true, true, false, true]);
		expect(dataIndependentPages(QUESTIONNAIRES['all-types']).length).toBe(3);
	});

	it('parses a page the same with and without the respondent answers loaded, where it says so', () => {
		registerCustomProperties();
		let compared = 0;
		for (const [name, definition] of Object.entries(QUESTIONNAIRES)) {
			const plan = dataIndependentPages(definition);
			const empty = new Model(definition);
			const loaded = new Model(definition);
			const next = rng(name.length);
			for (let round = 0; round < 60; round++) {
				plan.forEach((independent, index) => {
					if (!independent) return;
					// Give the loaded model answers from earlier random posts, on every page.
					const answers: Record<string, unknown> = {};
					loaded.pages.forEach((_, p) => {
						const parsed = outcome(() => parsePageAnswers(loadAnswers(empty, {}), p, randomEntries(empty.pages[p]!.questions, next)));
						if (typeof parsed === 'object' && parsed) for (const [k, v] of Object.entries(parsed)) if (v !== undefined) answers[k] = v;
					});
					loadAnswers(loaded, answers);
					// Fields and values as the respondent's own form (built from their answers) would offer them.
					const entries = randomEntries(loaded.pages[index]!.questions, next);
					expect(outcome(() => parsePageAnswers(loadAnswers(empty, {}), index, entries))).toEqual(outcome(() => parsePageAnswers(loaded, index, entries)));
					compared++;
				});
			}
		}
		expect(compared).toBeGreaterThan(250);
	});

	const page = (elements: object[], extra: object = {}) => ({
		pages: [
			{ name: 'p', elements, ...extra },
			{ name: 'q', elements: [{ type: 'text', name: 't' }] }
		]
	});

	it('sends a page down the full path when its fields or its index could depend on answers', () => {
		expect(
			dataIndependentPages(
				page([
					{ type: 'text', name: 'a', visibleIf: '{t} = 1' },
					{ type: 'text', name: 'b' }
				])
			)
		).toEqual([true, true]);
		expect(dataIndependentPages(page([{ type: 'text', name: 'a', enableIf: '{t} = 1' }]))).toEqual([false, true]);
		expect(dataIndependentPages(page([{ type: 'text', name: 'a', readOnly: true }]))).toEqual([false, true]);
		expect(dataIndependentPages(page([{ type: 'radiogroup', name: 'a', choices: [1, 2], choicesVisibleIf: '{item} > {t}' }]))).toEqual([false, true]);
		expect(dataIndependentPages(page([{ type: 'radiogroup', name: 'a', choices: [1, { value: 2, visibleIf: '{t} = 1' }] }]))).toEqual([false, true]);
		expect(dataIndependentPages(page([{ type: 'checkbox', name: 'a', choicesFromQuestion: 't' }]))).toEqual([false, true]);
		expect(dataIndependentPages(page([{ type: 'panel', name: 'pn', enableIf: '{t} = 1', elements: [{ type: 'text', name: 'a' }] }]))).toEqual([false, true]);
		// Page indices shift when a page can disappear: no page is independent then.
		expect(dataIndependentPages(page([{ type: 'text', name: 'a' }], { visibleIf: '{t} = 1' }))).toEqual([false, false]);
		expect(dataIndependentPages(page([{ type: 'text', name: 'a', visibleIf: '{t} = 1' }]))).toEqual([false, false]);
		expect(dataIndependentPages({ ...page([{ type: 'text', name: 'a' }]), questionsOnPageMode: 'singlePage' })).toEqual([false, false]);
	});
});
