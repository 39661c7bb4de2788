import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseQuestionnaireText, MAX_JSON_DEPTH } from './json-text.ts';
import { addPage, addQuestion, itemLines, movePage, removeElement, removePage, updateQuestion } from './operations.ts';
import { conditionSources } from './references.ts';
import { moveElement } from './panels.ts';
import { changedNames, errorsOf, lintDraft, missingTranslations } from './lint.ts';
import { diffQuestionnaires } from './diff.ts';
import { elementNames, findElement } from './elements.ts';
import { InvalidInputError } from '../errors.ts';

const survey2026 = () => parseQuestionnaireText(readFileSync('surveys/regional-presence-2026.json', 'utf8'));
const small = () => ({
	title: 'T',
	pages: [
		{
			name: 'p1',
			elements: [
				{ type: 'radiogroup', name: 'a', title: 'A', choices: [1, 2] },
				{ type: 'text', name: 'b', title: 'B' }
			]
		},
		{ name: 'p2', elements: [{ type: 'comment', name: 'c', title: 'C' }] }
	]
});

describe('parseQuestionnaireText', () => {
	it('reports malformed JSON at its line and column', () => {
		expect(() => parseQuestionnaireText('{\n  "pages": [\n    x\n]}')).toThrow(/line 3, column 5/);
	});
	it('reports a truncated file at its end', () => {
		expect(() => parseQuestionnaireText('{\n"pages": [')).toThrow(/line 2/);
	});
	it('refuses nesting deeper than the limit', () => {
		const deep = '['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1);
		expect(() => parseQuestionnaireText(`{"pages": ${deep}}`)).toThrow(/nested deeper/);
	});
	it('refuses a non-object', () => {
		expect(() => parseQuestionnaireText('[1]')).toThrow(InvalidInputError);
	});
});

describe('draft operations', () => {
	it('adds a question with what its type needs, without touching the input', () => {
		const json = small();
		const next = addQuestion(json, { pageIndex: 1, type: 'rating', name: 'r', title: 'Rate' });
		expect(findElement(next, 'r')?.element).toMatchObject({ type: 'rating', rateMin: 1, rateMax: 5 });
		expect(findElement(json, 'r')).toBeUndefined();
	});
	it('refuses a duplicate name, an unsupported type and a bad name', () => {
		expect(() => addQuestion(small(), { pageIndex: 0, type: 'text', name: 'a', title: 'x' })).toThrow(/already used/);
		expect(() => addQuestion(small(), { pageIndex: 0, type: 'my-widget', name: 'z', title: 'x' })).toThrow(InvalidInputError);
		expect(() => addQuestion(small(), { pageIndex: 0, type: 'text', name: '1z', title: 'x' })).toThrow(InvalidInputError);
	});
	it('moves a question within its page and across pages', () => {
		let json = moveElement(small(), 'b', 'up');
		expect(elementNames(json)).toEqual(['b', 'a', 'c']);
		json = moveElement(small(), 'c', 'up');
		expect(json.pages).toMatchObject([{ elements: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] }, { elements: [] }]);
		expect(() => moveElement(small(), 'a', 'up')).toThrow(/cannot move/);
	});
	it('moves and removes pages; a page with questions is not removed', () => {
		expect((movePage(small(), 1, 'up').pages as { name: string }[]).map((p) => p.name)).toEqual(['p2', 'p1']);
		expect(() => removePage(small(), 0)).toThrow(/still has questions/);
		expect((removePage(removeElement(small(), 'c'), 1).pages as unknown[]).length).toBe(1);
		expect(() => addPage(small(), { name: 'p1', title: '' })).toThrow(/already used/);
	});
	it('updates properties, keeping the other languages of a text', () => {
		const json = survey2026();
		const next = updateQuestion(json, 'sat_responsiveness', {
			name: 'sat_responsiveness',
			title: 'Speed of the offices',
			isRequired: true,
			visibleIf: "{respondent_category} = 'ms_administration'",
			choices: itemLines((findElement(json, 'sat_responsiveness')?.element.choices as unknown[]).slice(0, 2)),
			criteria: ['efficiency'],
			reportSection: 'services',
			minLength: '',
			regex: ''
		});
		const q = findElement(next, 'sat_responsiveness')!.element as Record<string, any>;
		expect(q.title.default).toBe('Speed of the offices');
		expect(q.title.fr).toBeTruthy();
		expect(q.choices).toHaveLength(2);
		expect(q.choices[0].value).toBe(5);
		expect(q.choices[0].text.ar).toBeTruthy();
		expect(q.visibleIf).toContain('respondent_category');
		expect(q.criteria).toEqual(['efficiency']);
	});
	it('builds validators and refuses a bad regex or an inverted scale', () => {
		const next = updateQuestion(small(), 'b', { name: 'b', title: 'B', minLength: '2', maxLength: '10', regex: '^[a-z]+$' });
		expect(findElement(next, 'b')?.element.validators).toEqual([
			{ type: 'text', minLength: 2, maxLength: 10 },
			{ type: 'regex', regex: '^[a-z]+$' }
		]);
		expect(() => updateQuestion(small(), 'b', { name: 'b', title: 'B', regex: '([' })).toThrow(/regular expression/);
		const rated = addQuestion(small(), { pageIndex: 0, type: 'rating', name: 'r', title: 'R' });
		expect(() => updateQuestion(rated, 'r', { name: 'r', title: 'R', rateMin: 5, rateMax: 1 })).toThrow(/minimum/);
	});
	it('carries conditions and piped texts along when a question is renamed', () => {
		const json = updateQuestion(small(), 'c', { name: 'c', title: 'About {a}', visibleIf: '{a} = 1 and {ab} = 2' });
		const renamed = updateQuestion(json, 'a', { name: 'a2', title: 'A', choices: '1\n2' });
		expect(findElement(renamed, 'c')?.element).toMatchObject({ title: 'About {a2}', visibleIf: '{a2} = 1 and {ab} = 2' });
		expect(findElement(renamed, 'a2')?.element.title).toBe('A');
	});
	it('lists the questions before one as condition sources with their values', () => {
		const sources = conditionSources(small(), 'c');
		expect(sources.map((s) => s.name)).toEqual(['a', 'b']);
		expect(sources[0]!.values).toEqual(['1', '2']);
	});
});

describe('lintDraft', () => {
	it('has no errors on the 2026 questionnaire', () => {
		expect(errorsOf(lintDraft(survey2026(), null))).toEqual([]);
	});
	it('makes an unknown property an error and a duplicate name a warning (a shared value, as in survey-core: issue 18)', () => {
		const json = small() as Record<string, any>;
		json.pages[0].elements[1].colour = 'red';
		json.pages[1].elements[0].name = 'a';
		const findings = lintDraft(json, null);
		expect(errorsOf(findings).map((f) => f.rule)).toEqual(['property/unknown']);
		expect(findings.find((f) => f.rule === 'name/duplicate')?.severity).toBe('warning');
	});
	it('reports an unsupported type', () => {
		const json = small() as Record<string, any>;
		json.pages[0].elements[1].type = 'my-widget';
		expect(errorsOf(lintDraft(json, null)).map((f) => f.rule)).toContain('renderer/custom-type');
	});
	it('makes a page or an element that is not an object an error, with its path', () => {
		const json = small() as Record<string, any>;
		json.pages[0].elements.push('text');
		json.pages.push(42);
		const shape = errorsOf(lintDraft(json, null)).filter((f) => f.rule === 'survey/shape');
		expect(shape.map((f) => f.path)).toEqual(['pages[0].elements[2]', 'pages[2]']);
	});
	it('warns about renamed and removed names against the base version', () => {
		const base = { json: small(), label: 'x v1' };
		const renamed = updateQuestion(small(), 'b', { name: 'b2', title: 'B' });
		expect(changedNames(renamed, base)[0]!.message).toMatch(/"b" looks renamed to "b2".*x v1/);
		expect(changedNames(removeElement(small(), 'c'), base)[0]!.message).toMatch(/"c" was renamed or removed/);
	});
	it('counts missing translations per language', () => {
		const found = missingTranslations(small());
		expect(found).toHaveLength(5);
		expect(found[0]!.message).toMatch(/^4 text/);
		expect(missingTranslations(survey2026())).toEqual([]);
	});
});

describe('diffQuestionnaires', () => {
	it('lists added, removed, moved and changed elements with old and new values', () => {
		let b = addQuestion(small(), { pageIndex: 0, type: 'text', name: 'd', title: 'D' });
		b = removeElement(b, 'c');
		b = moveElement(b, 'b', 'up');
		b = updateQuestion(b, 'a', { name: 'a', title: 'A2', choices: '1\n2' });
		const diff = diffQuestionnaires(small(), b);
		expect(diff).toContainEqual(expect.objectContaining({ name: 'd', kind: 'added' }));
		expect(diff).toContainEqual(expect.objectContaining({ name: 'c', kind: 'removed' }));
		expect(diff).toContainEqual(expect.objectContaining({ name: 'b', kind: 'moved', from: 'p1/2', to: 'p1/1' }));
		expect(diff).toContainEqual({
			name: 'a',
			kind: 'changed',
			changes: [expect.objectContaining({ property: 'choices' }), { property: 'title', before: 'A', after: 'A2' }]
		});
	});
});
