import { describe, expect, it } from 'vitest';
import { cellStatus, completeness, incompleteLanguages, sourceHash, stateKey, type StoredState } from './status.ts';
import { extractStrings, type Json } from './strings.ts';

describe('sourceHash', () => {
	it('is FNV-1a 64 of the UTF-8 bytes', () => {
		expect(sourceHash('')).toBe('cbf29ce484222325');
		expect(sourceHash('a')).toBe('af63dc4c8601ec8c');
		expect(sourceHash('é')).not.toBe(sourceHash('e'));
	});
});

describe('cellStatus', () => {
	const stored = (status: StoredState['status'], text = 'Hello'): StoredState => ({ status, sourceHash: sourceHash(text) });
	it('derives missing, needs review, stored, and draft without a row', () => {
		expect(cellStatus(null, stored('reviewed'), 'Hello')).toBe('missing');
		expect(cellStatus('Bonjour', stored('reviewed', 'Hi'), 'Hello')).toBe('needs_review');
		expect(cellStatus('Bonjour', stored('machine'), 'Hello')).toBe('machine');
		expect(cellStatus('Bonjour', undefined, 'Hello')).toBe('draft');
	});
});

describe('completeness', () => {
	const json: Json = { title: { default: 'T', fr: 'T fr', ar: 'T ar' }, description: { default: 'D', fr: 'D fr' } };
	it('counts per language and names what keeps a language incomplete', () => {
		const strings = extractStrings(json);
		const states = new Map([[stateKey('survey.title', 'ar'), { status: 'machine' as const, sourceHash: sourceHash('T') }]]);
		const c = completeness(strings, states);
		expect(c.en).toMatchObject({ total: 2, complete: 2 });
		expect(c.fr).toMatchObject({ total: 2, complete: 2, draft: 2 });
		expect(c.ar).toMatchObject({ complete: 0, machine: 1, missing: 1 });
		expect(incompleteLanguages(strings, states).map((l) => l.locale)).toEqual(['ar', 'zh', 'ru', 'es']);
	});
});
