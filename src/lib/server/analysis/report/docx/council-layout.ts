import {
	AlignmentType,
	BorderStyle,
	TabStopType,
	Footer,
	Header,
	HeadingLevel,
	ImageRun,
	PageNumber,
	Paragraph,
	Tab,
	Table,
	TableCell,
	TableLayoutType,
	TableRow,
	TextRun,
	WidthType,
	type IStylesOptions
} from 'docx';
import type { Locale } from '../../../../domain/locales.ts';
import { fitColumnWidths } from '../../../../domain/report/column-widths.ts';

/**
 * The page and type of an ITU Council document, and the pieces the report is made of (headings,
 * paragraphs, tables with fitted columns, figures). The report's content is decided elsewhere.
 */

/** Word's language tags for the six languages (spelling, and which font Word picks for a script). */
const WORD_LANGUAGE: Record<Locale, string> = { ar: 'ar-SA', zh: 'zh-CN', en: 'en-GB', fr: 'fr-FR', ru: 'ru-RU', es: 'es-ES' };

/**
 * A sans-serif for Latin and Cyrillic (LibreOffice lays Arial out with the metric-compatible Liberation
 * Sans), Microsoft YaHei for Chinese and Arial for Arabic (which Word draws with Arial's Arabic glyphs;
 * LibreOffice falls back to an installed Arabic face such as Noto Sans Arabic).
 */
export const REPORT_FONTS = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: 'Microsoft YaHei', cs: 'Arial' } as const;

const TWIPS_PER_CM = 567;
/** A4 with 2 cm margins, as ITU documents. */
export const PAGE = { width: 11906, height: 16838, margin: 2 * TWIPS_PER_CM } as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/** Body 11 pt, tables 9 pt (half-points). */
const BODY_SIZE = 22;
const TABLE_SIZE = 18;
/** Average Arial character width at 9 pt, a little generous (bold headers), and the cells' margins (twips). */
const TABLE_CHAR_WIDTH = 105;
const CELL_PADDING = 260;
/** Chart image width in the document (pixels at 96 dpi): the text column. */
export const IMAGE_WIDTH = Math.floor((TEXT_WIDTH / 1440) * 96);
/** At most this share of the page's text height (pixels at 96 dpi): a taller chart would overflow the page and be cut. */
const IMAGE_MAX_HEIGHT = Math.floor(((PAGE.height - 2 * PAGE.margin) / 1440) * 96 * 0.8);

export function reportStyles(locale: Locale): IStylesOptions {
	const lang = WORD_LANGUAGE[locale];
	const heading = (size: number) => ({
		run: { size, bold: true, font: REPORT_FONTS },
		paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true }
	});
	return {
		default: {
			document: {
				run: { font: REPORT_FONTS, size: BODY_SIZE, language: { value: lang, eastAsia: 'zh-CN', bidirectional: 'ar-SA' } },
				paragraph: { spacing: { after: 120 } }
			},
			title: { run: { size: 28, bold: true, font: REPORT_FONTS }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 } } },
			heading1: heading(26),
			heading2: heading(22),
			caption: {
				run: { size: 20, bold: true, italics: false, color: '000000', font: REPORT_FONTS },
				paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { before: 120, after: 60 } }
			}
		}
	};
}

export type Block = Paragraph | Table;

/** The widths (twips) the report gives a table's columns: fitted to their content, at the report's table type size. */
export function tableColumnWidths(header: readonly string[], rows: readonly (readonly string[])[]): number[] {
	const columns = header.map((h, i) => [h, ...rows.map((r) => r[i] ?? '')]);
	return fitColumnWidths(columns, { total: TEXT_WIDTH, charWidth: TABLE_CHAR_WIDTH, padding: CELL_PADDING });
}

/** A table of at most this many rows is kept on one page (when it fits on one). */
const SHORT_TABLE_ROWS = 15;

/**
 * Which body rows of a table are kept with the next row (Word's and LibreOffice's "keep with
 * next" on their paragraphs): a short table stays whole; a long one starts and ends with at
 * least three rows on a page, never a header with one or two rows at a page's foot.
 */
export function heldToNext(rowCount: number): (row: number) => boolean {
	if (rowCount <= SHORT_TABLE_ROWS) return (row) => row < rowCount - 1;
	return (row) => row < 3 || (row >= rowCount - 3 && row < rowCount - 1);
}

export class Layout {
	readonly blocks: Block[] = [];
	readonly rtl: boolean;
	private tables = 0;
	private figures = 0;
	readonly locale: Locale;
	constructor(locale: Locale) {
		this.locale = locale;
		this.rtl = locale === 'ar';
	}
	run(text: string, options: { bold?: boolean; size?: number; color?: string } = {}): TextRun {
		return new TextRun({ text, bold: options.bold, size: options.size, color: options.color, rightToLeft: this.rtl });
	}
	para(text: string, options: { bold?: boolean; align?: 'center' | 'end'; size?: number; keepNext?: boolean } = {}): void {
		const alignment = options.align === 'center' ? AlignmentType.CENTER : options.align === 'end' ? AlignmentType.END : undefined;
		this.blocks.push(new Paragraph({ bidirectional: this.rtl, alignment, keepNext: options.keepNext, children: [this.run(text, options)] }));
	}
	/** Paragraphs separated by a blank line, as the Secretariat writes them. */
	paras(text: string): void {
		for (const p of text
			.split(/\n\s*\n/)
			.map((s) => s.trim())
			.filter(Boolean))
			this.para(p);
	}
	/** A numbered heading ("3<tab>Overall results"), or an unnumbered one (executive summary). */
	heading(title: string, number: string | null = null, options: { level?: 1 | 2; newPage?: boolean } = {}): void {
		const children = number === null ? [this.run(title)] : [new TextRun({ children: [number, new Tab(), title], rightToLeft: this.rtl })];
		const heading = options.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_1;
		this.blocks.push(
			new Paragraph({ heading, pageBreakBefore: options.newPage, bidirectional: this.rtl, tabStops: [{ type: TabStopType.LEFT, position: 794 }], children })
		);
	}
	/** Caption above a table ("Table 3: …"), numbered in order of appearance. */
	tablesSoFar(): number {
		return this.tables;
	}
	nextTableNumber(): number {
		return ++this.tables;
	}
	nextFigureNumber(): number {
		return ++this.figures;
	}
	caption(text: string): void {
		this.blocks.push(new Paragraph({ style: 'Caption', bidirectional: this.rtl, keepNext: true, children: [this.run(text)] }));
	}
	/**
	 * A table whose columns fit their content: the first (labels) wide, figures as narrow as their longest
	 * word allows, fixed layout so neither Word nor LibreOffice re-balances them and splits a word.
	 */
	table(header: string[], rows: string[][], options: { numeric?: boolean } = {}): void {
		const widths = tableColumnWidths(header, rows);
		const numeric = options.numeric ?? true;
		const held = heldToNext(rows.length);
		const cell = (text: string, i: number, bold: boolean, keepNext: boolean) =>
			new TableCell({
				width: { size: widths[i]!, type: WidthType.DXA },
				shading: bold ? { fill: 'E7EDF5' } : undefined,
				children: [
					new Paragraph({
						bidirectional: this.rtl,
						keepNext,
						spacing: { after: 0 },
						alignment: i > 0 && numeric ? AlignmentType.CENTER : AlignmentType.START,
						children: [this.run(text, { bold, size: TABLE_SIZE })]
					})
				]
			});
		this.blocks.push(
			new Table({
				width: { size: TEXT_WIDTH, type: WidthType.DXA },
				columnWidths: widths,
				layout: TableLayoutType.FIXED,
				visuallyRightToLeft: this.rtl,
				rows: [
					new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, i, true, true)) }),
					...rows.map((r, row) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false, held(row))) }))
				]
			})
		);
		this.blocks.push(new Paragraph({ spacing: { after: 60 }, children: [] }));
	}
	/** A borderless two-column block (the cover's session and document lines). */
	coverTable(left: string[], right: string[]): void {
		const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
		const borders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
		const widths = [Math.round(TEXT_WIDTH * 0.62), TEXT_WIDTH - Math.round(TEXT_WIDTH * 0.62)];
		const cell = (lines: string[], i: number) =>
			new TableCell({
				width: { size: widths[i]!, type: WidthType.DXA },
				borders: { top: none, bottom: none, left: none, right: none },
				children: lines.map((l, j) => new Paragraph({ bidirectional: this.rtl, spacing: { after: 0 }, children: [this.run(l, { bold: j === 0 })] }))
			});
		this.blocks.push(
			new Table({
				width: { size: TEXT_WIDTH, type: WidthType.DXA },
				columnWidths: widths,
				layout: TableLayoutType.FIXED,
				borders,
				visuallyRightToLeft: this.rtl,
				rows: [new TableRow({ children: [cell(left, 0), cell(right, 1)] })]
			})
		);
	}
	/** A chart image with its caption (kept with it) and, after it, its text alternative (kept with the image too). */
	image(caption: string, png: Buffer, alt: string): void {
		const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
		const width = Math.min(IMAGE_WIDTH, w, Math.floor((IMAGE_MAX_HEIGHT * w) / h));
		const height = Math.round((h / w) * width);
		this.caption(caption);
		this.blocks.push(
			new Paragraph({
				bidirectional: this.rtl,
				alignment: AlignmentType.CENTER,
				keepNext: true,
				children: [new ImageRun({ type: 'png', data: png, transformation: { width, height }, altText: { name: caption, description: alt, title: caption } })]
			})
		);
	}
	/** Running header: the document symbol at the page's end side, and a visible mark on a draft. */
	header(symbol: string, draftMark: string | null): Header {
		const children = [new Paragraph({ bidirectional: this.rtl, alignment: AlignmentType.END, children: [this.run(symbol, { size: 18 })] })];
		if (draftMark)
			children.unshift(
				new Paragraph({ bidirectional: this.rtl, alignment: AlignmentType.CENTER, children: [this.run(draftMark, { bold: true, size: 32, color: 'C00000' })] })
			);
		return new Header({ children });
	}
	/** Footer: "- n -" with Word's PAGE field, updated by every application that lays the document out. */
	footer(): Footer {
		return new Footer({
			children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'], size: 18 })] })]
		});
	}
}
