import { describe, expect, it } from 'vitest';
import { columnLines, namedItemLines } from './columns.ts';
import { updateQuestion } from './operations.ts';
import { questionFormValues } from './question-form.ts';
import { findElement } from './elements.ts';
import { errorsOf, lintDraft } from './lint.ts';
import type { JsonObject } from './json-text.ts';

const survey = (): JsonObject => ({
	pages: [
		{
			name: 'p1',
			elements: [
				{
					type: 'matrixdropdown',
					name: 'plan',
					title: 'Plan',
					rows: ['y1'],
					columns: [
						{
							name: 'pri',
							title: { default: 'Priority', fr: 'Priorité' },
							cellType: 'dropdown',
							choices: [{ value: 'high', text: { default: 'High', fr: 'Haute' } }, 'low']
						},
						{ name: 'note', cellType: 'text' }
					]
				},
				{ type: 'multipletext', name: 'contact', title: 'Contact', items: [{ name: 'phone', title: { default: 'Phone', ar: 'الهاتف' } }, { name: 'mail' }] }
			]
		}
	]
});
const edit = (name: string, fields: Record<string, string>) => updateQuestion(survey(), name, { name, title: name === 'plan' ? 'Plan' : 'Contact', ...fields });

describe('matrixdropdown columns in the property form', () => {
	it('shows the columns as lines and reads them back unchanged', () => {
		const lines = questionFormValues(findElement(survey(), 'plan')!.element).columns!;
		expect(lines).toBe('pri|Priority|dropdown|high, low\nnote||text');
		expect(findElement(edit('plan', { columns: lines }), 'plan')!.element.columns).toEqual(findElement(survey(), 'plan')!.element.columns);
	});

	it('edits titles, cell types and choices, keeping translations of what stays', () => {
		const next = edit('plan', { columns: 'pri|Importance|dropdown|high, medium\nnote|Note|comment\nwhen|When|text' });
		expect(findElement(next, 'plan')!.element.columns).toEqual([
			{
				name: 'pri',
				title: { default: 'Importance', fr: 'Priorité' },
				cellType: 'dropdown',
				choices: [{ value: 'high', text: { default: 'High', fr: 'Haute' } }, 'medium']
			},
			{ name: 'note', title: 'Note', cellType: 'comment' },
			{ name: 'when', title: 'When', cellType: 'text' }
		]);
		expect(errorsOf(lintDraft(next, null))).toEqual([]);
	});

	it('refuses a cell type the renderer does not draw, a dropdown without choices, a bad or repeated name', () => {
		expect(() => edit('plan', { columns: 'pri|P|expression|a' })).toThrow(/not drawn/);
		expect(() => edit('plan', { columns: 'pri|P|dropdown' })).toThrow(/needs its choices/);
		expect(() => edit('plan', { columns: '2nd|P|text' })).toThrow(/not a name/);
		expect(() => edit('plan', { columns: 'a||text\na||text' })).toThrow(/appears twice/);
		expect(() => edit('plan', { columns: '\n' })).toThrow(/at least one/);
	});
});

describe('multipletext items in the property form', () => {
	it('shows and edits the items, keeping translations', () => {
		expect(namedItemLines(findElement(survey(), 'contact')!.element.items)).toBe('phone|Phone\nmail|');
		const next = edit('contact', { items: 'phone|Telephone\nmail|E-mail\nfax' });
		expect(findElement(next, 'contact')!.element.items).toEqual([
			{ name: 'phone', title: { default: 'Telephone', ar: 'الهاتف' } },
			{ name: 'mail', title: 'E-mail' },
			{ name: 'fax' }
		]);
		expect(() => edit('contact', { items: 'a b|x' })).toThrow(/not a name/);
	});

	it('ignores fields a type does not have', () => {
		expect(findElement(edit('contact', { columns: 'x||text' }), 'contact')!.element).not.toHaveProperty('columns');
		expect(columnLines(undefined)).toBe('');
	});
});
