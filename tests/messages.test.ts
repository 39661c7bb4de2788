import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { LOCALES } from '../src/lib/domain/locales.ts';

const load = (locale: string) => JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('application strings in six languages', () => {
	const en = load('en');
	it.each(LOCALES.filter((l) => l !== 'en'))('%s has every key of English, translated, with the same placeholders', (locale) => {
		const other = load(locale);
		expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
		for (const [key, text] of Object.entries(en)) {
			if (key === '$schema') continue;
			expect(other[key], key).toBeTruthy();
			expect(placeholders(other[key]!), key).toEqual(placeholders(text));
		}
		// Words that are the same in the other language ("Total", "Impact", "Control" in French and Spanish, the loanword "Webhooks") are fine.
		const SAME_WORD = new Set([
			'total',
			'cr_document',
			'cr_original',
			'cr_col_sector',
			'rt_col_total',
			'rt_criterion_impact',
			'rt_criterion_control',
			'webhooks_nav',
			'webhooks_title'
		]);
		const identical = Object.keys(en).filter(
			(k) => k !== '$schema' && !SAME_WORD.has(k) && en[k] === other[k] && /[a-z]{4}/.test(en[k]!.replace(/\{\w+\}/g, ''))
		);
		expect(identical, 'left in English').toEqual([]);
	});
});
