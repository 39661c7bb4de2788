import { describe, expect, it } from 'vitest';
import { getModel, loadAnswers } from '../survey/model-cache.ts';
import { applyPagePost, parsePageAction } from './page-post.ts';

const definition = {
	pages: [
		{
			name: 'p1',
			elements: [
				{ type: 'radiogroup', name: 'sat', choices: [5, 4, 3, 2, 1], isRequired: true },
				{ type: 'comment', name: 'why', visibleIf: '{sat} <= 2' }
			]
		},
		{ name: 'p2', elements: [{ type: 'comment', name: 'more', isRequired: true }] }
	]
};
/** A model loaded with the answers the post starts from, as the service hands it over. */
const on = (answers: Record<string, unknown>, locale: 'en' | 'fr' = 'en') => loadAnswers(getModel('test-post', definition, locale), answers);

describe('applyPagePost', () => {
	it('keeps the answers of an invalid page and stays on it with a message', () => {
		const outcome = applyPagePost(on({}, 'fr'), {}, 0, [['why', 'brouillon']], { kind: 'next' }, 0);
		expect(outcome.kind).toBe('invalid');
		expect(outcome.answers).toEqual({ why: 'brouillon' });
		expect(outcome.page).toBe(0);
	});

	it('moves to the next page and records the furthest page reached', () => {
		const outcome = applyPagePost(on({}), {}, 0, [['sat', '4']], { kind: 'next' }, 0);
		expect(outcome).toMatchObject({ kind: 'saved', page: 1, furthest: 1, answers: { sat: 4 } });
	});

	it('does not let a goto jump past the furthest page reached', () => {
		expect(applyPagePost(on({}), {}, 0, [], { kind: 'goto', page: 1 }, 0).page).toBe(0);
	});

	it('submits only when every page is valid, dropping answers to questions that ended up hidden', () => {
		const answers = { sat: 1, why: 'bad' };
		const invalid = applyPagePost(on(answers), answers, 1, [], { kind: 'submit' }, 1);
		expect(invalid).toMatchObject({ kind: 'invalid', page: 1 });
		const submitted = applyPagePost(on({ sat: 5, why: 'stale' }), { sat: 5, why: 'stale' }, 1, [['more', 'ok']], { kind: 'submit' }, 1);
		expect(submitted).toMatchObject({ kind: 'submitted', answers: { sat: 5, more: 'ok' } });
		expect(submitted.answers).not.toHaveProperty('why');
	});

	it('reads only the actions our forms send', () => {
		expect(parsePageAction('next')).toEqual({ kind: 'next' });
		expect(parsePageAction('goto:3')).toEqual({ kind: 'goto', page: 3 });
		expect(parsePageAction('delete')).toBeNull();
	});
});

describe('review before submit', () => {
	it('goes to the review only when every page is complete, and the review page posts no answers', () => {
		expect(applyPagePost(on({ sat: 4 }), { sat: 4 }, 1, [], { kind: 'review' }, 1)).toMatchObject({ kind: 'invalid', page: 1 });
		expect(applyPagePost(on({ sat: 4 }), { sat: 4 }, 1, [['more', 'x']], { kind: 'review' }, 1)).toMatchObject({
			kind: 'review',
			answers: { sat: 4, more: 'x' }
		});
		expect(applyPagePost(on({ sat: 4, more: 'x' }), { sat: 4, more: 'x' }, 'review', [], { kind: 'submit' }, 1)).toMatchObject({
			kind: 'submitted',
			answers: { sat: 4, more: 'x' }
		});
		expect(() => applyPagePost(on({ sat: 4, more: 'x' }), { sat: 4, more: 'x' }, 'review', [['sat', '1']], { kind: 'submit' }, 1)).toThrow(/no answers/);
	});
});

describe('follow-ups revealed on the same page (issue 12, item 9)', () => {
	it('shows the page again, answers saved, when a post reveals a question the respondent was not shown', () => {
		const outcome = applyPagePost(on({}), {}, 0, [['sat', '1']], { kind: 'next' }, 0);
		expect(outcome).toMatchObject({ kind: 'revealed', page: 0, furthest: 0, revealed: ['why'], answers: { sat: 1 } });
	});

	it('moves on once the follow-up was shown (by the page, or by the browser’s script)', () => {
		expect(applyPagePost(on({ sat: 1 }), { sat: 1 }, 0, [['sat', '1']], { kind: 'next' }, 0)).toMatchObject({ kind: 'saved', page: 1 });
		expect(
			applyPagePost(
				on({}),
				{},
				0,
				[
					['sat', '2'],
					['why', 'slow']
				],
				{ kind: 'next' },
				0,
				new Set(['sat', 'why'])
			)
		).toMatchObject({ kind: 'saved', page: 1 });
	});

	it('does not hold back a save or a step back', () => {
		expect(applyPagePost(on({}), {}, 0, [['sat', '1']], { kind: 'save' }, 0)).toMatchObject({ kind: 'saved', page: 0 });
	});
});

describe('an exclusive choice (issue 12, item 11)', () => {
	const withNone = {
		pages: [
			{
				name: 'p',
				elements: [
					{
						type: 'checkbox',
						name: 'offices',
						choices: ['a', 'b', { value: 'nope', text: 'Nope', isExclusive: true }],
						showNoneItem: true,
						noneText: 'None of these'
					}
				]
			}
		]
	};
	const model = (answers: Record<string, unknown>) => loadAnswers(getModel('test-none', withNone, 'fr'), answers);

	it.each([
		[['a', 'none'], 'None of these'],
		[['b', 'nope'], 'Nope']
	])('refuses %j on the server with a message naming the exclusive choice, keeping the answers', (ticked, text) => {
		const entries = ticked.map((v) => ['offices', v] as [string, string]);
		const m = model({});
		const outcome = applyPagePost(m, {}, 0, entries, { kind: 'next' }, 0);
		expect(outcome).toMatchObject({ kind: 'invalid', answers: { offices: ticked } });
		expect(
			m
				.getQuestionByName('offices')
				.errors.map((e) => e.getText())
				.join()
		).toContain(`« ${text} »`);
	});

	it('accepts an exclusive choice alone, and the others together', () => {
		expect(applyPagePost(model({}), {}, 0, [['offices', 'none']], { kind: 'review' }, 0).kind).toBe('review');
		expect(
			applyPagePost(
				model({}),
				{},
				0,
				[
					['offices', 'a'],
					['offices', 'b']
				],
				{ kind: 'review' },
				0
			).kind
		).toBe('review');
	});
});
