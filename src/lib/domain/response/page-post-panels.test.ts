import { describe, expect, it } from 'vitest';
import { getModel, loadAnswers } from '../survey/model-cache.ts';
import { buildPageView } from '../survey/page-view.ts';
import { applyPagePost } from './page-post.ts';

/**
 * Issue 18 (review of item 3): a follow-up inside a panel or a dynamic panel is asked
 * without JavaScript as one at page level is (issue 12, item 9): the post that reveals it
 * shows the page again with it, and its answer is then saved.
 */
const definition = {
	pages: [
		{
			name: 'p1',
			elements: [
				{
					type: 'panel',
					name: 'box',
					elements: [
						{ type: 'radiogroup', name: 'sat', choices: [1, 2, 3] },
						{ type: 'comment', name: 'why', visibleIf: '{sat} = 1' }
					]
				},
				{
					type: 'paneldynamic',
					name: 'sites',
					panelCount: 1,
					templateElements: [
						{ type: 'boolean', name: 'open' },
						{ type: 'text', name: 'since', visibleIf: '{panel.open} = true', isRequired: true }
					]
				}
			]
		},
		{ name: 'p2', elements: [{ type: 'comment', name: 'more' }] }
	]
};
const on = (answers: Record<string, unknown>) => loadAnswers(getModel('test-post-panels', definition, 'en'), answers);

describe('follow-ups inside panels (issue 18)', () => {
	it('asks a follow-up a post revealed inside a panel', () => {
		const outcome = applyPagePost(on({}), {}, 0, [['sat', '1']], { kind: 'next' }, 0);
		expect(outcome).toMatchObject({ kind: 'revealed', page: 0, revealed: ['why'], answers: { sat: 1 } });
	});

	it('asks a follow-up a post revealed inside a dynamic panel, draws it, and then saves its answer', () => {
		const model = on({});
		const outcome = applyPagePost(model, {}, 0, [['sites::0::open', 'true']], { kind: 'next' }, 0);
		expect(outcome).toMatchObject({ kind: 'revealed', page: 0, revealed: ['sites::0::since'], answers: { sites: [{ open: true }] } });
		// Drawn visible, flagged as new, and not scolded as required before it was asked.
		const view = buildPageView(model, 0, outcome.kind === 'revealed' ? outcome.revealed : []);
		const sites = view.questions.find((q) => q.name === 'sites');
		if (sites?.kind !== 'paneldynamic') throw new Error('no dynamic panel');
		const since = sites.panels[0]!.questions.find((q) => q.name === 'since')!;
		expect(since).toMatchObject({ field: 'sites::0::since', visible: true, errors: [] });
		const after = applyPagePost(
			on(outcome.answers),
			outcome.answers,
			0,
			[
				['sites::0::open', 'true'],
				['sites::0::since', '2019']
			],
			{ kind: 'next' },
			0
		);
		expect(after).toMatchObject({ kind: 'saved', page: 1, answers: { sites: [{ open: true, since: '2019' }] } });
	});

	it('moves on when the browser’s script had shown the inner follow-up', () => {
		const outcome = applyPagePost(
			on({}),
			{},
			0,
			[
				['sites::0::open', 'true'],
				['sites::0::since', '2019']
			],
			{ kind: 'next' },
			0,
			new Set(['sat', 'sites', 'sites::0::open', 'sites::0::since'])
		);
		expect(outcome).toMatchObject({ kind: 'saved', page: 1, answers: { sites: [{ open: true, since: '2019' }] } });
	});
});
