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
		expect(parse([['sat', '4'], ['offices', 'RO-EUR'], ['offices', 'RO-AFR'], ['grid::a', '2'], ['why', 'because'], ['ok', 'false']])).toEqual({
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
		['too_many_values', [['sat', '4'], ['sat', '5']]],
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
