import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../../domain/analysis/catalogue.ts';
import { annexOf } from './report-annex.ts';

/** Annex A, the questionnaire (issue 15): every question a respondent answers, the cells of matrices and dynamic panels included. */
const catalogue: Catalogue = { scales: [], choices: [], texts: [], sections: [], criteria: [] };
const definition = {
	pages: [
		{
			elements: [
				{
					type: 'radiogroup',
					name: 'overall',
					title: { default: 'Overall satisfaction' },
					choices: [
						{ value: 1, text: 'Low' },
						{ value: 2, text: 'High' }
					]
				},
				{ type: 'comment', name: 'why', title: { default: 'You answered "{overall}". Why?' } },
				{
					type: 'matrix',
					name: 'grid',
					title: { default: 'Rate each priority' },
					rows: [
						{ value: 'a', text: 'Priority A' },
						{ value: 'b', text: 'Priority B' }
					],
					columns: [
						{ value: 1, text: 'Poor' },
						{ value: 2, text: 'Good' }
					]
				},
				{
					type: 'matrixdropdown',
					name: 'offices',
					title: { default: 'Each office' },
					rows: [{ value: 'nairobi', text: 'Nairobi' }],
					columns: [
						{ name: 'visits', title: { default: 'Visits per year' }, cellType: 'text' },
						{ name: 'quality', title: { default: 'Quality of visits' }, cellType: 'dropdown', choices: [{ value: 'g', text: 'Good' }] }
					]
				},
				{
					type: 'paneldynamic',
					name: 'projects',
					title: { default: 'Projects' },
					templateElements: [{ type: 'text', name: 'project_name', title: { default: 'Project name' } }]
				},
				{
					type: 'checkbox',
					name: 'offices_seen',
					title: { default: 'Offices dealt with' },
					choices: [{ value: 'nairobi', text: 'Nairobi' }],
					showNoneItem: true,
					noneText: { default: 'None of these offices' }
				},
				{ type: 'text', name: 'which', title: { default: 'Which events?' }, visibleIf: "{offices_seen} notcontains 'none'" },
				{ type: 'panel', name: 'box', elements: [{ type: 'text', name: 'inner', title: { default: 'A question in a panel' } }] }
			]
		}
	]
};

describe('the questionnaire annex of the Council report', () => {
	const annex = annexOf(definition, catalogue, 'en');
	const titles = annex.map((q) => q.title);

	it('writes a piped answer in words, not as an ellipsis or a placeholder', () => {
		expect(titles).toContain('You answered "[the answer to “Overall satisfaction”]". Why?');
		expect(titles.join(' ')).not.toMatch(/…|\{/);
	});

	it("names survey-core's none item by its text in a condition, never by its value", () => {
		const which = annex.find((q) => q.title === 'Which events?')!;
		expect(which.condition).toContain('“None of these offices”');
	});

	it("lists a matrix's rows and its scale, a dropdown matrix's columns, a dynamic panel's questions and a panel's questions", () => {
		const grid = annex.find((q) => q.title === 'Rate each priority')!;
		expect(grid.rows).toEqual(['Priority A', 'Priority B']);
		expect(grid.choices).toEqual(['Poor', 'Good']);
		const offices = annex.find((q) => q.title === 'Each office')!;
		expect(offices.rows).toEqual(['Nairobi']);
		expect(titles).toContain('Each office: Visits per year');
		expect(annex.find((q) => q.title === 'Each office: Quality of visits')!.choices).toEqual(['Good']);
		expect(titles).toContain('Projects: Project name');
		expect(titles).toContain('A question in a panel');
	});
});
