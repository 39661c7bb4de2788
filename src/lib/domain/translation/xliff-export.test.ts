import { describe, expect, it } from 'vitest';
// saxes is the strict XML 1.0 parser ExcelJS reads workbooks with (installed with it): unlike
// fast-xml-parser's validator it refuses the characters XML forbids, as translators' tools do.
import { SaxesParser } from 'saxes';
import { parseXliff, toXliff } from './xliff.ts';
import { toXliff12 } from './xliff12.ts';
import { planImport } from './file-import.ts';
import { extractStrings, type Json } from './strings.ts';
import { sourceHash, stateKey, type StoredState } from './status.ts';

/** Parses `xml` strictly; returns the text of every `<source>` and `<target>`, or throws the parser's first error. */
function strictTexts(xml: string): { source: string[]; target: string[] } {
	const parser = new SaxesParser({ xmlns: true });
	const out = { source: [] as string[], target: [] as string[] };
	const errors: string[] = [];
	let inside: 'source' | 'target' | null = null;
	parser.on('error', (e) => errors.push(e.message));
	parser.on('opentag', (tag) => {
		if (tag.local !== 'source' && tag.local !== 'target') return;
		inside = tag.local;
		out[inside].push('');
	});
	parser.on('text', (text) => {
		if (inside) out[inside].push(out[inside].pop() + text);
	});
	parser.on('closetag', () => (inside = null));
	parser.write(xml).close();
	if (errors.length) throw new Error(errors.join('; '));
	return out;
}

// Word writes a manual line break as U+000B and a page break as U+000C; pasted texts bring them along.
const WORD_TEXT = 'Line one\u000Bline two\u000Cpage two, bell\u0007, null\u0000, CRLF\r\nend';
const json: Json = {
	title: { default: 'Survey', fr: 'Enquête\u000Bdeux lignes' },
	pages: [
		{
			name: 'p',
			elements: [{ type: 'radiogroup', name: 'q', title: { default: WORD_TEXT, fr: `FR ${WORD_TEXT}` }, choices: [{ value: 1, text: 'One\u001Fhidden' }] }]
		}
	]
};
const strings = extractStrings(json);
const states = new Map<string, StoredState>([[stateKey('q:q.title', 'fr'), { status: 'reviewed', sourceHash: sourceHash(WORD_TEXT) }]]);

describe('XLIFF export of texts with characters XML 1.0 forbids', () => {
	it.each([
		['2.0', toXliff],
		['1.2', toXliff12]
	])('XLIFF %s is accepted by a strict XML parser', (_, write) => {
		const texts = strictTexts(write(strings, states, 'fr', 'demo'));
		// Line and page breaks become line feeds, other control characters are dropped, CRLF is one line feed.
		expect(texts.source).toEqual(['Survey', 'Line one\nline two\npage two, bell, null, CRLF\nend', 'Onehidden']);
		expect(texts.target).toEqual(['Enquête\ndeux lignes', 'FR Line one\nline two\npage two, bell, null, CRLF\nend']);
	});

	it.each([
		['2.0', toXliff],
		['1.2', toXliff12]
	])('XLIFF %s: importing the untouched export changes nothing and finds no stale source', (_, write) => {
		expect(planImport(parseXliff(write(strings, states, 'fr', 'demo')), 'fr', strings, states)).toEqual({ changes: [], problems: [] });
	});

	it('writes lone surrogates (broken UTF-16) as nothing rather than as U+FFFD garbage', () => {
		const broken = extractStrings({ title: 'A\uD800B', pages: [] });
		expect(strictTexts(toXliff(broken, new Map(), 'fr', 'demo')).source).toEqual(['AB']);
	});
});
