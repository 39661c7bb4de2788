/**
 * The pure layout of the report's charts (issue 15 item 4): how a label is wrapped
 * over lines, where a diverging bar's segments sit, the scale of a dot plot and the
 * palette. The server draws with these; the results page's HTML bars use the same
 * segment geometry, so a reader sees the same picture in both.
 */

/** Han, Hiragana, Katakana, Hangul and CJK punctuation: a line may break between any two of them. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
/** CJK punctuation that must not begin a line (kinsoku): it stays with the character before it. */
const NO_LINE_START = /[、。，．：；！？）」』】〕〉》”’・ー…,.:;!?)\]}]/u;

/**
 * The units a line may break between: words with their following spaces for
 * scripts that separate words, single characters for CJK (with closing
 * punctuation glued to the character before it).
 */
export function breakUnits(text: string): string[] {
	const units: string[] = [];
	let current = '';
	for (const ch of Array.from(text.replace(/\s+/g, ' ').trim())) {
		if (CJK.test(ch)) {
			if (NO_LINE_START.test(ch) && (current || units.length)) {
				if (current) current += ch;
				else units[units.length - 1] += ch;
				continue;
			}
			if (current) units.push(current);
			current = ch;
			continue;
		}
		if (current && CJK.test(Array.from(current).at(-1)!) && !NO_LINE_START.test(ch)) {
			units.push(current);
			current = '';
		}
		current += ch;
		if (ch === ' ') {
			units.push(current);
			current = '';
		}
	}
	if (current) units.push(current);
	return units;
}

/**
 * Wraps `text` into lines no wider than `maxWidth` as `measure` reports it (a
 * canvas's measureText on the server). Nothing is ever cut: a word wider than the
 * line is split by characters. Joining the lines (with the spaces they dropped)
 * gives the text back.
 */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
	const lines: string[] = [];
	let line = '';
	const push = () => {
		if (line.trim()) lines.push(line.trimEnd());
		line = '';
	};
	for (const unit of breakUnits(text)) {
		if (measure((line + unit).trimEnd()) <= maxWidth) {
			line += unit;
			continue;
		}
		push();
		if (measure(unit.trimEnd()) <= maxWidth) {
			line = unit;
			continue;
		}
		// A word longer than the line (a URL, a long German-like compound): split by characters.
		for (const ch of Array.from(unit)) {
			if (line && measure((line + ch).trimEnd()) > maxWidth) push();
			line += ch;
		}
	}
	push();
	return lines.length ? lines : [''];
}

/** One segment of a diverging bar, in shares of valid answers, on an axis centred on 0. */
export interface Segment {
	/** Scale point index, 0 = the lowest point (very dissatisfied). */
	point: number;
	share: number;
	start: number;
	end: number;
}

/**
 * The segments of a diverging stacked bar: counts from the lowest point to the
 * highest; the neutral middle point (odd scales) straddles 0, the points below it
 * run to the negative side. Null when there is no valid answer.
 */
export function divergingSegments(counts: readonly number[]): Segment[] | null {
	const total = counts.reduce((a, b) => a + b, 0);
	if (total <= 0) return null;
	const shares = counts.map((c) => c / total);
	const half = Math.floor(counts.length / 2);
	const below = shares.slice(0, half).reduce((a, b) => a + b, 0);
	const middle = counts.length % 2 === 1 ? shares[half]! : 0;
	let x = -(below + middle / 2);
	return shares.map((share, point) => {
		const s = { point, share, start: x, end: x + share };
		x += share;
		return s;
	});
}

/** The half-width of a diverging axis that holds every bar: a multiple of 5%, at least 50% (ticks stay every 25%). */
export function divergingExtent(bars: readonly (Segment[] | null)[]): number {
	let m = 0.5;
	for (const b of bars) if (b) m = Math.max(m, -b[0]!.start, b.at(-1)!.end);
	// Rounding noise (0.75000000001) must not widen the axis by a whole step.
	return Math.min(1, Math.ceil(m * 20 - 1e-6) / 20);
}

/** A linear scale from a value domain to pixels, reversed for right-to-left pages. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number], rtl = false): (v: number) => number {
	const [d0, d1] = domain;
	const [r0, r1] = rtl ? [range[1], range[0]] : range;
	return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

/** Round ticks over [min, max]: every `step` (default the integers of a rating scale). */
export function ticks(min: number, max: number, step = 1): number[] {
	const out: number[] = [];
	for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6);
	return out;
}

/** The domain of a dot plot: the scale, widened when an interval runs past it (it can, with few answers). */
export function dotPlotDomain(min: number, max: number, values: readonly (number | null | undefined)[]): [number, number] {
	let lo = min;
	let hi = max;
	for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
	return [Math.floor(lo * 2) / 2, Math.ceil(hi * 2) / 2];
}

/**
 * The five points from very dissatisfied to very satisfied: orange-brown to blue
 * (safe for red-green colour blindness) with a light neutral, and lightness steps so
 * that neighbours stay apart printed in grey. "Don't know" is a mid grey shown apart.
 */
export const DIVERGING_PALETTE = ['#a63603', '#fdae6b', '#e0e0e0', '#4393c3', '#08306b'] as const;
export const DONT_KNOW_COLOUR = '#8c8c8c';
export const INK = '#1a1a1a';
export const PREVIOUS_COLOUR = '#8c8c8c';
export const CURRENT_COLOUR = '#08306b';

/** The palette for a scale of `points` points (5 is the survey's; other lengths pick from it). */
export function paletteFor(points: number): string[] {
	if (points === 5) return [...DIVERGING_PALETTE];
	return Array.from({ length: points }, (_, i) => DIVERGING_PALETTE[Math.round((i / Math.max(1, points - 1)) * 4)]!);
}

function channel(c: number): number {
	const s = c / 255;
	return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
	const n = Number.parseInt(hex.slice(1), 16);
	return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** CIE lightness L* (0 black .. 100 white): what a colour becomes printed in grey. */
export function lightness(hex: string): number {
	const y = luminance(hex);
	return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
}

export function contrastRatio(a: string, b: string): number {
	const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
	return (x! + 0.05) / (y! + 0.05);
}

/** Black or white, whichever reads better on `background` (values written on bars). */
export function textColourOn(background: string): string {
	return contrastRatio(background, '#ffffff') >= contrastRatio(background, INK) ? '#ffffff' : INK;
}

/** A scale item's counts (keyed by point as text) from the lowest point to the highest. */
export function countsLowFirst(counts: Record<string, number>): number[] {
	return Object.keys(counts)
		.sort((a, b) => Number(a) - Number(b))
		.map((k) => counts[k] ?? 0);
}

/** Places boxes of the given widths on lines of `maxWidth` (a legend): [line, offset] each. */
export function flowLayout(widths: readonly number[], maxWidth: number, gap: number): { line: number; offset: number }[] {
	let line = 0;
	let offset = 0;
	return widths.map((w) => {
		if (offset > 0 && offset + w > maxWidth) {
			line++;
			offset = 0;
		}
		const at = { line, offset };
		offset += w + gap;
		return at;
	});
}
