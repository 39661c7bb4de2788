import { Document, Packer, Paragraph, TableOfContents, PageBreak } from 'docx';
import type { Locale } from '../../../../domain/locales.ts';
import type { IndexSummary } from '../../../../domain/analysis/aggregate.ts';
import type { ScaleSummary } from '../../../../domain/analysis/stats.ts';
import type { Masked } from '../../../../domain/analysis/suppression.ts';
import type { SummaryPoint } from '../../../../domain/report/executive-summary.ts';
import type { SecretariatTextField, SecretariatTextsForLanguage } from '../../../../domain/report/secretariat-texts.ts';
import { Layout, PAGE, reportStyles } from './council-layout.ts';
import { CouncilWords } from './council-words.ts';
import { writeAnnexes, writeSections } from './council-sections.ts';
import { reportCharts } from './council-report-charts.ts';
import { REPORT_TEXT } from '../report-text.ts';

/** Everything the Council report says, already localised and suppressed: the renderer only lays it out. */
export interface ReportModel {
	locale: Locale;
	editionTitle: string;
	dataAsOf: string;
	/** The results release the figures come from (issue 15 item 6). */
	release: { number: number; date: string };
	respondents: number;
	minCount: number;
	period: { opens: string | null; closes: string | null };
	/** The Secretariat's own texts in this language; incomplete texts make the report a draft. */
	secretariat: SecretariatTextsForLanguage;
	/** The six languages (code → name in the report's language), in the order the report lists them. */
	languageNames: Record<string, string>;
	rates: { region: RateRow[]; category: RateRow[] | null; sector: RateRow[] | null };
	summary: SummaryPoint[];
	/** The overall-satisfaction question's wording. */
	overallQuestion: string;
	itemsTitle: string;
	sectionsTitle: string;
	criteriaTitle: string;
	items: LabelledFigure<ScaleSummary>[];
	sections: LabelledFigure<IndexSummary>[];
	criteria: LabelledFigure<IndexSummary>[];
	groups: Record<'category' | 'region' | 'office', GroupFigures[]>;
	/** The latest imported previous edition, item by item (null figures: not comparable or suppressed). */
	wave: {
		label: string;
		title: string;
		rows: {
			label: string;
			previous: number;
			previousN: number;
			current: number | null;
			currentN: number | null;
			difference: number | null;
			ci95: [number, number] | null;
			significant: boolean | null;
		}[];
	} | null;
	/** Comments per theme; null counts are suppressed. */
	themes: { name: string; count: number | null }[];
	/** The questionnaire, question by question, its display condition already in words. */
	annex: { title: string; choices: string[]; condition: string | null; rows?: string[] }[];
}

export interface RateRow {
	label: string;
	invited: number;
	submitted: number;
}

export interface GroupFigures {
	label: string;
	respondents: number;
	/** The overall-satisfaction question in the group (null when the questionnaire has none). */
	overall: Masked<ScaleSummary> | null;
	sections: LabelledFigure<IndexSummary>[];
	items: LabelledFigure<ScaleSummary>[];
}

export interface LabelledFigure<T> {
	label: string;
	figure: Masked<T>;
	/** The questionnaire section an item belongs to (its index's name): section 3 draws one distribution chart per section. */
	group?: string;
}

/** A Secretariat text, or in a draft a visible note that it is still to be written. */
export function secretariatText(model: ReportModel, words: CouncilWords, field: SecretariatTextField, fieldName: string): string {
	const text = model.secretariat.texts[field]?.trim();
	return text ? text : words.m.cr_missing({ field: fieldName }, { locale: model.locale });
}

function writeCover(l: Layout, w: CouncilWords, model: ReportModel): string {
	const o = { locale: model.locale };
	const s = model.secretariat;
	const symbol = secretariatText(model, w, 'documentSymbol', w.m.cr_document({ symbol: '' }, o).trim());
	const session = s.texts.councilSession.trim() || w.m.cr_missing({ field: w.m.cr_council({}, o) }, o);
	const original = s.originalLanguage ? (model.languageNames[s.originalLanguage] ?? s.originalLanguage) : '–';
	l.coverTable([session], [w.m.cr_document({ symbol }, o), w.date(s.documentDate), w.m.cr_original({ language: original }, o)]);
	l.para(w.m.cr_report_by({}, o), { bold: true, align: 'center' });
	l.para(w.m.cr_title({}, o), { bold: true, align: 'center', size: 28 });
	l.para(model.editionTitle, { align: 'center' });
	l.para(w.m.cr_purpose({}, o), { bold: true, keepNext: true });
	l.paras(secretariatText(model, w, 'purpose', w.m.cr_purpose({}, o)));
	l.para(w.m.cr_action_required({}, o), { bold: true, keepNext: true });
	l.paras(secretariatText(model, w, 'actionRequired', w.m.cr_action_required({}, o)));
	l.para(w.m.cr_references({}, o), { bold: true, keepNext: true });
	const references = s.texts.references
		.split('\n')
		.map((r) => r.trim())
		.filter(Boolean);
	for (const reference of [w.m.cr_resolution_reference({}, o), ...references]) l.para(reference);
	l.para(w.m.cr_release({ number: w.int(model.release.number), date: w.date(model.release.date), respondents: w.int(model.respondents) }, o));
	if (!s.complete) l.para(w.m.cr_draft_note({}, o), { bold: true });
	return symbol;
}

/** Builds the Council report as a DOCX file: an ITU Council document, final or draft. */
export async function renderCouncilReport(model: ReportModel): Promise<Buffer> {
	const l = new Layout(model.locale);
	const w = new CouncilWords(model.locale);
	const o = { locale: model.locale };
	const symbol = writeCover(l, w, model);
	const cover = l.blocks.splice(0);
	const toc = new TableOfContents(w.m.cr_contents({}, o), { hyperlink: true, headingStyleRange: '1-1' });
	const contents = [new Paragraph({ bidirectional: l.rtl, children: [new PageBreak(), l.run(w.m.cr_contents({}, o), { bold: true, size: 26 })] }), toc];
	const dimension = { category: w.m.cr_col_category({}, o), region: REPORT_TEXT[model.locale].col.region, office: w.m.cr_col_office({}, o) };
	const charts = await reportCharts(model, {
		distribution: (title) => w.m.cr_fig_distribution({ title }, o),
		means: (title) => w.m.cr_fig_means({ title }, o),
		overallBy: (d) => w.m.cr_overall_question_by({ dimension: dimension[d].toLocaleLowerCase(model.locale) }, o),
		whole: w.m.cr_whole({}, o),
		current: REPORT_TEXT[model.locale].waveCols.current
	});
	writeSections(l, w, model, charts);
	writeAnnexes(l, w, model);
	const draft = model.secretariat.complete ? null : w.m.cr_draft({}, o);
	const doc = new Document({
		creator: 'Regional Presence Survey',
		title: w.m.cr_title({}, o),
		description: model.editionTitle,
		features: { updateFields: true },
		styles: reportStyles(model.locale),
		sections: [
			{
				properties: {
					page: {
						size: { width: PAGE.width, height: PAGE.height },
						margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 567, footer: 567 }
					}
				},
				headers: { default: l.header(symbol, draft) },
				footers: { default: l.footer() },
				children: [...cover, ...contents, ...l.blocks]
			}
		]
	});
	return Packer.toBuffer(doc);
}
