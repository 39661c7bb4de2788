import { describe, expect, it } from 'vitest';
import { Model } from 'survey-core';
import { applyAnswerChanges, getModel, loadAnswers } from '../model-cache.ts';
import { parsePageAnswers } from '../page-form.ts';
import { buildPageView } from '../page-view.ts';
import { keepVisibleAnswers } from '../../response/answers.ts';
import { checkQuestionnaire } from '../definition.ts';

/** "Other", "None" and "Select all" stored exactly as survey-core stores them (issue 18, item 3). */
const json = {
	pages: [
		{
			name: 'p',
			elements: [
				{ type: 'radiogroup', name: 'role', choices: ['staff', 'guest'], showOtherItem: true },
				{ type: 'dropdown', name: 'job title', choices: ['engineer'], showOtherItem: true, storeOthersAsComment: false },
				{ type: 'checkbox', name: 'parts', choices: ['filter', 'valve'], showOtherItem: true, showNoneItem: true, showSelectAllItem: true }
			]
		}
	]
};
const clean = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
const parse = (entries: [string, string][]) => clean(parsePageAnswers(loadAnswers(getModel('other', json, 'en'), {}), 0, entries));

describe('the Other item', () => {
	it('is imported and drawn with its text field', () => {
		expect(() => checkQuestionnaire(JSON.stringify(json))).not.toThrow();
		const view = buildPageView(loadAnswers(getModel('other', json, 'en'), { role: 'other', 'role-Comment': 'visitor' }), 0);
		const role = view.questions[0]!;
		expect(role.kind === 'single' && role.selected).toBe('other');
		expect(role.kind === 'single' && role.other).toMatchObject({ field: 'role::other', value: 'other', text: 'visitor' });
	});

	it('stores the text as survey-core does, as a comment or in place of "other"', () => {
		const answers = parse([
			['role', 'other'],
			['role::other', 'visitor'],
			['x-6a-6f-62-20-74-69-74-6c-65', 'other'],
			['x-6a-6f-62-20-74-69-74-6c-65::other', 'nurse'],
			['parts', 'filter'],
			['parts', 'other'],
			['parts::other', 'gasket']
		]);
		const reference = new Model(json);
		const set = (name: string, value: unknown, text: string) => {
			const q = reference.getQuestionByName(name);
			q.value = value;
			(q as unknown as { otherValue: string }).otherValue = text;
		};
		set('role', 'other', 'visitor');
		set('job title', 'other', 'nurse');
		set('parts', ['filter', 'other'], 'gasket');
		expect(answers).toEqual(reference.data);
		expect(answers).toEqual({ role: 'other', 'role-Comment': 'visitor', 'job title': 'nurse', parts: ['filter', 'other'], 'parts-Comment': 'gasket' });
	});

	it('selects Other when only its text is typed, and drops the text of another choice', () => {
		expect(parse([['role::other', 'visitor']])).toEqual({ role: 'other', 'role-Comment': 'visitor' });
		expect(
			parse([
				['role', 'staff'],
				['role::other', 'visitor']
			])
		).toEqual({ role: 'staff' });
	});

	it('expands "Select all" to every ordinary choice, as survey-core does', () => {
		const reference = new Model(json);
		(reference.getQuestionByName('parts') as unknown as { selectAll(): void }).selectAll();
		expect(parse([['parts', '']])).toEqual({ parts: reference.data.parts });
	});

	it('keeps the other text at submission', () => {
		const model = loadAnswers(getModel('other', json, 'en'), { role: 'other', 'role-Comment': 'visitor' });
		expect(keepVisibleAnswers(model, { role: 'other', 'role-Comment': 'visitor' })).toEqual({ role: 'other', 'role-Comment': 'visitor' });
	});

	it('reaches survey-core on a page post, so a required other text typed validates', () => {
		const model = loadAnswers(getModel('other', json, 'en'), {});
		applyAnswerChanges(model, {}, { role: 'other', 'role-Comment': 'visitor' });
		expect((model.getQuestionByName('role') as unknown as { otherValue: string }).otherValue).toBe('visitor');
		expect(model.visiblePages[0]!.validate(true, false)).toBe(true);
		applyAnswerChanges(model, { role: 'other', 'role-Comment': 'visitor' }, { role: 'other' });
		expect(model.visiblePages[0]!.validate(true, false)).toBe(false);
	});
});
