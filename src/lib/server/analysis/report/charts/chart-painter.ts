import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { flowLayout, INK, wrapText } from '../../../../domain/report/chart-layout.ts';
import { CHART_FONT_STACK } from './chart-fonts.ts';

/**
 * Drawing on @napi-rs/canvas in "inline" coordinates: x = 0 is where a line of text
 * starts (the left in English, the right in Arabic). The charts lay themselves out
 * once, left to right, and the painter mirrors every shape and text for Arabic, so
 * bars, axes, legends and labels all run right to left there.
 */
export const CHART_PX_WIDTH = 1200;
export const MARGIN = 20;
export const FONT_SIZE = 16;
export const LINE_HEIGHT = 21;

export type Align = 'start' | 'end' | 'center';

export interface TextStyle {
	size?: number;
	bold?: boolean;
	italic?: boolean;
	colour?: string;
	align?: Align;
	/** Numbers and signs: laid out left to right even in Arabic, so "(+0.30*)" keeps its order. */
	numeric?: boolean;
}

const fontOf = (s: TextStyle = {}) => `${s.italic ? 'italic ' : ''}${s.bold ? 'bold ' : ''}${s.size ?? FONT_SIZE}px ${CHART_FONT_STACK}`;

let measurer: SKRSContext2D | undefined;

/** Text width in pixels, as the painter will draw it. */
export function measure(text: string, style: TextStyle = {}): number {
	measurer ??= createCanvas(4, 4).getContext('2d');
	measurer.font = fontOf(style);
	return measurer.measureText(text).width;
}

/** Wraps a label to `width` pixels with the real font metrics (never cut). */
export function wrap(text: string, width: number, style: TextStyle = {}): string[] {
	return wrapText(text, width, (s) => measure(s, style));
}

export class Painter {
	readonly canvas: Canvas;
	readonly width: number;
	readonly height: number;
	readonly rtl: boolean;
	private readonly ctx: SKRSContext2D;

	constructor(width: number, height: number, rtl: boolean) {
		this.width = width;
		this.height = height;
		this.rtl = rtl;
		this.canvas = createCanvas(width, height);
		this.ctx = this.canvas.getContext('2d');
		this.ctx.fillStyle = '#ffffff';
		this.ctx.fillRect(0, 0, width, height);
		this.ctx.direction = rtl ? 'rtl' : 'ltr';
		this.ctx.textBaseline = 'middle';
	}

	/** The physical x of an inline position. */
	x(inline: number): number {
		return this.rtl ? this.width - inline : inline;
	}

	rect(x: number, y: number, w: number, h: number, fill: string, stroke?: string): void {
		const left = this.rtl ? this.width - x - w : x;
		this.ctx.fillStyle = fill;
		this.ctx.fillRect(left, y, w, h);
		if (stroke) {
			this.ctx.strokeStyle = stroke;
			this.ctx.lineWidth = 1;
			this.ctx.strokeRect(left + 0.5, y + 0.5, w - 1, h - 1);
		}
	}

	line(x1: number, y1: number, x2: number, y2: number, colour: string, width = 1): void {
		this.ctx.strokeStyle = colour;
		this.ctx.lineWidth = width;
		this.ctx.beginPath();
		this.ctx.moveTo(this.x(x1), y1);
		this.ctx.lineTo(this.x(x2), y2);
		this.ctx.stroke();
	}

	circle(x: number, y: number, r: number, fill: string, stroke?: string): void {
		this.ctx.beginPath();
		this.ctx.arc(this.x(x), y, r, 0, Math.PI * 2);
		this.ctx.fillStyle = fill;
		this.ctx.fill();
		if (stroke) {
			this.ctx.strokeStyle = stroke;
			this.ctx.lineWidth = 2;
			this.ctx.stroke();
		}
	}

	/** An arrowhead at (x, y) pointing along the inline direction `towards` (+1 forward, -1 back). */
	arrowHead(x: number, y: number, towards: 1 | -1, colour: string, size = 8): void {
		const dir = this.rtl ? -towards : towards;
		const px = this.x(x);
		this.ctx.beginPath();
		this.ctx.moveTo(px, y);
		this.ctx.lineTo(px - dir * size, y - size / 2);
		this.ctx.lineTo(px - dir * size, y + size / 2);
		this.ctx.closePath();
		this.ctx.fillStyle = colour;
		this.ctx.fill();
	}

	/** Text at inline x, vertically centred on y; 'start' runs forward from x, 'end' ends at x. */
	text(s: string, x: number, y: number, style: TextStyle = {}): void {
		const align = style.align ?? 'start';
		this.ctx.font = fontOf(style);
		this.ctx.fillStyle = style.colour ?? INK;
		this.ctx.textAlign = align === 'center' ? 'center' : align === 'start' ? (this.rtl ? 'right' : 'left') : this.rtl ? 'left' : 'right';
		this.ctx.direction = style.numeric || !this.rtl ? 'ltr' : 'rtl';
		this.ctx.fillText(s, this.x(x), y);
		this.ctx.direction = this.rtl ? 'rtl' : 'ltr';
	}

	/** Lines of text from top `y`, one LINE_HEIGHT apart. */
	lines(lines: readonly string[], x: number, y: number, style: TextStyle = {}): void {
		lines.forEach((l, i) => this.text(l, x, y + LINE_HEIGHT * i + LINE_HEIGHT / 2, style));
	}

	async png(): Promise<Buffer> {
		return this.canvas.encode('png');
	}
}

export interface LegendEntry {
	label: string;
	draw: (p: Painter, x: number, yMid: number) => void;
	/** Width of the key drawn before the label. */
	keyWidth: number;
}

/** Legend entries flowed over lines within `width`; returns its height. */
export function legendHeight(entries: readonly LegendEntry[], width: number): number {
	const at = flowLayout(
		entries.map((e) => e.keyWidth + 6 + measure(e.label)),
		width,
		22
	);
	return (Math.max(0, ...at.map((a) => a.line)) + 1) * (LINE_HEIGHT + 6);
}

export function drawLegend(p: Painter, entries: readonly LegendEntry[], x: number, y: number, width: number): void {
	const at = flowLayout(
		entries.map((e) => e.keyWidth + 6 + measure(e.label)),
		width,
		22
	);
	entries.forEach((e, i) => {
		const { line, offset } = at[i]!;
		const mid = y + line * (LINE_HEIGHT + 6) + LINE_HEIGHT / 2;
		e.draw(p, x + offset, mid);
		p.text(e.label, x + offset + e.keyWidth + 6, mid);
	});
}
