import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { jsonErrorOffset, lineColumn, parseQuestionnaireText } from './json-text.ts';
import { InvalidInputError } from '../errors.ts';

/** The error parseQuestionnaireText throws for `text` (it must throw one). */
function refusal(text: string): InvalidInputError {
	try {
		parseQuestionnaireText(text);
	} catch (e) {
		if (e instanceof InvalidInputError) return e;
		throw e;
	}
	throw new Error('the text was accepted');
}

describe('jsonErrorOffset', () => {
	it('finds the first syntax error of each kind, where a reader would put the cursor', () => {
		const cases: [string, number][] = [
			['{"a": tru}', 9], // V8 gives no position for an unexpected token
			['[1,]', 3],
			['{"a":1,}', 7],
			['{"a" 1}', 5],
			['{"a": "b', 8],
			['{"a": 1} x', 9],
			['{"a":01}', 6],
			['{"a":"\\q"}', 7],
			['{\n  "pages": [\n    x\n]}', 19],
			['{"a":', 5],
			['', 0],
			['{"a": 1}', -1]
		];
		for (const [text, offset] of cases) expect([text, jsonErrorOffset(text)]).toEqual([text, offset]);
	});

	it('stays exact past a number longer than a few hundred digits', () => {
		const text = `[${'1'.repeat(500)}x]`;
		expect(jsonErrorOffset(text)).toBe(501);
	});

	it('reports unclosed nesting deeper than the call stack as malformed JSON at its end, not as a crash', () => {
		const text = '['.repeat(300_000);
		const e = refusal(text);
		expect(e.code).toBe('malformed_json');
		expect(e.message).toContain(`line 1, column ${text.length + 1}`);
	});

	it('finds the error in a real questionnaire with a comma removed', () => {
		const text = readFileSync('surveys/regional-presence-2026.json', 'utf8');
		const cut = text.indexOf('},', text.length / 2) + 1;
		const broken = text.slice(0, cut) + text.slice(cut + 1);
		const offset = jsonErrorOffset(broken);
		expect(broken.slice(0, offset).trimEnd().endsWith('}')).toBe(true);
		expect(refusal(broken).message).toContain(`line ${lineColumn(broken, offset).line},`);
	});
});
