import { describe, expect, it } from 'vitest';
import { checkQuestionnaire, lintQuestionnaireJson } from './definition.ts';
import { lintDraft } from '../authoring/lint.ts';
import { planImport } from '../translation/file-import.ts';
import { extractStrings } from '../translation/strings.ts';

/** A choice shown as "live" and stored as "evil": U+202E reverses what follows it on screen. */
const SHOWN_LIVE = '\u202Eevil';

function questionnaire(mutate: (q: Record<string, any>) => void = () => {}) {
	const json: Record<string, any> = {
		title: 'Survey',
		pages: [
			{
				name: 'p1',
				elements: [
					{
						type: 'radiogroup',
						name: 'choice_q',
						title: 'Pick one',
						choices: [
							{ value: 'good', text: 'Good' },
							{ value: 'bad', text: 'Bad' }
						]
					},
					{
						type: 'matrix',
						name: 'grid',
						title: 'Rate',
						columns: [
							{ value: 1, text: 'Low' },
							{ value: 2, text: 'High' }
						],
						rows: [{ value: 'a', text: 'Row A' }]
					},
					{ type: 'matrixdropdown', name: 'mdd', title: 'Cells', columns: [{ name: 'c1', title: 'Column one', cellType: 'text' }], rows: ['r1'] }
				]
			}
		]
	};
	mutate(json);
	return json;
}

const bidiFindings = (json: Record<string, unknown>) => lintQuestionnaireJson(json).filter((f) => f.rule === 'text/bidi-control');

describe('bidi override and isolate characters in questionnaire texts', () => {
	it('a clean questionnaire has no such finding', () => {
		expect(bidiFindings(questionnaire())).toEqual([]);
	});

	it.each([
		['a choice text', (q: any) => (q.pages[0].elements[0].choices[1].text = SHOWN_LIVE), 'pages[0].elements[0].choices[1].text'],
		[
			'a choice text in Arabic',
			(q: any) => (q.pages[0].elements[0].choices[0].text = { default: 'Good', ar: 'جيد\u2067x\u2069' }),
			'pages[0].elements[0].choices[0].text.ar'
		],
		['a choice value', (q: any) => (q.pages[0].elements[0].choices[0].value = SHOWN_LIVE), 'pages[0].elements[0].choices[0].value'],
		['a question title', (q: any) => (q.pages[0].elements[0].title = { default: 'Pick', fr: '\u202Bchoisir' }), 'pages[0].elements[0].title.fr'],
		['a description', (q: any) => (q.pages[0].elements[0].description = 'See \u202Dhere'), 'pages[0].elements[0].description'],
		['a matrix column', (q: any) => (q.pages[0].elements[1].columns[0].text = 'Lo\u202Cw'), 'pages[0].elements[1].columns[0].text'],
		['a matrix row', (q: any) => (q.pages[0].elements[1].rows[0].text = { default: 'Row', zh: '\u2066行' }), 'pages[0].elements[1].rows[0].text.zh'],
		['a dropdown-matrix column title', (q: any) => (q.pages[0].elements[2].columns[0].title = '\u2068one'), 'pages[0].elements[2].columns[0].title'],
		['the survey title', (q: any) => (q.title = { default: 'Survey', ru: 'Опрос\u202A' }), 'title.ru']
	])('%s is an error naming the character and where it is', (_, mutate, path) => {
		const findings = bidiFindings(questionnaire(mutate));
		expect(findings).toHaveLength(1);
		expect(findings[0]).toMatchObject({ severity: 'error', path });
		expect(findings[0]!.message).toMatch(/^contains U\+20(2[A-E]|6[6-9]) [A-Z -]+, an invisible character/);
	});

	it('refuses the file at import, and blocks publishing a draft', () => {
		const json = questionnaire((q) => (q.pages[0].elements[0].choices[1].text = SHOWN_LIVE));
		expect(() => checkQuestionnaire(JSON.stringify(json))).toThrow(/error/);
		expect(lintDraft(json as never, null).some((f) => f.severity === 'error' && f.rule === 'text/bidi-control')).toBe(true);
	});

	it('allows the plain direction marks U+200E and U+200F', () => {
		expect(bidiFindings(questionnaire((q) => (q.pages[0].elements[0].title = { default: 'Pick', ar: 'اختر\u200F' })))).toEqual([]);
	});

	it('refuses a translation file (XLIFF or XLSX) whose target holds one, naming the string', () => {
		const strings = extractStrings(questionnaire() as never);
		const entries = strings.map((s) => ({
			key: s.key,
			where: `row ${s.key}`,
			source: s.texts.en ?? '',
			target: s.key === 'q:choice_q.choice:bad' ? SHOWN_LIVE : '',
			status: 'draft' as const
		}));
		const plan = planImport({ locale: 'ar', entries, problems: [] }, 'ar', strings, new Map());
		expect(plan.changes).toEqual([]);
		expect(plan.problems).toEqual([
			{
				where: 'row q:choice_q.choice:bad',
				key: 'q:choice_q.choice:bad',
				message: expect.stringMatching(/^the translation contains U\+202E RIGHT-TO-LEFT OVERRIDE/)
			}
		]);
	});
});
