import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../../domain/locales.ts';
import { distributionTable } from '../charts/chart-council.ts';
import { heldToNext, tableColumnWidths } from './council-layout.ts';
import { distributionTableLayout } from './council-sections.ts';
import { CouncilWords } from './council-words.ts';

/** The Kigali items of the 2026 questionnaire, in each language: the rows of a section 3 distribution table. */
const survey = JSON.parse(readFileSync('surveys/regional-presence-2026.json', 'utf8')) as {
	pages: { elements: { name: string; title: Record<string, string>; rows?: { value: string; text: Record<string, string> }[] }[] }[];
};
const kigali = survey.pages.flatMap((p) => p.elements).find((e) => e.name === 'sat_itud_priorities')!;
const key = (locale: string) => (locale === 'en' ? 'default' : locale === 'zh' ? 'zh-cn' : locale);

describe('the distribution table of the Council report', () => {
	it.each(LOCALES)('in %s gives the item column the most room, the last columns short names and a legend naming them', (locale) => {
		const rows = kigali.rows!.map((r, i) => ({ label: r.text[key(locale)]!, counts: [12, 30, 41, 25 + i, 9], na: 14 }));
		const chart = distributionTable({ rows }, locale);
		const w = new CouncilWords(locale);
		const { header, legend } = distributionTableLayout(chart.header, w);
		const widths = tableColumnWidths(header, chart.rows);
		// The Russian "Не взаимодействовали / затрудняемся ответить" left the items a narrower column than its own.
		expect(widths[0], `${locale}: ${widths}`).toBe(Math.max(...widths));
		expect(widths[0]!, `${locale}: ${widths}`).toBeGreaterThan(widths.slice(1).reduce((a, b) => a + b, 0) / 2);
		// The legend names every column the header abbreviates.
		for (const full of chart.header.slice(-2)) expect(legend.toLocaleLowerCase(locale)).toContain(full.toLocaleLowerCase(locale));
		// The scale points are set apart: Intl's "unit" list ran them together in Chinese ("1 = 非常不满意2 = 不满意") and Russian.
		const points = chart.header.slice(1, -2);
		for (let i = 1; i < points.length; i++)
			expect(legend, `${locale}: before point ${i + 1}`).toMatch(new RegExp(`${points[i - 1]!.toLocaleLowerCase(locale)}[;；؛،,]\\s*${w.int(i + 1)} =`));
	});
});

describe('the rows of a Council report table kept with the next', () => {
	const kept = (count: number) => Array.from({ length: count }, (_, row) => heldToNext(count)(row));
	it('keep a short table whole: every row but the last', () => {
		expect(kept(5)).toEqual([true, true, true, true, false]);
		expect(kept(15).filter(Boolean)).toHaveLength(14);
	});
	it('start and end a long table with three rows together, and let it break in between', () => {
		const rows = kept(20);
		expect(rows.slice(0, 4)).toEqual([true, true, true, false]);
		expect(rows.slice(16)).toEqual([false, true, true, false]);
		expect(rows.slice(3, 17).every((k) => !k)).toBe(true);
	});
});
