import { describe, expect, it } from 'vitest';
import { Model } from 'survey-core';
import { checkQuestionnaire, lintQuestionnaireJson } from './definition.ts';
import { getModel, loadAnswers } from './model-cache.ts';
import { parsePageAnswers } from './page-form.ts';
import { buildPageView } from './page-view.ts';
import { fieldName, nameOfField } from './field-names.ts';
import { InvalidInputError } from '../errors.ts';

/** Issue 18, items 1 and 2: questionnaires written elsewhere, accepted as survey-core accepts them. */
const refusalOf = (json: unknown): string[] => {
	try {
		checkQuestionnaire(JSON.stringify(json));
		return [];
	} catch (e) {
		if (e instanceof InvalidInputError) return [...e.details];
		throw e;
	}
};

describe('names as SurveyJS accepts them', () => {
	const json = {
		pages: [
			{
				name: 'p1',
				elements: [
					{ type: 'radiogroup', name: 'Q1-a', choices: ['yes', 'no'] },
					{ type: 'text', name: 'Your name' },
					{ type: 'matrix', name: 'رضا', columns: [1, 2], rows: ['r1'] },
					{ type: 'comment', name: 'why', visibleIf: "{Q1-a} = 'no'" }
				]
			}
		]
	};
	it('imports names with hyphens, spaces and Arabic letters', () => {
		expect(refusalOf(json)).toEqual([]);
	});
	it('derives reversible form fields and keeps the author name as the answer key', () => {
		for (const name of ['Q1-a', 'Your name', 'رضا', 'a::b', 'plain_1']) expect(nameOfField(fieldName(name))).toBe(name);
		expect(fieldName('plain_1')).toBe('plain_1');
		expect(fieldName('Your name')).toMatch(/^[A-Za-z0-9-]+$/);
		const model = loadAnswers(getModel('names', json, 'en'), {});
		const view = buildPageView(model, 0);
		expect(view.questions.map((q) => q.field)).toEqual(['Q1-a', 'Your name', 'رضا'].map(fieldName));
		// The browser's condition reads the derived field.
		const why = view.elements.find((e) => e.name === 'why')!;
		expect(JSON.stringify(why.visibleIf)).toContain(fieldName('Q1-a'));
		const answers = parsePageAnswers(model, 0, [
			[fieldName('Q1-a'), 'no'],
			[fieldName('Your name'), 'Amina'],
			[`${fieldName('رضا')}::r1`, '2']
		]);
		expect(answers).toEqual({ 'Q1-a': 'no', 'Your name': 'Amina', رضا: { r1: 2 }, why: undefined });
		// survey-core, given the same values, holds the same data.
		const reference = new Model(json);
		reference.setValue('Q1-a', 'no');
		reference.setValue('Your name', 'Amina');
		reference.setValue('رضا', { r1: 2 });
		expect(Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined))).toEqual(reference.data);
	});
	it('stores a question with valueName under the shared name, as survey-core does', () => {
		const shared = {
			pages: [
				{ name: 'p', elements: [{ type: 'text', name: 'first', valueName: 'contact' }] },
				{ name: 'q', elements: [{ type: 'text', name: 'contact' }] }
			]
		};
		expect(refusalOf(shared)).toEqual([]);
		const model = loadAnswers(getModel('shared', shared, 'en'), {});
		expect(parsePageAnswers(model, 0, [['first', 'a@b.org']])).toEqual({ contact: 'a@b.org' });
		const reference = new Model(shared);
		reference.getQuestionByName('first').value = 'a@b.org';
		expect(reference.data).toEqual({ contact: 'a@b.org' });
	});
});

describe('the lint behaves as survey-core does', () => {
	it('wraps top-level elements in one page and names unnamed elements as SurveyJS Creator does, with warnings', () => {
		const checked = checkQuestionnaire(
			JSON.stringify({ elements: [{ type: 'text' }, { type: 'panel', elements: [{ type: 'comment', name: 'question1' }] }, { type: 'text', title: 'x' }] })
		);
		const pages = checked.json.pages as { name: string; elements: { name: string; elements?: { name: string }[] }[] }[];
		expect(pages).toHaveLength(1);
		expect(pages[0]!.name).toBe('page1');
		expect(pages[0]!.elements.map((e) => e.name)).toEqual(['question2', 'panel1', 'question3']);
		expect(checked.findings.filter((f) => f.rule === 'name/generated')).toHaveLength(3);
		expect(checked.findings.map((f) => f.rule)).toContain('survey/top-level-elements');
		expect(checkQuestionnaire(JSON.stringify({ questions: [{ type: 'text', name: 'a' }] })).json.pages).toEqual([
			{ name: 'page1', elements: [{ type: 'text', name: 'a' }] }
		]);
	});
	it('makes an unresolved {reference} a warning: survey-core shows it as text', () => {
		const findings = lintQuestionnaireJson({ pages: [{ name: 'p', elements: [{ type: 'text', name: 'a', title: 'Hello {nobody}' }] }] });
		expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
		expect(findings.some((f) => f.rule === 'reference/unknown' && f.severity === 'warning')).toBe(true);
	});
	it('walks panels, dynamic-panel templates, matrix columns and the top level, so every finding shows at once', () => {
		const details = refusalOf({
			elements: [
				{ type: 'panel', name: 'pan', elements: [{ type: 'image', name: 'sig', imageLink: 'javascript:alert(1)' }] },
				{ type: 'paneldynamic', name: 'dyn', templateElements: [{ type: 'your-widget', name: 'upload' }] },
				{ type: 'matrixdropdown', name: 'md', rows: ['a'], columns: [{ name: 'c', cellType: 'expression' }] },
				{ type: 'my-widget', name: 'custom' }
			]
		});
		const text = details.join('\n');
		expect(text).toMatch(/"sig" has the image address "javascript:alert\(1\)": only https: addresses/);
		expect(text).toMatch(/"upload" has type "your-widget", a custom question type/);
		expect(text).toMatch(/"md" has a column of cell type "expression", which this platform deliberately/);
		expect(text).toMatch(/"custom" has type "my-widget", a custom question type/);
	});
});
