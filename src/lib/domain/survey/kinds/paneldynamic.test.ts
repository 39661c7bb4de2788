import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Model, type QuestionMatrixDynamicModel, type QuestionPanelDynamicModel } from 'survey-core';
import { checkQuestionnaire } from '../definition.ts';
import { getModel, loadAnswers } from '../model-cache.ts';
import { parsePageAnswers } from '../page-form.ts';
import { buildPageView } from '../page-view.ts';
import { planFallbacks } from '../plan/compile.ts';
import { dataIndependentPages } from '../save-plan.ts';
import { applyPagePost, parsePageAction } from '../../response/page-post.ts';
import type { Answers } from '../../response/answers.ts';
import { buildReview } from '../../response/review.ts';

/** Issue 18, items 1 and 2: dynamic panels and dynamic matrices posted as forms, stored as survey-core stores them. */
const text = readFileSync('tests/fixtures/surveyjs-dynamic.json', 'utf8');
const json = JSON.parse(text);
const model = (answers: Answers) => loadAnswers(getModel('dynamic', json, 'en'), answers);

/** A post of page `page` with `entries` and the button `action`, from the stored `answers`. */
function post(answers: Answers, page: number, entries: [string, string][], action: string) {
	return applyPagePost(model(answers), answers, page, entries, parsePageAction(action)!, 1);
}

describe('dynamic panel', () => {
	it('imports, and its page and its matrix page fall back to survey-core in the plan and the autosave', () => {
		expect(() => checkQuestionnaire(text)).not.toThrow();
		expect(planFallbacks(json).map((f) => f.index)).toEqual([0, 1]);
		expect(dataIndependentPages(json)).toEqual([false, false]);
	});

	it('adds a panel, keeps what was typed, removes one, and stores what survey-core stores', () => {
		let answers: Answers = {};
		const first = post(
			answers,
			0,
			[
				['members::0::x-66-69-72-73-74-2d-6e-61-6d-65', 'Amal'],
				['members::0::works', 'yes']
			],
			'add:members'
		);
		expect(first).toMatchObject({ kind: 'saved', page: 0 });
		answers = first.answers;
		expect(answers.members).toEqual([{ 'first-name': 'Amal', works: 'yes' }, {}]);

		// The page now draws two panels, titled as survey-core titles them, the job shown in the first only.
		const view = buildPageView(model(answers), 0);
		const q = view.questions[0]!;
		if (q.kind !== 'paneldynamic') throw new Error(q.kind);
		expect(q.panels.map((p) => p.title)).toEqual(['Person #1', 'Person #2']);
		expect(q.panels.map((p) => p.questions.filter((x) => x.visible).map((x) => x.name))).toEqual([
			['first-name', 'works', 'job', 'langs'],
			['first-name', 'works', 'langs']
		]);
		expect([q.addText, q.removeText, q.canAdd, q.panels[0]!.removable]).toEqual(['Add a person', 'Remove this person', true, true]);

		const entries: [string, string][] = [
			['members::0::x-66-69-72-73-74-2d-6e-61-6d-65', 'Amal'],
			['members::0::works', 'yes'],
			['members::0::job', 'Nurse'],
			['members::0::langs', 'ar'],
			['members::1::x-66-69-72-73-74-2d-6e-61-6d-65', 'Badr'],
			['members::1::works', 'no'],
			['members::1::langs', 'en'],
			['members::1::langs', 'other'],
			['members::1::langs::other', 'Tamazight']
		];
		const third = post(answers, 0, entries, 'add:members');
		const removed = post(third.answers, 0, [...entries, ['members::2::x-66-69-72-73-74-2d-6e-61-6d-65', 'Chadi']], 'remove:members:0');
		expect(removed).toMatchObject({ kind: 'saved', page: 0 });

		// survey-core, given the same inputs panel by panel.
		const reference = new Model(json);
		const panels = reference.getQuestionByName('members') as QuestionPanelDynamicModel;
		panels.addPanel();
		panels.addPanel();
		const set = (panel: number, name: string, value: unknown) => (panels.panels[panel]!.getQuestionByName(name).value = value);
		set(0, 'first-name', 'Amal');
		set(0, 'works', 'yes');
		set(0, 'job', 'Nurse');
		set(0, 'langs', ['ar']);
		set(1, 'first-name', 'Badr');
		set(1, 'works', 'no');
		set(1, 'langs', ['en', 'other']);
		panels.panels[1]!.getQuestionByName('langs').comment = 'Tamazight';
		set(2, 'first-name', 'Chadi');
		panels.removePanel(0);
		expect(removed.answers).toEqual(reference.data);
		// The review lists one line per panel, not "[object Object]".
		const review = buildReview(model(removed.answers)).flatMap((s) => s.items.flatMap((i) => ('lines' in i ? i.lines : [])));
		expect(review.join('\n')).toMatch(/^1: .*Badr.*\n2: .*Chadi/m);
	});

	it('respects minPanelCount and maxPanelCount', () => {
		const one = post({}, 0, [], 'remove:members:0');
		expect(one.answers.members).toEqual([{}]);
		let answers: Answers = {};
		for (let i = 0; i < 5; i++) answers = post(answers, 0, [], 'add:members').answers;
		expect(answers.members).toHaveLength(4);
		const q = buildPageView(model(answers), 0).questions[0]!;
		if (q.kind !== 'paneldynamic') throw new Error(q.kind);
		expect(q.canAdd).toBe(false);
	});

	it('refuses a field of a panel that is not there', () => {
		expect(() => parsePageAnswers(model({}), 0, [['members::1::works', 'yes']])).toThrow(/not a question on this page/);
	});
});

describe('dynamic matrix', () => {
	it('adds and removes rows and stores the cells as survey-core does', () => {
		const stored: Answers = { members: [{ 'first-name': 'Amal' }] };
		const added = post(
			stored,
			1,
			[
				['devices::0::kind', 'laptop'],
				['devices::0::count', '3']
			],
			'add:devices'
		);
		expect(added.answers.devices).toEqual([{ kind: 'laptop', count: '3' }, {}]);
		const entries: [string, string][] = [
			['devices::0::kind', 'laptop'],
			['devices::0::count', '3'],
			['devices::1::kind', 'phone'],
			['devices::1::shared', 'true'],
			['devices::1::state', '2']
		];
		const again = post(added.answers, 1, entries, 'add:devices');
		const removed = post(again.answers, 1, [...entries, ['devices::2::kind', 'printer']], 'remove:devices:1');

		const reference = new Model(json);
		reference.setValue('members', [{ 'first-name': 'Amal' }]);
		const matrix = reference.getQuestionByName('devices') as QuestionMatrixDynamicModel;
		matrix.addRow();
		matrix.addRow();
		const cell = (row: number, column: string, value: unknown) => (matrix.visibleRows[row]!.getQuestionByColumnName(column).value = value);
		cell(0, 'kind', 'laptop');
		cell(0, 'count', '3');
		cell(1, 'kind', 'phone');
		cell(1, 'shared', true);
		cell(1, 'state', 2);
		cell(2, 'kind', 'printer');
		matrix.removeRow(1);
		expect(removed.answers).toEqual(reference.data);
	});

	it('leaves an untouched matrix unanswered, as survey-core does', () => {
		expect(parsePageAnswers(model({}), 1, []).devices).toBeUndefined();
		expect(new Model(json).data.devices).toBeUndefined();
	});
});
