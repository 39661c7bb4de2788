import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractStrings, setTranslation, type Json } from './strings.ts';
import { LOCALES } from '../locales.ts';

const survey2026 = JSON.parse(readFileSync('surveys/regional-presence-2026.json', 'utf8')) as Json;

const sample: Json = {
	title: 'Survey',
	pages: [
		{
			name: 'p1',
			title: { default: 'Page one', fr: 'Page un' },
			elements: [
				{ type: 'radiogroup', name: 'q1', title: 'Q1', choices: [{ value: 5, text: 'Five' }, 'plain'], validators: [{ type: 'expression', text: 'Bad' }] },
				{ type: 'matrix', name: 'm', columns: [{ value: 1, text: 'One' }], rows: [{ value: 'r1', text: 'Row 1' }] },
				{ type: 'matrixdropdown', name: 'md', columns: [{ name: 'c', title: 'Col', choices: [{ value: 'a', text: 'A' }] }] },
				{ type: 'multipletext', name: 'mt', items: [{ name: 'i1', title: 'Item' }] },
				{ type: 'panel', name: 'pan', title: 'Panel', elements: [{ type: 'text', name: 'inner', placeholder: 'Type' }] }
			]
		}
	],
	completedHtml: '<p>Thanks</p>'
};

describe('extractStrings', () => {
	it('finds every localizable property with a stable key', () => {
		expect(extractStrings(sample).map((s) => s.key)).toEqual([
			'survey.title',
			'survey.completedHtml',
			'page:p1.title',
			'q:q1.title',
			'q:q1.choice:5',
			'q:q1.validator:0.text',
			'q:m.row:r1',
			'q:m.col:1',
			'q:md.col:c',
			'q:md.col:c.choice:a',
			'q:mt.item:i1',
			'q:pan.title',
			'q:inner.placeholder'
		]);
	});

	it('reads plain strings as English and objects per language', () => {
		const page = extractStrings(sample).find((s) => s.key === 'page:p1.title')!;
		expect(page.texts).toMatchObject({ en: 'Page one', fr: 'Page un', ar: null });
		expect(extractStrings(sample)[0]!.texts.en).toBe('Survey');
	});

	it('finds the 191 strings of the 2026 questionnaire (counted by hand), each key once, all six languages present', () => {
		const strings = extractStrings(survey2026);
		expect(strings).toHaveLength(191);
		expect(new Set(strings.map((s) => s.key)).size).toBe(191);
		for (const s of strings) for (const l of LOCALES) expect(s.texts[l], `${s.key} ${l}`).toBeTruthy();
	});
});

describe('setTranslation', () => {
	it('returns new JSON with the text set, leaving the input unchanged', () => {
		const out = setTranslation(sample, 'q:q1.title', 'zh', '问题');
		expect(extractStrings(out).find((s) => s.key === 'q:q1.title')!.texts).toMatchObject({ en: 'Q1', zh: '问题' });
		expect(JSON.stringify(out)).toContain('"zh-cn":"问题"');
		expect(extractStrings(sample).find((s) => s.key === 'q:q1.title')!.texts.zh).toBeNull();
	});

	it('removes a language with an empty text and refuses an unknown key', () => {
		const out = setTranslation(sample, 'page:p1.title', 'fr', '');
		expect(extractStrings(out).find((s) => s.key === 'page:p1.title')!.texts.fr).toBeNull();
		expect(() => setTranslation(sample, 'q:nope.title', 'fr', 'x')).toThrow(/no translatable string/);
	});
});
