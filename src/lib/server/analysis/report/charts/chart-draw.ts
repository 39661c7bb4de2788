import {
	CURRENT_COLOUR,
	DONT_KNOW_COLOUR,
	divergingExtent,
	divergingSegments,
	dotPlotDomain,
	INK,
	linearScale,
	paletteFor,
	PREVIOUS_COLOUR,
	textColourOn,
	ticks,
	type Segment
} from '../../../../domain/report/chart-layout.ts';
import { CHART_PX_WIDTH, drawLegend, legendHeight, LINE_HEIGHT, MARGIN, Painter, wrap, type LegendEntry } from './chart-painter.ts';

/**
 * The three report charts drawn as PNG. Every chart: a legend on top, one row per
 * item with its full label wrapped at the inline start (never cut), the plot, and
 * an axis under the rows. Layout is computed left to right; the painter mirrors it
 * for Arabic. Texts and number formats come from charts.ts (the message catalogues).
 */
const LABEL_WIDTH = 400;
const GAP = 16;
const BAR = 24;
const ROW_PAD = 10;
const AXIS = 34;
const GRID = '#d9d9d9';
const MUTED = '#595959';

export interface Drawn {
	png: Buffer;
	width: number;
	height: number;
}

interface RowBox {
	lines: string[];
	top: number;
	mid: number;
	height: number;
}

/** Wraps the labels and stacks the rows from `top`; returns the boxes and where they end. */
function layoutRows(labels: readonly string[], top: number): { rows: RowBox[]; bottom: number } {
	let y = top;
	const rows = labels.map((label) => {
		const lines = wrap(label, LABEL_WIDTH);
		const height = Math.max(lines.length * LINE_HEIGHT, BAR) + ROW_PAD * 2;
		const box = { lines, top: y, mid: y + height / 2, height };
		y += height;
		return box;
	});
	return { rows, bottom: y };
}

function drawLabels(p: Painter, rows: readonly RowBox[]): void {
	rows.forEach((r, i) => {
		if (i % 2 === 1) p.rect(MARGIN, r.top, p.width - 2 * MARGIN, r.height, '#f5f5f5');
		p.lines(r.lines, MARGIN, r.mid - (r.lines.length * LINE_HEIGHT) / 2);
	});
}

interface Frame {
	p: Painter;
	rows: RowBox[];
	/** Where the rows start and end (the plot's vertical extent). */
	top: number;
	bottom: number;
	/** Where a header between the legend and the rows starts (the distribution's "don't know" column). */
	headTop: number;
}

/**
 * What every chart shares: the legend on top (flowed over lines), an optional header of `headHeight`,
 * one row per item with its wrapped label, room for the axis below, on a painter mirrored for Arabic.
 */
function frame(labels: readonly string[], legend: readonly LegendEntry[], rtl: boolean, headHeight = 0): Frame {
	const W = CHART_PX_WIDTH;
	const headTop = MARGIN + legendHeight(legend, W - 2 * MARGIN) + 10;
	const { rows, bottom } = layoutRows(labels, headTop + headHeight);
	const p = new Painter(W, bottom + AXIS + MARGIN, rtl);
	drawLegend(p, legend, MARGIN, MARGIN, W - 2 * MARGIN);
	drawLabels(p, rows);
	return { p, rows, top: rows[0]?.top ?? bottom, bottom, headTop };
}

/** Vertical grid lines at the ticks, each labelled under the rows; `strong` marks one line (the neutral point). */
function drawAxis(f: Frame, at: readonly number[], x: (v: number) => number, label: (v: number) => string, strong?: number): void {
	for (const t of at) {
		f.p.line(x(t), f.top, x(t), f.bottom, t === strong ? INK : GRID, t === strong ? 1.5 : 1);
		f.p.text(label(t), x(t), f.bottom + AXIS / 2, { size: 14, align: 'center', colour: MUTED });
	}
}

const suppressedRow = (f: Frame, row: RowBox, x: number, label: string) => f.p.text(label, x + 10, row.mid, { italic: true, colour: MUTED });

const done = async (f: Frame): Promise<Drawn> => ({ png: await f.p.png(), width: f.p.width, height: f.p.height });

const swatch =
	(fill: string): LegendEntry['draw'] =>
	(p, x, y) =>
		p.rect(x, y - 8, 22, 16, fill, '#7f7f7f');

export interface DistributionDraw {
	rows: { label: string; counts: readonly number[] | null; na: number }[];
	pointLabels: string[];
	dontKnowLabel: string;
	suppressedLabel: string;
	pct: (v: number) => string;
	axisPct: (v: number) => string;
	rtl: boolean;
}

/** Diverging stacked bars centred on the neutral point, with "don't know" in its own column. */
export async function drawDistribution(d: DistributionDraw): Promise<Drawn> {
	const W = CHART_PX_WIDTH;
	const dkWidth = 150;
	const plot0 = MARGIN + LABEL_WIDTH + GAP;
	const dk0 = W - MARGIN - dkWidth;
	const plot1 = dk0 - GAP * 2;
	const palette = paletteFor(d.pointLabels.length);
	const legend = d.pointLabels.map((label, i) => ({ label, keyWidth: 22, draw: swatch(palette[i]!) }));
	const dkHead = wrap(d.dontKnowLabel, dkWidth);
	const f = frame(
		d.rows.map((r) => r.label),
		legend,
		d.rtl,
		dkHead.length * LINE_HEIGHT + 8
	);
	const { p, rows } = f;
	p.lines(dkHead, dk0, f.headTop, { size: 14, colour: MUTED });

	const bars: (Segment[] | null)[] = d.rows.map((r) => (r.counts ? divergingSegments(r.counts) : null));
	const extent = divergingExtent(bars);
	const x = linearScale([-extent, extent], [plot0, plot1]);
	drawAxis(f, ticks(-extent, extent, 0.25), x, (t) => d.axisPct(Math.abs(t)), 0);
	p.line(dk0 - GAP, f.top, dk0 - GAP, f.bottom, GRID);
	d.rows.forEach((r, i) => {
		const row = rows[i]!;
		const segments = bars[i];
		if (!r.counts || !segments) return suppressedRow(f, row, plot0, d.suppressedLabel);
		for (const s of segments) {
			const x0 = x(s.start);
			const w = x(s.end) - x0;
			if (w <= 0) continue;
			p.rect(x0, row.mid - BAR / 2, w, BAR, palette[s.point]!);
			// A value on every segment wide enough to hold it; the table below has them all.
			const label = d.pct(s.share);
			if (w >= 38) p.text(label, x0 + w / 2, row.mid, { size: 13, align: 'center', colour: textColourOn(palette[s.point]!) });
		}
		const total = r.counts.reduce((a, b) => a + b, 0) + r.na;
		const share = total ? r.na / total : 0;
		const dkBar = Math.round(share * (dkWidth - 56));
		if (dkBar > 0) p.rect(dk0, row.mid - BAR / 2, dkBar, BAR, DONT_KNOW_COLOUR);
		p.text(d.pct(share), dk0 + dkBar + 6, row.mid, { size: 13, numeric: true });
	});
	return done(f);
}

export interface IntervalDraw {
	rows: { label: string; mean: number | null; ci95: readonly [number, number] | null }[];
	min: number;
	max: number;
	meanLabel: string;
	ciLabel: string;
	suppressedLabel: string;
	num: (v: number) => string;
	rtl: boolean;
}

/** Means as dots with their 95% intervals as whiskers, on the rating scale. */
export async function drawIntervals(d: IntervalDraw): Promise<Drawn> {
	const W = CHART_PX_WIDTH;
	const plot0 = MARGIN + LABEL_WIDTH + GAP + 10;
	const plot1 = W - MARGIN - 70;
	const legend: LegendEntry[] = [
		{ label: d.meanLabel, keyWidth: 14, draw: (p, x, y) => p.circle(x + 7, y, 6, CURRENT_COLOUR) },
		{
			label: d.ciLabel,
			keyWidth: 30,
			draw: (p, x, y) => {
				p.line(x, y, x + 30, y, INK, 2);
				p.line(x, y - 6, x, y + 6, INK, 2);
				p.line(x + 30, y - 6, x + 30, y + 6, INK, 2);
			}
		}
	];
	const f = frame(
		d.rows.map((r) => r.label),
		legend,
		d.rtl
	);
	const { p, rows } = f;
	const domain = dotPlotDomain(
		d.min,
		d.max,
		d.rows.flatMap((r) => (r.ci95 ? [...r.ci95] : []))
	);
	const x = linearScale(domain, [plot0, plot1]);
	drawAxis(f, ticks(domain[0], domain[1], 1), x, d.num);
	d.rows.forEach((r, i) => {
		const row = rows[i]!;
		if (r.mean === null) return suppressedRow(f, row, plot0, d.suppressedLabel);
		let end = x(r.mean) + 8;
		if (r.ci95) {
			const [lo, hi] = [x(r.ci95[0]), x(r.ci95[1])];
			p.line(lo, row.mid, hi, row.mid, INK, 2);
			p.line(lo, row.mid - 6, lo, row.mid + 6, INK, 2);
			p.line(hi, row.mid - 6, hi, row.mid + 6, INK, 2);
			end = hi + 8;
		}
		p.circle(x(r.mean), row.mid, 6, CURRENT_COLOUR);
		p.text(d.num(r.mean), end, row.mid, { size: 14, bold: true, numeric: true });
	});
	return done(f);
}

export interface ComparisonDraw {
	rows: { label: string; previous: number | null; current: number | null; significant: boolean }[];
	min: number;
	max: number;
	previousLabel: string;
	currentLabel: string;
	significantNote: string;
	suppressedLabel: string;
	num: (v: number) => string;
	signed: (v: number) => string;
	rtl: boolean;
}

/** The previous survey (hollow) and this one (filled) on one line per item, an arrow between. */
export async function drawComparison(d: ComparisonDraw): Promise<Drawn> {
	const W = CHART_PX_WIDTH;
	const plot0 = MARGIN + LABEL_WIDTH + GAP + 10;
	const plot1 = W - MARGIN - 140;
	const legend: LegendEntry[] = [
		{ label: d.previousLabel, keyWidth: 14, draw: (p, x, y) => p.circle(x + 7, y, 6, '#ffffff', PREVIOUS_COLOUR) },
		{ label: d.currentLabel, keyWidth: 14, draw: (p, x, y) => p.circle(x + 7, y, 6, CURRENT_COLOUR) },
		{ label: d.significantNote, keyWidth: 0, draw: () => undefined }
	];
	const f = frame(
		d.rows.map((r) => r.label),
		legend,
		d.rtl
	);
	const { p, rows } = f;
	const domain = dotPlotDomain(
		d.min,
		d.max,
		d.rows.flatMap((r) => [r.previous, r.current])
	);
	const x = linearScale(domain, [plot0, plot1]);
	drawAxis(f, ticks(domain[0], domain[1], 1), x, d.num);
	d.rows.forEach((r, i) => {
		const row = rows[i]!;
		if (r.current === null && r.previous === null) return suppressedRow(f, row, plot0, d.suppressedLabel);
		if (r.previous !== null && r.current !== null) {
			const [a, b] = [x(r.previous), x(r.current)];
			if (Math.abs(b - a) > 16) {
				const dir = b > a ? 1 : -1;
				p.line(a + dir * 7, row.mid, b - dir * 8, row.mid, r.significant ? INK : MUTED, r.significant ? 2.5 : 1.5);
				p.arrowHead(b - dir * 7, row.mid, dir as 1 | -1, r.significant ? INK : MUTED);
			}
		}
		if (r.previous !== null) p.circle(x(r.previous), row.mid, 6, '#ffffff', PREVIOUS_COLOUR);
		if (r.current !== null) p.circle(x(r.current), row.mid, 6, CURRENT_COLOUR);
		const value = r.current === null ? '–' : d.num(r.current);
		const change = r.current !== null && r.previous !== null ? ` (${d.signed(r.current - r.previous)}${r.significant ? '*' : ''})` : '';
		p.text(`${value}${change}`, plot1 + 24, row.mid, { size: 14, bold: r.significant, numeric: true });
	});
	return done(f);
}
