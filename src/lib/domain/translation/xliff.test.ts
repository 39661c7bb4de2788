import { describe, expect, it } from 'vitest';
import { parseXliff, toXliff } from './xliff.ts';
import { toXliff12 } from './xliff12.ts';
import { tooDeepAt } from './xliff-common.ts';
import { planImport } from './file-import.ts';
import { extractStrings, type Json } from './strings.ts';
import { sourceHash, stateKey, type StoredState } from './status.ts';

const json: Json = {
	title: { default: 'Survey & <more>', fr: 'Enquête' },
	pages: [{ name: 'p', elements: [{ type: 'radiogroup', name: 'q', title: 'Q?', choices: [{ value: 1, text: '=1+1' }] }] }]
};
const strings = extractStrings(json);
const states = new Map<string, StoredState>([[stateKey('q:q.title', 'fr'), { status: 'machine', sourceHash: sourceHash('Q?') }]]);

describe('XLIFF 2.0', () => {
	it('round-trips: an untouched export plans no change', () => {
		const xml = toXliff(strings, states, 'fr', 'demo');
		expect(xml).toContain('trgLang="fr"');
		expect(xml).toContain('<source>Survey &amp; &lt;more&gt;</source>');
		const parsed = parseXliff(xml);
		expect(parsed.problems).toEqual([]);
		expect(parsed.entries.map((e) => [e.key, e.target, e.status])).toEqual([
			['survey.title', 'Enquête', 'draft'],
			['q:q.title', '', 'draft'],
			['q:q.choice:1', '', 'draft']
		]);
		expect(planImport(parsed, 'fr', strings, states)).toEqual({ changes: [], problems: [] });
	});

	it('applies an edited target and a reviewed state', () => {
		const xml = toXliff(strings, states, 'fr', 'demo')
			.replace('<source>=1+1</source>', '<source>=1+1</source><target>=1+1 fr</target>')
			.replace('<segment state="translated">\n        <source>Survey', '<segment state="reviewed">\n        <source>Survey');
		const plan = planImport(parseXliff(xml), 'fr', strings, states);
		expect(plan.problems).toEqual([]);
		expect(plan.changes).toEqual([
			{ key: 'survey.title', text: 'Enquête', status: 'reviewed' },
			{ key: 'q:q.choice:1', text: '=1+1 fr', status: 'draft' }
		]);
	});

	it('reports malformed XML with its line and column', () => {
		const parsed = parseXliff('<xliff version="2.0">\n<file>\n</xliff>');
		expect(parsed.problems[0]!.where).toMatch(/^line \d+, column \d+$/);
		expect(parsed.problems[0]!.message).toMatch(/malformed XML/);
	});

	it('refuses unknown, missing and duplicate ids, a stale source and the wrong language, with nothing to apply', () => {
		const xml = toXliff(strings, states, 'fr', 'demo')
			.replace('id="q:q.title"', 'id="q:zz.title"')
			.replace('<source>=1+1</source>', '<source>=2</source><target>x</target>');
		const plan = planImport(parseXliff(xml), 'ar', strings, states);
		expect(plan.changes).toEqual([]);
		const msgs = plan.problems.map((p) => `${p.where ?? '-'} ${p.key ?? '-'} ${p.message.split(':')[0]}`);
		expect(msgs).toEqual([
			'- - the file is for language "fr", not "ar"',
			'line 13 q:zz.title unknown id',
			"line 21 q:q.choice:1 the English source differs from the questionnaire's",
			'- q:q.title missing id'
		]);
		const dup = toXliff(strings, states, 'fr', 'demo').replace('id="q:q.title"', 'id="survey.title"');
		expect(planImport(parseXliff(dup), 'fr', strings, states).problems.map((p) => p.message.split(':')[0])).toEqual(['duplicate id', 'missing id']);
	});
});

describe('XLIFF 1.2', () => {
	it('round-trips through the same parser, states included', () => {
		const xml = toXliff12(strings, states, 'zh', 'demo');
		expect(xml).toContain('target-language="zh-CN"');
		const parsed = parseXliff(xml);
		expect(parsed.locale).toBe('zh');
		expect(planImport(parsed, 'zh', strings, states)).toEqual({ changes: [], problems: [] });
		const edited = xml.replace('<source>Q?</source>', '<source>Q?</source>\n          <target state="signed-off">问？</target>');
		expect(planImport(parseXliff(edited), 'zh', strings, states).changes).toEqual([{ key: 'q:q.title', text: '问？', status: 'reviewed' }]);
		const unknown = parseXliff(xml.replace('id="q:q.title"', 'id="q:other"'));
		expect(planImport(unknown, 'zh', strings, states).problems.map((p) => `${p.where} ${p.key}`)).toEqual(['line 9 q:other', 'null q:q.title']);
	});
});

describe('hostile XLIFF', () => {
	it('refuses elements nested far deeper than XLIFF needs, with the line, before the parser recurses', () => {
		const xml = `<?xml version="1.0"?>\n<xliff version="2.0" srcLang="en" trgLang="fr">\n${'<g>'.repeat(10_000)}${'</g>'.repeat(10_000)}</xliff>`;
		expect(tooDeepAt(xml)).toBe(3);
		expect(tooDeepAt('<a><b/><c></c></a>', 2)).toBeNull();
		expect(parseXliff(xml).problems[0]).toMatchObject({ where: 'line 3' });
		expect(tooDeepAt('<a><b><c/></b></a>', 1)).toBe(1);
	});
});
