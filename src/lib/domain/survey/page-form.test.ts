import { describe, expect, it } from 'vitest';
import { getModel, loadAnswers } from './model-cache.ts';
import { parsePageAnswers } from './page-form.ts';
import { InvalidInputError } from '../errors.ts';

const definition = {
	pages: [
		{
			name: 'p1',
			elements: [
				{ type: 'radiogroup', name: 'sat', choices: [5, 4, 3, 2, 1, 'na'], isRequired: true },
				{ type: 'checkbox', name: 'offices', choices: ['RO-AFR', 'RO-EUR'] },
				{ type: 'matrix', name: 'grid', columns: [1, 2, 3], rows: ['a', 'b'] },
				{ type: 'comment', name: 'why', maxLength: 20 },
				{ type: 'boolean', name: 'ok' }
			]
		}
	]
};

const model = () => loadAnswers(getModel('test-form', definition, 'en'), {});
const parse = (entries: [string, string][]) => parsePageAnswers(model(), 0, entries);
const codeOf = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		return e instanceof InvalidInputError ? e.code : 'other';
	}
	return 'none';
};

describe('parsePageAnswers', () => {
	it('turns form strings back into the questionnaire values and types', () => {
		expect(
			parse([
				['sat', '4'],
				['offices', 'RO-EUR'],
				['offices', 'RO-AFR'],
				['grid::a', '2'],
				['why', 'because'],
				['ok', 'false']
			])
		).toEqual({
			sat: 4,
			offices: ['RO-AFR', 'RO-EUR'],
			grid: { a: 2 },
			why: 'because',
			ok: false
		});
	});

	it('keeps "no interaction" as its own value, and clears what was not sent', () => {
		expect(parse([['sat', 'na']])).toEqual({ sat: 'na', offices: undefined, grid: undefined, why: undefined, ok: undefined });
	});

	it.each([
		['unknown_field', [['forged', 'x']]],
		['invalid_choice', [['sat', '7']]],
		['invalid_choice', [['grid::a', '9']]],
		['unknown_field', [['grid::z', '1']]],
		[
			'too_many_values',
			[
				['sat', '4'],
				['sat', '5']
			]
		],
		['too_long', [['why', 'x'.repeat(21)]]],
		['invalid_characters', [['why', 'abc\u202Edef']]],
		['invalid_characters', [['why', 'broken \uFFFD utf-8']]],
		['invalid_choice', [['ok', 'maybe']]]
	] as [string, [string, string][]][])('refuses %s', (code, entries) => {
		expect(codeOf(() => parse(entries))).toBe(code);
	});

	it('accepts Arabic text with right-to-left marks', () => {
		expect(parse([['why', 'نعم\u200F شكرا']]).why).toBe('نعم\u200F شكرا');
	});
});

describe('parsePageAnswers for lists, rankings and grids', () => {
	const more = {
		pages: [
			{
				name: 'p',
				elements: [
					{ type: 'ranking', name: 'order', choices: ['a', 'b', 'c'] },
					{ type: 'multipletext', name: 'contact', items: [{ name: 'name' }, { name: 'phone' }] },
					{
						type: 'matrixdropdown',
						name: 'plan',
						columns: [
							{ name: 'pri', cellType: 'dropdown', choices: ['high', 'low'] },
							{ name: 'note', cellType: 'text' }
						],
						rows: ['y1']
					},
					{ type: 'tagbox', name: 'tags', choices: ['x', 'y'] },
					{ type: 'panel', name: 'box', elements: [{ type: 'text', name: 'inside' }] },
					{ type: 'expression', name: 'calc', expression: '1 + 1' }
				]
			}
		]
	};
	const parseMore = (entries: [string, string][]) => parsePageAnswers(loadAnswers(getModel('test-more', more, 'en'), {}), 0, entries);

	it('orders a ranking by the ranks given, ties in questionnaire order, unranked last', () => {
		expect(
			parseMore([
				['order::c', '1'],
				['order::a', '2'],
				['order::b', '2']
			]).order
		).toEqual(['c', 'a', 'b']);
		expect(parseMore([['order::b', '1']]).order).toEqual(['b', 'a', 'c']);
		expect(parseMore([]).order).toBeUndefined();
		expect(codeOf(() => parseMore([['order::a', '9']]))).toBe('invalid_choice');
	});

	it('reads multiple text items, grid cells, tag lists and questions inside panels; ignores display-only elements', () => {
		expect(
			parseMore([
				['contact::name', 'Awa'],
				['plan::y1::pri', 'low'],
				['plan::y1::note', 'ok'],
				['tags', 'y'],
				['inside', 'in a panel']
			])
		).toEqual({
			order: undefined,
			contact: { name: 'Awa' },
			plan: { y1: { pri: 'low', note: 'ok' } },
			tags: ['y'],
			inside: 'in a panel'
		});
		expect(codeOf(() => parseMore([['plan::y1::pri', 'urgent']]))).toBe('invalid_choice');
		expect(codeOf(() => parseMore([['calc', '3']]))).toBe('unknown_field');
	});
});
