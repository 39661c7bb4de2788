import { describe, expect, it } from 'vitest';
import {
	breakUnits,
	contrastRatio,
	DIVERGING_PALETTE,
	DONT_KNOW_COLOUR,
	divergingExtent,
	divergingSegments,
	dotPlotDomain,
	lightness,
	linearScale,
	textColourOn,
	ticks,
	wrapText
} from './chart-layout';

/** A stand-in for canvas measureText: 7 px a character, 14 px for a CJK character. */
const measure = (s: string) => Array.from(s).reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/u.test(ch) ? 14 : 7), 0);
const compact = (s: string) => s.replace(/\s+/g, '');

const KIGALI = {
	en: 'Support to the ITU-D priorities of the Kigali Action Plan: Enabling policy and regulatory environment',
	zh: '对《基加利行动计划》中ITU-D优先事项的支持：有利的政策和监管环境',
	ar: 'دعم أولويات قطاع تنمية الاتصالات الواردة في خطة عمل كيغالي: بيئة سياساتية وتنظيمية تمكينية'
};

describe('wrapText', () => {
	for (const [locale, label] of Object.entries(KIGALI)) {
		it(`keeps a long Kigali label whole across lines (${locale})`, () => {
			const lines = wrapText(label, 200, measure);
			expect(lines.length).toBeGreaterThan(1);
			for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(200);
			// Nothing cut, nothing reordered, no ellipsis.
			expect(compact(lines.join(''))).toBe(compact(label));
			expect(lines.join('')).not.toContain('…');
		});
	}

	it('breaks words only at spaces in Latin and Arabic text', () => {
		const lines = wrapText(KIGALI.en, 200, measure);
		const words = new Set(KIGALI.en.split(' '));
		for (const line of lines) for (const w of line.split(' ')) expect(words.has(w)).toBe(true);
		for (const line of wrapText(KIGALI.ar, 200, measure)) for (const w of line.split(' ')) expect(KIGALI.ar.split(' ')).toContain(w);
	});

	it('breaks Chinese between any two characters, never before closing punctuation', () => {
		const lines = wrapText(KIGALI.zh, 100, measure);
		expect(lines.length).toBeGreaterThan(3);
		for (const line of lines.slice(1)) expect(line[0]).not.toMatch(/[，。：》）]/u);
		expect(breakUnits('数字化转型')).toEqual(['数', '字', '化', '转', '型']);
		expect(breakUnits('ITU-D优先')).toEqual(['ITU-D', '优', '先']);
	});

	it('splits a word longer than the line by characters rather than cutting it', () => {
		const word = 'Telekommunikationsentwicklungskonferenz';
		const lines = wrapText(word, 70, measure);
		expect(lines.join('')).toBe(word);
		for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(70);
	});
});

describe('palette', () => {
	it('keeps the five points apart in grey: lightness differs by at least 10 (L*) between any two', () => {
		const l = DIVERGING_PALETTE.map(lightness);
		for (let i = 0; i < l.length; i++)
			for (let j = i + 1; j < l.length; j++) expect(Math.abs(l[i]! - l[j]!), `${DIVERGING_PALETTE[i]} vs ${DIVERGING_PALETTE[j]}`).toBeGreaterThanOrEqual(10);
	});

	it('runs from dark to light to dark so the neutral middle is the lightest', () => {
		const l = DIVERGING_PALETTE.map(lightness);
		expect(Math.max(...l)).toBe(l[2]);
	});

	it('writes values on every colour with a contrast of at least 4.5:1', () => {
		for (const c of [...DIVERGING_PALETTE, DONT_KNOW_COLOUR]) expect(contrastRatio(c, textColourOn(c))).toBeGreaterThanOrEqual(4.5);
	});

	it('uses no red-green pair: the two ends differ in blue-yellow (orange against blue)', () => {
		const [r0, , b0] = [1, 3, 5].map((k) => Number.parseInt(DIVERGING_PALETTE[0].slice(k, k + 2), 16));
		const [r4, , b4] = [1, 3, 5].map((k) => Number.parseInt(DIVERGING_PALETTE[4].slice(k, k + 2), 16));
		expect(r0! > b0!).toBe(true);
		expect(b4! > r4!).toBe(true);
	});
});

describe('diverging bars', () => {
	it('centres the neutral point on zero', () => {
		const s = divergingSegments([10, 10, 20, 30, 30])!;
		expect(s[0]!.start).toBeCloseTo(-0.3);
		expect(s[2]!.start).toBeCloseTo(-0.1);
		expect(s[2]!.end).toBeCloseTo(0.1);
		expect(s[4]!.end).toBeCloseTo(0.7);
		expect(divergingSegments([0, 0, 0, 0, 0])).toBeNull();
	});

	it('sizes the axis to the longest side in 5% steps, rounding noise aside', () => {
		expect(divergingExtent([divergingSegments([10, 10, 20, 30, 30])])).toBe(0.7);
		expect(divergingExtent([divergingSegments([2, 5, 8, 20, 10])])).toBe(0.8);
		expect(divergingExtent([divergingSegments([0, 0, 0, 0, 1]), null])).toBe(1);
		expect(divergingExtent([divergingSegments([1, 1, 1, 1, 1])])).toBe(0.5);
	});
});

describe('dot-plot scale', () => {
	it('maps the rating scale onto the plot, mirrored right to left', () => {
		const x = linearScale([1, 5], [100, 500]);
		expect(x(1)).toBe(100);
		expect(x(3)).toBe(300);
		expect(x(5)).toBe(500);
		const xr = linearScale([1, 5], [100, 500], true);
		expect(xr(1)).toBe(500);
		expect(xr(5)).toBe(100);
		expect(ticks(1, 5)).toEqual([1, 2, 3, 4, 5]);
	});

	it('widens the domain when an interval runs past the scale', () => {
		expect(dotPlotDomain(1, 5, [2, 4.8, null])).toEqual([1, 5]);
		expect(dotPlotDomain(1, 5, [0.62, 5.3])).toEqual([0.5, 5.5]);
	});
});
