import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkChartFonts } from './chart-fonts';
import { comparisonChart, distributionChart, meanIntervalChart, type ChartOutput } from './charts';
import { wrap } from './chart-painter';

/** The real Kigali items of the 2026 questionnaire: the labels the old charts cut at 40 characters. */
const survey = JSON.parse(readFileSync('surveys/regional-presence-2026.json', 'utf8')) as {
	pages: { elements: { name: string; title: Record<string, string>; rows?: { value: string; text: Record<string, string> }[] }[] }[];
};
const kigali = survey.pages.flatMap((p) => p.elements).find((e) => e.name === 'sat_itud_priorities')!;
const LANG = { en: 'default', zh: 'zh-cn', ar: 'ar' } as const;
const labelsIn = (locale: keyof typeof LANG) => kigali.rows!.map((r) => `${kigali.title[LANG[locale]]}: ${r.text[LANG[locale]]}`);

function png(buffer: Buffer): { width: number; height: number } {
	expect(buffer.subarray(1, 4).toString('latin1')).toBe('PNG');
	return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

function save(name: string, out: ChartOutput): void {
	mkdirSync('test-results', { recursive: true });
	writeFileSync(`test-results/chart-${name}.png`, out.png);
}

describe('chart fonts', () => {
	it('finds fonts for Latin, Cyrillic, Han and Arabic (installed by .ci/run)', () => {
		const check = checkChartFonts();
		expect(check.message).not.toMatch(/missing/);
		expect(check.ok).toBe(true);
	});

	it('names the Debian package to install when a script has no font', () => {
		const check = checkChartFonts(['DejaVu Sans']);
		expect(check.ok).toBe(false);
		expect(check.missing.map((x) => x.script)).toEqual(['Han', 'Arabic']);
		expect(check.message).toContain('fonts-noto-cjk');
		expect(check.message).toContain('fonts-noto-core');
	});
});

describe('report charts', () => {
	for (const locale of ['en', 'zh', 'ar'] as const) {
		const labels = labelsIn(locale);
		it(`draws the distribution with full wrapped labels, a table and an alternative (${locale})`, async () => {
			const rows = labels.map((label, i) => ({ label, counts: i === 3 ? null : [2 + i, 5, 8 + i, 20 - i, 10 + 2 * i], na: i }));
			const out = await distributionChart({ rows }, locale);
			save(`distribution-${locale}`, out);
			expect(png(out.png)).toEqual({ width: out.width, height: out.height });
			expect(out.width).toBe(1200);
			// Every label wraps over more than one line, so rows are taller than one line each.
			expect(out.height).toBeGreaterThan(rows.length * 60);
			for (const label of labels) expect(wrap(label, 400).join('').replace(/\s/g, '')).toBe(label.replace(/\s/g, ''));
			expect(out.table.rows).toHaveLength(rows.length);
			expect(out.table.header).toHaveLength(8);
			expect(out.table.rows[0]![0]).toBe(labels[0]);
			expect(out.alt).toContain(labels.at(-1)!);
		});

		it(`draws means with their intervals as a dot plot (${locale})`, async () => {
			const rows = labels.map((label, i) => ({
				label,
				mean: i === 2 ? null : 3 + i * 0.3,
				ci95: i === 2 ? null : ([2.7 + i * 0.3, 3.4 + i * 0.3] as [number, number]),
				n: i === 2 ? null : 40 + i
			}));
			const out = await meanIntervalChart({ rows, min: 1, max: 5 }, locale);
			save(`means-${locale}`, out);
			expect(png(out.png)).toEqual({ width: out.width, height: out.height });
			expect(out.table.header).toHaveLength(4);
			expect(out.alt.length).toBeGreaterThan(40);
		});

		it(`describes a single item as one item, named once (${locale})`, async () => {
			const label = labels[0]!;
			const dist = await distributionChart({ rows: [{ label, counts: [1, 2, 3, 10, 4], na: 0 }] }, locale);
			const means = await meanIntervalChart({ rows: [{ label, mean: 3.7, ci95: [3.4, 4], n: 20 }], min: 1, max: 5 }, locale);
			for (const alt of [dist.alt, means.alt]) {
				expect(alt.split(label)).toHaveLength(2);
				expect(alt).not.toMatch(/\b1 items\b/);
			}
		});

		it(`draws the comparison with the previous survey as paired dots (${locale})`, async () => {
			const rows = labels.map((label, i) => ({
				label,
				previous: i === 4 ? null : 3.2 + (i % 2) * 0.4,
				current: 3.5 + (i % 3) * 0.2 - (i === 1 ? 0.9 : 0),
				significant: i === 1 || i === 0
			}));
			const out = await comparisonChart({ rows, previousLabel: '2022', currentLabel: '2026', min: 1, max: 5 }, locale);
			save(`comparison-${locale}`, out);
			expect(png(out.png)).toEqual({ width: out.width, height: out.height });
			expect(out.table.header).toEqual([out.table.header[0], '2022', '2026', out.table.header[3], out.table.header[4]]);
		});
	}
});
