import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';

/**
 * Charts drawn on the server with chart.js on @napi-rs/canvas, as PNG: the report
 * embeds them and the results page shows them as images, so no browser needs
 * chart.js. Without a DOM chart.js uses its basic platform; animation and
 * responsiveness are off so that the first frame is the final one.
 */
Chart.register(...registerables);

export const CHART_WIDTH = 900;
const BAR_HEIGHT = 26;
const CHART_PADDING = 70;
const FONT_FAMILY = 'DejaVu Sans, Noto Sans, Noto Sans CJK SC, Noto Naskh Arabic, sans-serif';

export interface BarDatum {
	label: string;
	value: number | null;
}

/** A horizontal bar chart of means on a 1..max scale; null values are drawn as gaps. */
export function renderMeanBarChart(data: readonly BarDatum[], options: { max: number; rtl?: boolean }): Buffer {
	const height = CHART_PADDING + BAR_HEIGHT * Math.max(1, data.length);
	const canvas = createCanvas(CHART_WIDTH, height);
	const context = canvas.getContext('2d');
	context.fillStyle = '#ffffff';
	context.fillRect(0, 0, CHART_WIDTH, height);
	const config: ChartConfiguration<'bar'> = {
		type: 'bar',
		data: { labels: data.map((d, i) => labelFor(d.label, i)), datasets: [{ data: data.map((d) => d.value), backgroundColor: '#1f5f9e' }] },
		options: {
			indexAxis: 'y',
			responsive: false,
			animation: false,
			devicePixelRatio: 1,
			plugins: { legend: { display: false } },
			scales: {
				x: { min: 1, max: options.max, reverse: options.rtl ?? false, ticks: { font: { family: FONT_FAMILY } } },
				y: { position: options.rtl ? 'right' : 'left', ticks: { font: { family: FONT_FAMILY, size: 12 } } }
			}
		}
	};
	// chart.js types expect a DOM context; @napi-rs/canvas provides the same 2D API.
	const chart = new Chart(context as unknown as CanvasRenderingContext2D, config);
	const png = canvas.toBuffer('image/png');
	chart.destroy();
	return png;
}

const MAX_LABEL = 48;
const HAN = /\p{Script=Han}/u;
const HAN_FONT = /CJK|WenQuanYi|Droid Sans Fallback|Hei|Song|Ming|Noto Sans SC/i;
let hanFont: boolean | undefined;

/**
 * Without a CJK font on the machine Chinese labels would be drawn as empty boxes:
 * the bars are then numbered in the order of the table beside them instead.
 */
function canDrawHan(): boolean {
	hanFont ??= GlobalFonts.families.some((f) => HAN_FONT.test(f.family));
	return hanFont;
}

function labelFor(label: string, index: number): string {
	return HAN.test(label) && !canDrawHan() ? String(index + 1) : shorten(label);
}

function shorten(label: string): string {
	return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}
