import { createHash } from 'node:crypto';
import type { Db } from '../../db/create-db.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type { AnalysisReportTable } from '../../db/schema-analysis.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../../domain/errors.ts';
import { LOCALES, isLocale, surveyCoreLocale, type Locale } from '../../../domain/locales.ts';
import { localize, type Catalogue, type LocalizedText } from '../../../domain/analysis/catalogue.ts';
import type { PublishedResult } from '../../../domain/analysis/suppression.ts';
import { appendAudit } from '../../access/audit/audit-repository.ts';
import { findEditionBySlug } from '../../distribution/editions-repository.ts';
import { listRegions } from '../../distribution/reference-repository.ts';
import { latestRelease, type Release } from '../releases.ts';
import { renderCouncilReport, type LabelledFigure, type ReportModel } from './council-docx.ts';
import { REPORT_TEXT } from './report-text.ts';
import type { ScaleSummary } from '../../../domain/analysis/stats.ts';
import type { IndexSummary } from '../../../domain/analysis/aggregate.ts';

export type StoredReport = Omit<AnalysisReportTable, 'content_base64' | 'data_json'>;

const OFFICES_QUESTION = 'offices_dealt_with';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function labels(catalogue: Catalogue, surveyLocale: string) {
	const item = (key: string) => {
		const s = catalogue.scales.find((i) => i.key === key)!;
		return s.rowTitle === null ? localize(s.title, surveyLocale) : `${localize(s.title, surveyLocale)}: ${localize(s.rowTitle, surveyLocale)}`;
	};
	return { item };
}

function figures(result: PublishedResult, catalogue: Catalogue, locale: Locale) {
	const t = REPORT_TEXT[locale];
	const { item } = labels(catalogue, surveyCoreLocale(locale));
	return {
		items: catalogue.scales.map((s): LabelledFigure<ScaleSummary> => ({ label: item(s.key), figure: result.scales[s.key]! })),
		sections: catalogue.sections.map((s): LabelledFigure<IndexSummary> => ({ label: t.sectionNames[s] ?? s, figure: result.sections[s]! })),
		criteria: catalogue.criteria.map((c): LabelledFigure<IndexSummary> => ({ label: t.criterionNames[c] ?? c, figure: result.criteria[c]! }))
	};
}

function annexOf(definition: Record<string, unknown>, surveyLocale: string): ReportModel['annex'] {
	const annex: ReportModel['annex'] = [];
	const pages = Array.isArray(definition.pages) ? (definition.pages as Record<string, unknown>[]) : [];
	for (const page of pages) {
		for (const e of (page.elements as Record<string, unknown>[] | undefined) ?? []) {
			const list = (e.rows ?? e.choices ?? []) as unknown[];
			const choices = list.map((c) => (typeof c === 'object' && c !== null ? localize(((c as Record<string, unknown>).text as LocalizedText) ?? String((c as Record<string, unknown>).value), surveyLocale) : String(c)));
			annex.push({ title: localize((e.title as LocalizedText) ?? String(e.name), surveyLocale), choices });
		}
	}
	return annex;
}

/**
 * The report's content for one language, drawn only from a results release (the
 * Council's view, suppressed when released): never a live query.
 */
export async function buildReportModel(db: Db, release: Release, locale: Locale): Promise<{ model: ReportModel; data: unknown }> {
	const s = release.snapshot;
	const edition = await findEditionBySlug(db, s.edition.slug);
	if (!edition) throw new NotFoundError(`no edition "${s.edition.slug}"`);
	// The questionnaire's text (for the annex) is not a figure: it is read as it stands.
	const questionnaire = await db.selectFrom('questionnaire').select('definition_json').where('id', '=', edition.questionnaire_id).executeTakeFirstOrThrow();
	const definition = JSON.parse(questionnaire.definition_json) as Record<string, unknown>;
	const catalogue = s.catalogue;
	const minCount = s.minCount;
	const surveyLocale = surveyCoreLocale(locale);
	const regionNames = new Map((await listRegions(db)).map((r) => [r.code, r.name[locale] ?? r.name.en ?? r.code]));
	const offices = catalogue.choices.find((c) => c.name === OFFICES_QUESTION);
	const officeName = (code: string) => localize(offices?.choices.find((c) => c.value === code)?.label ?? code, surveyLocale);
	const { byRegion, byOffice } = s.report;
	const rates = s.rates.slice(0, -1);
	const themes = s.themes;
	const latestWave = s.waves[0];
	const t = REPORT_TEXT[locale];
	const group = (label: string, result: PublishedResult) => {
		const f = figures(result, catalogue, locale);
		return { label, respondents: result.respondents, sections: f.sections, items: f.items };
	};
	const overall = figures(byRegion.total, catalogue, locale);
	const title = s.surveyTitle ?? s.edition.title;
	const model: ReportModel = {
		locale,
		editionTitle: localize(title, surveyLocale),
		dataAsOf: (s.lastSubmittedAt ?? release.releasedAt).slice(0, 10),
		release: { number: release.number, date: release.releasedAt.slice(0, 10) },
		respondents: release.respondents,
		minCount,
		rates: rates.map((r) => ({ label: regionNames.get(r.region) ?? r.region, invited: r.invited, submitted: r.submitted })),
		...overall,
		breakdowns: [
			{ heading: t.regions, groups: byRegion.groups.filter((g) => g.result.respondents > 0).map((g) => group(regionNames.get(g.key) ?? g.key, g.result)) },
			{ heading: localize(offices?.title ?? OFFICES_QUESTION, surveyLocale), groups: byOffice.groups.filter((g) => g.result.respondents > 0 && g.key !== 'none').map((g) => group(officeName(g.key), g.result)) }
		],
		themes,
		wave: latestWave
			? {
					label: latestWave.label,
					rows: latestWave.comparisons.map((c) => ({ label: labels(catalogue, surveyLocale).item(c.key), previous: c.previous.mean, previousN: c.previous.n, current: c.current?.mean ?? null, currentN: c.current?.n ?? null, difference: c.difference, ci95: c.ci95, significant: c.significant }))
				}
			: null,
		annex: annexOf(definition, surveyLocale)
	};
	return { model, data: { release: release.number, releaseId: release.id, minCount, byRegion, byOffice, rates, themes, wave: latestWave ?? null } };
}

/** Generates the Council report in one language and keeps it with the data it was built from. */
export async function generateCouncilReport(db: Db, slug: string, locale: string, actor: string): Promise<StoredReport> {
	if (!isLocale(locale)) throw new InvalidInputError(`language must be one of ${LOCALES.join(', ')} (got "${locale}")`);
	if (!(await findEditionBySlug(db, slug))) throw new NotFoundError(`no edition "${slug}"`);
	const release = await latestRelease(db, slug);
	if (!release) throw new ConflictError('no results released yet: release the results first, then generate the report from that release');
	const { model, data } = await buildReportModel(db, release, locale);
	const lastSubmittedAt = release.lastSubmittedAt;
	const minCount = release.minCount;
	const content = await renderCouncilReport(model);
	const dataJson = JSON.stringify(data);
	const edition = (await db.selectFrom('edition').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
	const row: AnalysisReportTable = {
		id: newId(),
		edition_id: edition,
		locale,
		format: 'docx',
		created_at: nowIso(),
		created_by: actor,
		min_count: minCount,
		respondents: model.respondents,
		last_submitted_at: lastSubmittedAt,
		data_json: dataJson,
		data_sha256: sha256(dataJson),
		content_base64: content.toString('base64'),
		content_sha256: sha256(content)
	};
	await db.transaction().execute(async (trx) => {
		await trx.insertInto('analysis_report').values(row).execute();
		await appendAudit(trx, { actor, action: 'report.generate', targetType: 'analysis_report', targetId: row.id, details: { edition: slug, locale, release: release.number, respondents: row.respondents, data_sha256: row.data_sha256 } });
	});
	const { content_base64: _c, data_json: _d, ...stored } = row;
	return stored;
}

export async function listReports(db: Db, slug: string): Promise<StoredReport[]> {
	return db
		.selectFrom('analysis_report as a')
		.innerJoin('edition as e', 'e.id', 'a.edition_id')
		.select(['a.id', 'a.edition_id', 'a.locale', 'a.format', 'a.created_at', 'a.created_by', 'a.min_count', 'a.respondents', 'a.last_submitted_at', 'a.data_sha256', 'a.content_sha256'])
		.where('e.slug', '=', slug)
		.orderBy('a.created_at', 'desc')
		.execute();
}

export async function reportFile(db: Db, slug: string, id: string): Promise<{ filename: string; type: string; content: Buffer }> {
	const row = await db
		.selectFrom('analysis_report as a')
		.innerJoin('edition as e', 'e.id', 'a.edition_id')
		.select(['a.locale', 'a.created_at', 'a.content_base64'])
		.where('e.slug', '=', slug)
		.where('a.id', '=', id)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('no such report');
	return { filename: `council-report-${slug}-${row.locale}-${row.created_at.slice(0, 10)}.docx`, type: DOCX_TYPE, content: Buffer.from(row.content_base64, 'base64') };
}
