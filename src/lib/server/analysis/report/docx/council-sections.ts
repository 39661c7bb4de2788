import { councilOutline, type CouncilSection } from '../../../../domain/report/council-outline.ts';
import { isSuppressed, type Masked } from '../../../../domain/analysis/suppression.ts';
import type { ScaleSummary } from '../../../../domain/analysis/stats.ts';
import type { IndexSummary } from '../../../../domain/analysis/aggregate.ts';
import { REPORT_TEXT } from '../report-text.ts';
import type { Layout } from './council-layout.ts';
import type { CouncilWords } from './council-words.ts';
import { secretariatText, type GroupFigures, type LabelledFigure, type RateRow, type ReportModel } from './council-docx.ts';
import type { ReportChart } from './council-report-charts.ts';

/** The executive summary, sections 1 to 10 and the annexes, in the order of the outline. */

type Ctx = { l: Layout; w: CouncilWords; model: ReportModel; o: { locale: ReportModel['locale'] }; charts: Map<CouncilSection, ReportChart[]> };

function figureRow(c: Ctx, label: string, figure: Masked<ScaleSummary | IndexSummary> | null): string[] {
	const t = REPORT_TEXT[c.model.locale];
	// The mark held together by no-break spaces: in a crowded table "n < 5" otherwise stood one sign per line.
	if (figure === null || isSuppressed(figure)) return [label, ...Array<string>(6).fill(t.suppressed(c.model.minCount).replace(/ /g, '\u00A0'))];
	return [
		label,
		c.w.int(figure.n),
		c.w.int(figure.na),
		c.w.num(figure.mean),
		c.w.interval(figure.ci95),
		c.w.pct(figure.satisfied),
		c.w.pct(figure.dissatisfied)
	];
}

/**
 * A table of figures. The shares satisfied and dissatisfied are headed by their scale points ("4–5", "1–2") and
 * named in a note under the table: their full names ("Удовлетворены", "Не удовлетворены") left the items a
 * quarter of the width in Russian, three words a line.
 */
function figureTable(c: Ctx, title: string, first: string, rows: LabelledFigure<ScaleSummary | IndexSummary>[]): void {
	const col = REPORT_TEXT[c.model.locale].col;
	const [high, low] = [`${c.w.int(4)}–${c.w.int(5)}`, `${c.w.int(1)}–${c.w.int(2)}`];
	c.l.caption(c.w.table(c.l.nextTableNumber(), title));
	c.l.table(
		[first, col.n, col.na, col.mean, col.ci, high, low],
		rows.map((r) => figureRow(c, r.label, r.figure))
	);
	c.l.para(c.w.m.cr_figure_columns({ high, low, satisfied: col.satisfied, dissatisfied: col.dissatisfied }, c.o), { size: 18 });
}

function rateTable(c: Ctx, title: string, first: string, rows: RateRow[]): void {
	const col = REPORT_TEXT[c.model.locale].col;
	const total = rows.reduce((s, r) => ({ invited: s.invited + r.invited, submitted: s.submitted + r.submitted }), { invited: 0, submitted: 0 });
	const line = (label: string, r: { invited: number; submitted: number }) => [
		label,
		c.w.int(r.invited),
		c.w.int(r.submitted),
		r.invited ? c.w.pct(r.submitted / r.invited) : '–'
	];
	c.l.caption(c.w.table(c.l.nextTableNumber(), title));
	c.l.table([first, col.invited, col.submitted, col.rate], [...rows.map((r) => line(r.label, r)), line(col.total, total)]);
}

/**
 * A distribution chart's table header and its legend: the scale points as numbers and the last two columns by
 * their short names (the legend names them), for the full names would leave no room for the items (the Russian
 * "don't know" alone took more than the items).
 */
export function distributionTableLayout(chartHeader: readonly string[], w: CouncilWords): { header: string[]; legend: string } {
	const locale = w.locale;
	const o = { locale };
	const points = chartHeader.slice(1, -2);
	const [item, dontKnow, valid] = [chartHeader[0]!, chartHeader.at(-2)!, chartHeader.at(-1)!];
	const col = REPORT_TEXT[locale].col;
	const named = points.map((p, i) => `${w.int(i + 1)} = ${p.toLocaleLowerCase(locale)}`);
	const note = w.m.cr_distribution_note({ points: w.legend(named) }, o);
	const columns = w.m.cr_distribution_columns({ na: col.na, dontKnow, n: col.n, valid: valid.toLocaleLowerCase(locale) }, o);
	return { header: [item, ...points.map((_, i) => w.int(i + 1)), col.na, col.n], legend: `${note} ${columns}` };
}

/** The section's charts, each with its caption, its text alternative (in the image and printed under it) and, for a distribution, its table of shares. */
function charts(c: Ctx, section: CouncilSection): void {
	for (const { title, chart, kind } of c.charts.get(section) ?? []) {
		c.l.image(c.w.figure(c.l.nextFigureNumber(), title), chart.png, chart.alt);
		c.l.para(chart.alt, { size: 18 });
		if (kind !== 'distribution') continue;
		const table = distributionTableLayout(chart.table.header, c.w);
		c.l.caption(c.w.table(c.l.nextTableNumber(), title));
		c.l.table(table.header, chart.table.rows);
		c.l.para(table.legend, { size: 18 });
	}
}

function groupSection(c: Ctx, section: 'category' | 'region' | 'office', first: string): void {
	const whole = c.model.items.find((i) => i.label === c.model.overallQuestion)?.figure ?? null;
	// Kept with the chart after it: the heading and this line stood alone at a page's foot (Chinese page 8).
	c.l.para(c.w.m.cr_group_intro({ question: c.model.overallQuestion }, c.o), { keepNext: true });
	charts(c, section);
	const rows: LabelledFigure<ScaleSummary>[] = c.model.groups[section]
		.filter((g) => g.overall !== null)
		.map((g) => ({ label: `${g.label}`, figure: g.overall! }));
	if (whole) rows.push({ label: c.w.m.cr_whole({}, c.o), figure: whole });
	figureTable(c, `${c.model.overallQuestion} – ${first}`, first, rows);
}

function writeMethodology(c: Ctx): void {
	const { l, w, model, o } = c;
	const t = REPORT_TEXT[model.locale];
	if (model.period.opens && model.period.closes) l.para(w.m.cr_m_period({ start: w.date(model.period.opens), end: w.date(model.period.closes) }, o));
	const invited = model.rates.region.reduce((s, r) => s + r.invited, 0);
	l.para(w.m.cr_m_population({ invited: w.int(invited) }, o));
	l.para(w.m.cr_m_languages({ languages: new Intl.ListFormat(model.locale, { type: 'conjunction' }).format(Object.values(model.languageNames)) }, o));
	l.para(w.m.cr_m_invitation({}, o));
	l.para(w.m.cr_m_rates({}, o));
	rateTable(c, w.m.cr_rates_region({}, o), t.col.region, model.rates.region);
	if (model.rates.category) rateTable(c, w.m.cr_rates_category({}, o), w.m.cr_col_category({}, o), model.rates.category);
	if (model.rates.sector) rateTable(c, w.m.cr_rates_sector({}, o), w.m.cr_col_sector({}, o), model.rates.sector);
	if (!model.rates.category || !model.rates.sector) l.para(w.m.cr_rates_not_released({}, o));
	l.para(w.m.cr_m_na({}, o));
	l.para(w.m.cr_m_intervals({}, o));
	l.para(w.m.cr_m_suppression({ k: w.int(model.minCount) }, o));
	l.para(w.m.cr_m_nonresponse({}, o));
}

/** The quotations an analyst selected and edited (stored as text, never linked to a response): nothing else is quoted. */
function writeQuotations(c: Ctx): void {
	const quotations = c.model.secretariat.quotations;
	if (quotations.length === 0) return;
	const title = c.w.m.cr_quotations({}, c.o);
	c.l.heading(title, null, { level: 2 });
	for (const q of quotations) c.l.para(q.trim() ? c.w.m.cr_quotation({ text: q.trim() }, c.o) : c.w.m.cr_missing({ field: title }, c.o));
}

function writeSection(c: Ctx, id: CouncilSection): void {
	const { l, w, model, o } = c;
	const t = REPORT_TEXT[model.locale];
	switch (id) {
		case 'introduction':
			l.para(t.mandateText);
			l.para(w.m.cr_release({ number: w.int(model.release.number), date: w.date(model.release.date), respondents: w.int(model.respondents) }, o));
			return;
		case 'methodology':
			return writeMethodology(c);
		case 'overall': {
			// The sentence names the two tables that follow it.
			const next = l.tablesSoFar() + 1;
			l.para(w.m.cr_overall_intro({ table: w.int(next), items: w.int(next + 1), question: model.overallQuestion }, o), { keepNext: true });
			figureTable(c, model.sectionsTitle, t.col.item, model.sections);
			figureTable(c, model.itemsTitle, t.col.item, model.items);
			charts(c, 'overall');
			return;
		}
		case 'category':
			return groupSection(c, 'category', w.m.cr_col_category({}, o));
		case 'region':
			return groupSection(c, 'region', t.col.region);
		case 'office':
			return groupSection(c, 'office', w.m.cr_col_office({}, o));
		case 'criterion':
			charts(c, 'criterion');
			figureTable(c, model.criteriaTitle, t.col.item, model.criteria);
			return;
		case 'comparison': {
			const wave = model.wave;
			if (!wave) return l.para(w.m.cr_comparison_none({}, o));
			l.para(w.m.cr_comparison_intro({ label: wave.label }, o), { keepNext: true });
			charts(c, 'comparison');
			const cw = t.waveCols;
			l.caption(w.table(l.nextTableNumber(), wave.title));
			l.table(
				[t.col.item, `${wave.label} (${t.col.n})`, `${cw.current} (${t.col.n})`, cw.change, cw.beyond],
				wave.rows.map((r) => [
					r.label,
					`${w.num(r.previous)} (${w.int(r.previousN)})`,
					r.current === null ? t.suppressed(model.minCount) : `${w.num(r.current)} (${w.int(r.currentN ?? 0)})`,
					r.difference === null ? '–' : `${w.num(r.difference)} (${w.interval(r.ci95)})`,
					r.significant === null ? '–' : r.significant ? cw.yes : cw.no
				])
			);
			return;
		}
		case 'comments':
			l.para(w.m.cr_comments_intro({ k: w.int(model.minCount) }, o));
			if (model.themes.length === 0) l.para(t.themesNone);
			else {
				l.caption(w.table(l.nextTableNumber(), t.themes));
				l.table(
					[t.theme, t.comments],
					model.themes.map((th) => [th.name, th.count === null ? t.suppressed(model.minCount) : w.int(th.count)])
				);
			}
			return writeQuotations(c);
		case 'conclusions':
			l.paras(secretariatText(model, w, 'conclusions', w.section('conclusions')));
			l.heading(w.m.cr_recommendations({}, o), null, { level: 2 });
			l.paras(secretariatText(model, w, 'recommendations', w.m.cr_recommendations({}, o)));
			return;
	}
}

export function writeSections(l: Layout, w: CouncilWords, model: ReportModel, charts: Map<CouncilSection, ReportChart[]>): void {
	const c: Ctx = { l, w, model, o: { locale: model.locale }, charts };
	l.heading(w.m.cr_exec_summary({}, c.o), null, { newPage: true });
	for (const point of model.summary) l.para(w.summary(point));
	l.para(w.m.cr_sum_secretariat({}, c.o), { bold: true, keepNext: true });
	l.paras(secretariatText(model, w, 'summaryAddition', w.m.cr_exec_summary({}, c.o)));
	for (const s of councilOutline().sections) {
		l.heading(w.section(s.id), s.number);
		writeSection(c, s.id);
	}
}

function groupTables(c: Ctx, heading: string, groups: GroupFigures[]): void {
	const t = REPORT_TEXT[c.model.locale];
	c.l.heading(heading, null, { level: 2 });
	for (const g of groups) figureTable(c, `${g.label} (${t.col.n} = ${c.w.int(g.respondents)})`, t.col.item, [...g.sections, ...g.items]);
}

export function writeAnnexes(l: Layout, w: CouncilWords, model: ReportModel): void {
	const c: Ctx = { l, w, model, o: { locale: model.locale }, charts: new Map() };
	const [questionnaire, tables] = councilOutline().annexes;
	l.heading(w.annex('questionnaire', questionnaire!.number), null, { newPage: true });
	for (const q of model.annex) {
		l.para(q.title, { bold: true, keepNext: true });
		if (q.condition) l.para(q.condition);
		if (q.rows?.length) l.para(w.m.cr_matrix_rows({ rows: q.rows.join(' · ') }, c.o));
		if (q.choices.length) l.para(w.m.cr_answer_options({ options: q.choices.join(' · ') }, c.o));
	}
	l.heading(w.annex('tables', tables!.number), null, { newPage: true });
	groupTables(c, w.section('category'), model.groups.category);
	groupTables(c, w.section('region'), model.groups.region);
	groupTables(c, w.section('office'), model.groups.office);
}
