import { describe, expect, it } from 'vitest';
import { Model, type PageModel } from 'survey-core';
import { normalizeQuestionnaire } from './normalize.ts';

/**
 * questionsOnPageMode (issue 18, item 4: wedr-political-opinions): the pages the import makes
 * show, one after another, what survey-core shows in that mode, for the same answers.
 */
const pages = [
	{
		name: 'opinions',
		title: 'Your opinions',
		description: 'From 0 to 5',
		elements: [
			{ type: 'radiogroup', name: 'women', choices: [0, 1, 2], isRequired: true },
			{ type: 'text', name: 'why', visibleIf: '{women} = 2' },
			{
				type: 'panel',
				name: 'more',
				elements: [
					{ type: 'text', name: 'a' },
					{ type: 'text', name: 'b' }
				]
			}
		]
	},
	{ name: 'cars', visibleIf: '{women} > 0', elements: [{ type: 'boolean', name: 'driving' }] },
	{ name: 'end', elements: [{ type: 'comment', name: 'remarks' }] }
];

describe('questionsOnPageMode "questionPerPage"', () => {
	const json = { questionsOnPageMode: 'questionPerPage', pages };
	const { json: made, findings } = normalizeQuestionnaire(json);

	it('is said to the author', () => {
		expect(findings.map((f) => f.rule)).toContain('survey/questions-on-page-mode');
	});

	for (const data of [{}, { women: 2 }, { women: 1, why: 'x' }, { women: 0 }]) {
		it(`shows survey-core's single elements as pages, with their page's title (${JSON.stringify(data)})`, () => {
			const original = new Model(json);
			original.data = data;
			const paged = new Model(made);
			paged.data = data;
			// survey-core's sequence in that mode: the visible top-level elements of the visible pages.
			const single = (original as unknown as { getSingleElements(): { name: string; page: PageModel }[] }).getSingleElements();
			expect(paged.visiblePages.map((p) => p.elements.filter((e) => e.isVisible).map((e) => e.name))).toEqual(single.map((e) => [e.name]));
			expect(paged.visiblePages.map((p) => p.title)).toEqual(single.map((e) => e.page.title));
			expect(paged.data).toEqual(original.data);
		});
	}

	it('walks the same questions as survey-core, page by page', () => {
		const original = new Model(json);
		const seen: string[] = [];
		for (let guard = 0; guard < 10; guard++) {
			const q = original.currentSingleQuestion ?? (original as unknown as { currentSingleElement: { name: string } }).currentSingleElement;
			seen.push(q.name);
			if (q.name === 'women') original.setValue('women', 1);
			if (original.isLastPage || !original.nextPage()) break;
		}
		const paged = new Model(made);
		paged.setValue('women', 1);
		expect(paged.visiblePages.flatMap((p) => p.elements.filter((e) => e.isVisible).map((e) => e.name))).toEqual(seen);
	});
});

describe('questionsOnPageMode "singlePage"', () => {
	it('shows every page as a panel of one page, as survey-core does', () => {
		const json = { questionsOnPageMode: 'singlePage', pages };
		const original = new Model(json);
		const paged = new Model(normalizeQuestionnaire(json).json);
		for (const data of [{}, { women: 1 }]) {
			original.data = data;
			paged.data = data;
			expect(paged.visiblePages.length).toBe(1);
			expect(original.visiblePages.length).toBe(1);
			const names = (m: Model) =>
				(m.visiblePages[0]!.questions as { name: string; isVisible: boolean; isParentVisible: boolean }[])
					.filter((q) => q.isVisible && q.isParentVisible)
					.map((q) => q.name);
			expect(names(paged)).toEqual(names(original));
		}
	});
});
