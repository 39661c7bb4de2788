import { describe, expect, it } from 'vitest';
import { removeUnreadElement } from '../authoring/operations.ts';
import { InvalidInputError } from '../errors.ts';

/** The editor's lint fix finds readers of a name as survey-core does (review finding, issue 18 item 3 of the brief). */
const questionnaire = (visibleIf: string, title = 'Why') => ({
	pages: [
		{
			name: 'p1',
			elements: [
				{ type: 'radiogroup', name: 'q1', choices: ['yes', 'no'] },
				{ type: 'comment', name: 'why', title, visibleIf }
			]
		}
	]
});

describe('removeUnreadElement reads references as survey-core does', () => {
	it('keeps a question a condition reads under another case ({Q1} reads q1 in survey-core)', () => {
		expect(() => removeUnreadElement(questionnaire("{Q1} = 'no'"), 'q1')).toThrow(InvalidInputError);
	});
	it('keeps a question read by piped text or a part of it', () => {
		expect(() => removeUnreadElement(questionnaire('', 'You said {q1}'), 'q1')).toThrow(InvalidInputError);
		expect(() => removeUnreadElement(questionnaire('{q1.a} notempty'), 'q1')).toThrow(InvalidInputError);
	});
	it('removes a question nothing reads, even when another name starts with it', () => {
		const next = removeUnreadElement(questionnaire("{q10} = 'no'"), 'q1');
		expect(JSON.stringify(next)).not.toContain('"name":"q1"');
	});
});
