import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Locale } from '../../../domain/locales.ts';
import type { IndexSummary } from '../../../domain/analysis/aggregate.ts';
import type { ScaleSummary } from '../../../domain/analysis/stats.ts';
import { isSuppressed, type Masked } from '../../../domain/analysis/suppression.ts';
import { REPORT_TEXT, type ReportText } from './report-text.ts';
import { CHART_WIDTH, renderMeanBarChart } from './charts.ts';

/** Everything the Council report says, already localised and suppressed: the renderer only lays it out. */
export interface ReportModel {
	locale: Locale;
	editionTitle: string;
	dataAsOf: string;
	/** The results release the figures come from. */
	release: { number: number; date: string };
	respondents: number;
	minCount: number;
	rates: { label: string; invited: number; submitted: number }[];
	items: LabelledFigure<ScaleSummary>[];
	sections: LabelledFigure<IndexSummary>[];
	criteria: LabelledFigure<IndexSummary>[];
	/** "Results by region", then by office: one heading per group. */
	breakdowns: { heading: string; groups: { label: string; respondents: number; sections: LabelledFigure<IndexSummary>[]; items: LabelledFigure<ScaleSummary>[] }[] }[];
	/** The latest imported previous edition, item by item (null figures: not comparable or suppressed). */
	wave: { label: string; rows: { label: string; previous: number; previousN: number; current: number | null; currentN: number | null; difference: number | null; ci95: [number, number] | null; significant: boolean | null }[] } | null;
	/** Comments per theme; null counts are suppressed. */
	themes: { name: string; count: number | null }[];
	annex: { title: string; choices: string[] }[];
}

export interface LabelledFigure<T> {
	label: string;
	figure: Masked<T>;
}

/** Word's language tags for the six languages (run properties, for spelling and fonts). */
const WORD_LANGUAGE: Record<Locale, string> = { ar: 'ar-SA', zh: 'zh-CN', en: 'en-GB', fr: 'fr-FR', ru: 'ru-RU', es: 'es-ES' };
/** Chart image width in the document (pixels at 96 dpi): fits an A4 text column. */
const IMAGE_WIDTH = 600;
const SCALE_MAX = 5;

class Writer {
	readonly children: (Paragraph | Table)[] = [];
	readonly t: ReportText;
	readonly rtl: boolean;
	readonly number: Intl.NumberFormat;
	readonly percent: Intl.NumberFormat;
	readonly model: ReportModel;
	constructor(model: ReportModel) {
		this.model = model;
		this.t = REPORT_TEXT[model.locale];
		this.rtl = model.locale === 'ar';
		this.number = new Intl.NumberFormat(model.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
		this.percent = new Intl.NumberFormat(model.locale, { style: 'percent', maximumFractionDigits: 0 });
	}
	run(text: string, bold = false): TextRun {
		const lang = WORD_LANGUAGE[this.model.locale];
		return new TextRun({ text, bold, rightToLeft: this.rtl, language: { value: lang, eastAsia: lang, bidirectional: lang } });
	}
	heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1): void {
		this.children.push(new Paragraph({ heading: level, bidirectional: this.rtl, children: [this.run(text)] }));
	}
	para(text: string): void {
		this.children.push(new Paragraph({ bidirectional: this.rtl, children: [this.run(text)] }));
	}
	table(header: string[], rows: string[][]): void {
		const cell = (text: string, bold: boolean) => new TableCell({ children: [new Paragraph({ bidirectional: this.rtl, alignment: AlignmentType.START, children: [this.run(text, bold)] })] });
		this.children.push(
			new Table({
				width: { size: 100, type: WidthType.PERCENTAGE },
				visuallyRightToLeft: this.rtl,
				rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) }))]
			})
		);
	}
	chart(caption: string, data: { label: string; value: number | null }[]): void {
		if (data.length === 0) return;
		const png = renderMeanBarChart(data, { max: SCALE_MAX, rtl: this.rtl });
		const height = Math.round((png.readUInt32BE(20) / CHART_WIDTH) * IMAGE_WIDTH);
		this.children.push(
			new Paragraph({ bidirectional: this.rtl, children: [new ImageRun({ type: 'png', data: png, transformation: { width: IMAGE_WIDTH, height }, altText: { name: caption, description: caption, title: caption } })] }),
			new Paragraph({ bidirectional: this.rtl, children: [this.run(this.t.figure(caption))] })
		);
	}
	num(v: number | null): string {
		return v === null ? '–' : this.number.format(v);
	}
	pct(v: number | null): string {
		return v === null ? '–' : this.percent.format(v);
	}
	ci(v: [number, number] | null): string {
		return v === null ? '–' : `${this.num(v[0])} – ${this.num(v[1])}`;
	}
	/** Item | n | don't know | mean | CI | satisfied | dissatisfied, or "n < k" across. */
	figureRow(label: string, figure: Masked<ScaleSummary | IndexSummary>): string[] {
		if (isSuppressed(figure)) return [label, ...Array<string>(6).fill(this.t.suppressed(this.model.minCount))];
		const na = 'na' in figure ? String(figure.na) : '–';
		return [label, String(figure.n), na, this.num(figure.mean), this.ci(figure.ci95), this.pct(figure.satisfied), this.pct(figure.dissatisfied)];
	}
	figureTable(rows: LabelledFigure<ScaleSummary | IndexSummary>[]): void {
		const c = this.t.col;
		this.table([c.item, c.n, c.na, c.mean, c.ci, c.satisfied, c.dissatisfied], rows.map((r) => this.figureRow(r.label, r.figure)));
	}
}

const meanOf = (f: Masked<ScaleSummary | IndexSummary>) => (isSuppressed(f) ? null : f.mean);

function writeFindings(w: Writer): void {
	const { t, model } = w;
	w.heading(t.findings);
	const overall = model.sections.find((s) => s.label === t.sectionNames.overall)?.figure;
	if (overall && !isSuppressed(overall) && overall.mean !== null) w.para(t.findingOverall(w.pct(overall.satisfied), w.num(overall.mean)));
	const rated = model.items.filter((i) => meanOf(i.figure) !== null).sort((a, b) => meanOf(b.figure)! - meanOf(a.figure)!);
	if (rated.length > 1) {
		w.para(t.findingBest(rated[0]!.label, w.num(meanOf(rated[0]!.figure))));
		w.para(t.findingWorst(rated.at(-1)!.label, w.num(meanOf(rated.at(-1)!.figure))));
	}
}

/** Builds the Council report as a DOCX file. */
export async function renderCouncilReport(model: ReportModel): Promise<Buffer> {
	const w = new Writer(model);
	const { t } = w;
	w.children.push(new Paragraph({ heading: HeadingLevel.TITLE, bidirectional: w.rtl, children: [w.run(t.title)] }));
	w.para(model.editionTitle);
	w.para(t.dataAsOf(model.dataAsOf, model.respondents));
	w.para(t.release(model.release.number, model.release.date));
	w.heading(t.mandate);
	w.para(t.mandateText);
	w.heading(t.method);
	w.para(t.methodText(model.minCount));

	w.heading(t.rates);
	const total = model.rates.reduce((s, r) => ({ invited: s.invited + r.invited, submitted: s.submitted + r.submitted }), { invited: 0, submitted: 0 });
	w.para(t.ratesText(total.submitted, total.invited));
	const rate = (s: number, i: number) => (i === 0 ? '–' : w.pct(s / i));
	w.table(
		[t.col.region, t.col.invited, t.col.submitted, t.col.rate],
		[...model.rates.map((r) => [r.label, String(r.invited), String(r.submitted), rate(r.submitted, r.invited)]), [t.col.total, String(total.invited), String(total.submitted), rate(total.submitted, total.invited)]]
	);

	writeFindings(w);
	w.heading(t.sections);
	w.figureTable(model.sections);
	w.chart(t.sections, model.sections.map((s) => ({ label: s.label, value: meanOf(s.figure) })));
	w.heading(t.criteria);
	w.figureTable(model.criteria);
	w.chart(t.criteria, model.criteria.map((s) => ({ label: s.label, value: meanOf(s.figure) })));
	w.heading(t.questions);
	w.figureTable(model.items);
	w.chart(t.questions, model.items.map((s) => ({ label: s.label, value: meanOf(s.figure) })));

	if (model.wave) {
		const c = t.waveCols;
		w.heading(t.wave(model.wave.label));
		w.table(
			[t.col.item, `${model.wave.label}: ${t.col.mean} (${t.col.n})`, `${c.current}: ${t.col.mean} (${t.col.n})`, c.change, c.beyond],
			model.wave.rows.map((r) => [
				r.label,
				`${w.num(r.previous)} (${r.previousN})`,
				r.current === null ? t.suppressed(model.minCount) : `${w.num(r.current)} (${r.currentN})`,
				r.difference === null ? '–' : `${w.num(r.difference)} (${w.ci(r.ci95)})`,
				r.significant === null ? '–' : r.significant ? c.yes : c.no
			])
		);
	}

	for (const b of model.breakdowns) {
		w.heading(b.heading);
		for (const g of b.groups) {
			w.heading(`${g.label} (${t.col.n} = ${g.respondents})`, HeadingLevel.HEADING_2);
			w.figureTable([...g.sections, ...g.items]);
		}
	}

	w.heading(t.themes);
	if (model.themes.length === 0) w.para(t.themesNone);
	else w.table([t.theme, t.comments], model.themes.map((th) => [th.name, th.count === null ? t.suppressed(model.minCount) : String(th.count)]));

	w.heading(t.annex);
	for (const q of model.annex) {
		w.children.push(new Paragraph({ bidirectional: w.rtl, children: [w.run(q.title, true)] }));
		if (q.choices.length) w.para(q.choices.join(' · '));
	}

	const doc = new Document({
		creator: 'Regional Presence Survey',
		title: t.title,
		description: model.editionTitle,
		sections: [{ properties: {}, children: w.children }]
	});
	return Packer.toBuffer(doc);
}
