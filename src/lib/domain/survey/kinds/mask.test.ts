import { describe, expect, it } from 'vitest';
import { Model, type Question } from 'survey-core';
import { getModel, loadAnswers } from '../model-cache.ts';
import { parsePageAnswers } from '../page-form.ts';
import { buildPageView } from '../page-view.ts';

/**
 * Input masks (issue 18, item 3): what survey-core stores when a respondent types into a
 * masked input (QuestionTextModel.inputValue, what its input element sets) is what the page's
 * post stores: a number for "numeric" and "currency", the text without the pattern's literals
 * for "pattern", an ISO date for "datetime", the masked text with saveMaskedValue. The page
 * shows the stored value masked, so posting it back stores it unchanged. Text that does
 * not fill the mask is kept as typed (survey-core drops it): nothing a respondent types is lost.
 */
const elements = [
	{ type: 'text', name: 'dose', maskType: 'numeric', maskSettings: { precision: 3 } },
	{ type: 'text', name: 'price', maskType: 'currency', maskSettings: { prefix: '$ ' } },
	{ type: 'text', name: 'phone', maskType: 'pattern', maskSettings: { pattern: '99999 999999' } },
	{ type: 'text', name: 'postcode', maskType: 'pattern', maskSettings: { pattern: 'aa99 9aa' } },
	{ type: 'text', name: 'born', maskType: 'datetime', maskSettings: { pattern: 'mm/dd/yyyy' } },
	{ type: 'text', name: 'code', maskType: 'pattern', maskSettings: { pattern: '999-999', saveMaskedValue: true } }
];
const json = { pages: [{ name: 'p', elements }] };

/** What survey-core stores once a respondent has typed `typed` into the question's input. */
function surveyCoreStores(name: string, typed: string): unknown {
	const q = new Model(json).getQuestionByName(name) as Question & { inputValue: string };
	q.inputValue = typed;
	return q.value;
}

const ours = (name: string, typed: string) => parsePageAnswers(loadAnswers(getModel('masks', json, 'en'), {}), 0, [[name, typed]])[name];

const typedByMask: [string, string, string, unknown][] = [
	['numeric', 'dose', '1,234.567', 1234.567],
	['numeric', 'dose', '12.5', 12.5],
	['currency', 'price', '$ 1,234.50', 1234.5],
	['currency', 'price', '99', 99],
	['pattern', 'phone', '07123 456789', '07123456789'],
	['pattern', 'postcode', 'sw11 1aa', 'sw111aa'],
	['datetime', 'born', '12/31/2026', '2026-12-31'],
	['pattern with saveMaskedValue', 'code', '123-456', '123-456']
];

describe('a masked text input', () => {
	for (const [mask, name, typed, stored] of typedByMask) {
		it(`"${mask}": "${typed}" is stored as survey-core stores it (${JSON.stringify(stored)})`, () => {
			expect(surveyCoreStores(name, typed)).toEqual(stored);
			expect(ours(name, typed)).toEqual(stored);
		});
	}

	it('takes what was typed without the literals, as the masked input would have shown it', () => {
		// Without JavaScript nothing inserts the space or the slashes as the person types.
		expect(ours('phone', '07123456789')).toBe('07123456789');
		expect(ours('born', '2026-12-31')).toBe('2026-12-31');
	});

	it('keeps what was typed where survey-core would silently drop it, and shows it again as typed', () => {
		// survey-core stores nothing for text that does not fill the mask; a respondent must never lose an answer.
		expect(surveyCoreStores('phone', '0712')).toBeUndefined();
		expect(surveyCoreStores('dose', 'abc')).toBeUndefined();
		const kept = { phone: '0712', dose: 'abc', born: '12312026' };
		for (const [name, typed] of Object.entries(kept)) expect(ours(name, typed)).toBe(typed);
		expect(ours('phone', '  ')).toBeUndefined();
		const view = buildPageView(loadAnswers(getModel('masks', json, 'en'), kept), 0);
		const shown = Object.fromEntries(view.questions.map((q) => [q.name, q.kind === 'text' ? q.value : null]));
		expect(shown).toMatchObject(kept);
	});

	it('shows the stored value masked, and posting it back keeps it', () => {
		const answers = { dose: 1234.567, phone: '07123456789', born: '2026-12-31', code: '123-456' };
		const view = buildPageView(loadAnswers(getModel('masks', json, 'en'), answers), 0);
		const shown = Object.fromEntries(view.questions.map((q) => [q.name, q.kind === 'text' ? q.value : null]));
		expect(shown).toMatchObject({ dose: '1,234.567', phone: '07123 456789', born: '12/31/2026', code: '123-456' });
		for (const [name, value] of Object.entries(answers)) expect(ours(name, shown[name]!)).toEqual(value);
	});
});
