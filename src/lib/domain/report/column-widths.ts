/**
 * Column widths that fit a table's content (issue 15 item 1): figure columns as narrow as their longest
 * unbreakable token (a word; an interval "3,45 – 3,98" written with no-break spaces), the first
 * (question) column gets the rest. A word never needs to be split: every column is at least as wide as
 * its longest word, estimated from character counts (East Asian characters count double; they may break
 * between any two characters, so they do not set a minimum).
 */
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

/** The label column keeps at least this share of the width; a figure up to this many characters stays on one line. */
const FIRST_SHARE = 0.45;
const ONE_LINE = 12;
const SHORT_HEADER = 8;

export interface WidthOptions {
	/** Usable width of the page (twentieths of a point). */
	total: number;
	/** Average width of one Latin character of the table font (same unit). */
	charWidth: number;
	/** Left plus right cell margins (same unit). */
	padding: number;
	/** The first column keeps at least this share of the total. */
	firstShare?: number;
}

/** Arabic letters, in the faces that draw them, run about half as wide again as Latin ones at the same size. */
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/u;
const ARABIC_WIDTH = 1.5;

/**
 * Cyrillic letters run wider than the Latin average (Arial: д, ж, ш, ы, ю about 0.6-0.8 em), the more so in
 * a bold header: without this "Удовлетворены" was split as "Удовлетворен / ы" in the Russian report.
 */
const CYRILLIC = /[\u0400-\u04FF]/u;
const CYRILLIC_WIDTH = 1.1;

/** Signs wider than an average letter (Arial's % is 0.89 em against about 0.55 for a digit): "43%" must fit one line. */
const BROAD = /[%‰MW@]/u;
const BROAD_WIDTH = 1.7;

function textWidth(text: string): number {
	let w = 0;
	for (const ch of text) w += WIDE.test(ch) ? 2 : ARABIC.test(ch) ? ARABIC_WIDTH : CYRILLIC.test(ch) ? CYRILLIC_WIDTH : BROAD.test(ch) ? BROAD_WIDTH : 1;
	return w;
}

/** Width in characters of the longest piece that must stay on one line. */
export function longestToken(text: string): number {
	// Regular spaces may break; no-break spaces (the generator joins an interval's ends with them) do not.
	const pieces = text.split(/[ \t\n]+/u);
	let longest = 0;
	for (const piece of pieces) {
		// A run of East Asian characters may break anywhere: count one character of it.
		const latin = piece.split(WIDE).reduce((m, s) => Math.max(m, textWidth(s)), 0);
		const cjk = WIDE.test(piece) ? 2 : 0;
		longest = Math.max(longest, latin, cjk);
	}
	return longest;
}

/** One width per column (in the unit of `total`), summing to `total`. */
export function fitColumnWidths(columns: readonly (readonly string[])[], options: WidthOptions): number[] {
	const { total, charWidth, padding } = options;
	const firstMin = Math.round(total * (options.firstShare ?? FIRST_SHARE));
	// A header may wrap between its words; a figure reads best on one line (up to a short phrase).
	// (a short header such as 已答复 or "Don't know" on one line too).
	const needs = columns.map(([header = '', ...cells]) =>
		Math.ceil(
			Math.max(
				1,
				longestToken(header),
				Math.min(textWidth(header), SHORT_HEADER),
				...cells.map((c) => Math.max(longestToken(c), Math.min(textWidth(c), ONE_LINE)))
			) *
				charWidth +
				padding
		)
	);
	const rest = needs.slice(1).reduce((s, w) => s + w, 0);
	if (columns.length === 1) return [total];
	let others = needs.slice(1);
	const room = total - firstMin;
	if (rest > room) {
		// Too wide: shrink every figure column in proportion, never below its longest token.
		const floors = columns.slice(1).map((cells) => Math.ceil(Math.max(1, ...cells.map(longestToken)) * charWidth + padding));
		const floorSum = floors.reduce((s, w) => s + w, 0);
		const spare = Math.max(0, room - floorSum);
		const extra = others.map((w, i) => w - floors[i]!);
		const extraSum = extra.reduce((s, w) => s + w, 0) || 1;
		others = floors.map((f, i) => f + Math.floor((extra[i]! * spare) / extraSum));
	}
	const first = total - others.reduce((s, w) => s + w, 0);
	return [first, ...others];
}
