import { createHash } from 'node:crypto';
import type { Db } from '../../db/create-db.ts';
import { newId, nowIso } from '../../db/ids.ts';
import type { AnalysisReportTable } from '../../db/schema/analysis.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../../domain/errors.ts';
import { LOCALES, isLocale, surveyCoreLocale, type Locale } from '../../../domain/locales.ts';
import { localize } from '../../../domain/analysis/catalogue.ts';
import { isSuppressed, type Masked, type PublishedResult } from '../../../domain/analysis/suppression.ts';
import { NO_GROUP } from '../../../domain/analysis/dimensions.ts';
import { summaryPoints } from '../../../domain/report/executive-summary.ts';
import type { Edition } from '../../db/schema/database.ts';
import type { GroupRate } from '../analysis-release-rates.ts';
import { latestSecretariatTexts } from '../report-secretariat-texts.ts';
import type { SecretariatTextsForLanguage } from '../../../domain/report/secretariat-texts.ts';
import { annexOf } from './report-annex.ts';
import { secretariatFor } from './report-secretariat.ts';
import { appendAudit } from '../../access/audit/audit-repository.ts';
import { findEditionBySlug } from '../../distribution/editions/editions.ts';
import { listRegions } from '../../distribution/reference.ts';
import { findQuestionnaireById } from '../../authoring/questionnaires.ts';
import { latestRelease, type Release } from '../releases.ts';
import type { GroupFigures, ReportModel } from './docx/council-docx.ts';
import { renderReports } from './render-reports.ts';
import { figures, labels } from './report-figures.ts';
import { REPORT_TEXT } from './report-text.ts';
import type { ScaleSummary } from '../../../domain/analysis/stats.ts';

export type StoredReport = Omit<AnalysisReportTable, 'content_base64' | 'data_json'>;

const OFFICES_QUESTION = 'offices_dealt_with';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

const OVERALL_QUESTION = 'overall_satisfaction';
const CATEGORY_QUESTION = 'respondent_category';
const SECTORS_QUESTION = 'sectors_involved';

type Element = Record<string, unknown>;

type Groups = { key: string; result: PublishedResult }[];

/**
 * What the report in every language is made of, loaded once per generation (issue 13: one load per
 * report): the edition, the questionnaire's text (for the annex; not a figure, read as it stands),
 * the regions' names. The figures come from the release; nothing here reads a response.
 */
interface ReportSource {
	edition: Edition;
	definition: Element;
	regions: Awaited<ReturnType<typeof listRegions>>;
}

async function loadReportSource(db: Db, edition: Edition): Promise<ReportSource> {
	const [questionnaire, regions] = await Promise.all([findQuestionnaireById(db, edition.questionnaire_id), listRegions(db)]);
	if (!questionnaire) throw new NotFoundError(`no questionnaire for edition "${edition.slug}"`);
	return { edition, definition: JSON.parse(questionnaire.definition_json) as Element, regions };
}

/**
 * The report's content for one language, drawn only from a results release (the Council's view,
 * suppressed when released): never a live query. The Secretariat's texts come with it.
 */
export async function buildReportModel(
	db: Db,
	release: Release,
	locale: Locale,
	secretariat: SecretariatTextsForLanguage
): Promise<{ model: ReportModel; data: unknown }> {
	const edition = await findEditionBySlug(db, release.snapshot.edition.slug);
	if (!edition) throw new NotFoundError(`no edition "${release.snapshot.edition.slug}"`);
	return reportModelFrom(await loadReportSource(db, edition), release, locale, secretariat);
}

/** The report's model in one language from what was loaded once: pure apart from formatting. */
function reportModelFrom(
	source: ReportSource,
	release: Release,
	locale: Locale,
	secretariat: SecretariatTextsForLanguage
): { model: ReportModel; data: unknown } {
	const s = release.snapshot;
	const { edition, definition } = source;
	const { catalogue, minCount } = s;
	const sl = surveyCoreLocale(locale);
	const t = REPORT_TEXT[locale];
	const regionNames = new Map(source.regions.map((r) => [r.code, r.name[locale] ?? r.name.en ?? r.code]));
	const choiceName = (question: string) => {
		const q = catalogue.choices.find((c) => c.name === question);
		return (code: string) => localize(q?.choices.find((c) => c.value === code)?.label ?? code, sl);
	};
	const [officeName, categoryName, sectorName] = [choiceName(OFFICES_QUESTION), choiceName(CATEGORY_QUESTION), choiceName(SECTORS_QUESTION)];
	const { byRegion, byOffice } = s.report;
	const byCategory = s.breakdowns.category;
	const latestWave = s.waves[0];
	const { item } = labels(catalogue, sl);
	const hasOverall = catalogue.scales.some((i) => i.key === OVERALL_QUESTION);
	const groupsOf = (list: Groups, name: (k: string) => string): GroupFigures[] =>
		list
			.filter((g) => g.result.respondents > 0 && g.key !== NO_GROUP)
			.map((g) => ({
				label: name(g.key),
				respondents: g.result.respondents,
				overall: hasOverall ? (g.result.scales[OVERALL_QUESTION] ?? null) : null,
				...figures(g.result, catalogue, locale)
			}));
	const groups = {
		category: groupsOf(byCategory?.groups ?? [], categoryName),
		region: groupsOf(byRegion.groups, (k) => regionNames.get(k) ?? k),
		office: groupsOf(byOffice.groups, officeName)
	};
	const overall = figures(byRegion.total, catalogue, locale);
	const total = s.rates.at(-1) ?? { invited: 0, submitted: 0 };
	const plain = (f: Masked<ScaleSummary> | null | undefined) => (f && !isSuppressed(f) ? { mean: f.mean, ci95: f.ci95 } : { mean: null, ci95: null });
	const overallFigure = byRegion.total.scales[OVERALL_QUESTION];
	const change = latestWave?.comparisons.find((c) => c.key === OVERALL_QUESTION && c.current !== null && c.difference !== null);
	const summary = summaryPoints({
		invited: total.invited,
		submitted: total.submitted,
		overallKey: OVERALL_QUESTION,
		items: catalogue.scales.map((i) => ({ key: i.key, label: item(i.key), ...plain(byRegion.total.scales[i.key]) })),
		overallSatisfied: overallFigure && !isSuppressed(overallFigure) ? overallFigure.satisfied : null,
		change:
			change && latestWave
				? {
						label: latestWave.label,
						previous: change.previous.mean,
						current: change.current!.mean,
						difference: change.difference!,
						significant: change.significant === true
					}
				: null,
		groups: [
			...groups.region.map((g) => ({ dimension: 'region' as const, key: g.label, label: g.label, ...plain(g.overall) })),
			...groups.category.map((g) => ({ dimension: 'category' as const, key: g.label, label: g.label, ...plain(g.overall) }))
		]
	});
	const names = new Intl.DisplayNames([locale], { type: 'language' });
	const title = s.surveyTitle ?? s.edition.title;
	const rate = (name: (k: string) => string) => (r: GroupRate) => ({ label: name(r.key), invited: r.invited, submitted: r.submitted });
	const model: ReportModel = {
		locale,
		editionTitle: localize(title, sl),
		dataAsOf: (s.lastSubmittedAt ?? release.releasedAt).slice(0, 10),
		release: { number: release.number, date: release.releasedAt.slice(0, 10) },
		respondents: release.respondents,
		minCount,
		period: { opens: edition.opens_at, closes: edition.closes_at },
		secretariat,
		languageNames: Object.fromEntries(LOCALES.map((l) => [l, names.of(l) ?? l])),
		rates: {
			region: s.rates.slice(0, -1).map((r) => ({ label: regionNames.get(r.region) ?? r.region, invited: r.invited, submitted: r.submitted })),
			category: s.groupRates?.category.map(rate(categoryName)) ?? null,
			sector: s.groupRates?.sector.map(rate(sectorName)) ?? null
		},
		summary,
		overallQuestion: hasOverall ? item(OVERALL_QUESTION) : '',
		itemsTitle: t.questions,
		sectionsTitle: t.sections,
		criteriaTitle: t.criteria,
		...overall,
		groups,
		themes: s.themes,
		wave: latestWave
			? {
					label: latestWave.label,
					title: t.wave(latestWave.label),
					rows: latestWave.comparisons.map((c) => ({
						label: item(c.key),
						previous: c.previous.mean,
						previousN: c.previous.n,
						current: c.current?.mean ?? null,
						currentN: c.current?.n ?? null,
						difference: c.difference,
						ci95: c.ci95,
						significant: c.significant
					}))
				}
			: null,
		annex: annexOf(definition, catalogue, locale)
	};
	return {
		model,
		data: {
			release: release.number,
			releaseId: release.id,
			minCount,
			byRegion,
			byOffice,
			byCategory,
			rates: s.rates,
			groupRates: s.groupRates ?? null,
			themes: s.themes,
			wave: latestWave ?? null,
			secretariatVersion: secretariat.version
		}
	};
}

/** Generates the Council report in one language and keeps it with the data it was built from. */
export async function generateCouncilReport(db: Db, slug: string, locale: string, actor: string): Promise<StoredReport> {
	return (await generateCouncilReports(db, slug, [locale], actor))[0]!;
}

/**
 * Generates the Council report in each of the given languages from one load (the edition, its latest
 * release, the questionnaire, the regions and the Secretariat's texts are read once for all of them)
 * and stores them together: all the languages or, on an error, none.
 */
export async function generateCouncilReports(db: Db, slug: string, locales: readonly string[], actor: string): Promise<StoredReport[]> {
	const wanted = locales.map((locale) => {
		if (!isLocale(locale)) throw new InvalidInputError(`language must be one of ${LOCALES.join(', ')} (got "${locale}")`);
		return locale;
	});
	const edition = await findEditionBySlug(db, slug);
	if (!edition) throw new NotFoundError(`no edition "${slug}"`);
	const release = await latestRelease(db, slug);
	if (!release) throw new ConflictError('no results released yet: release the results first, then generate the report from that release');
	const [source, latest] = await Promise.all([loadReportSource(db, edition), latestSecretariatTexts(db, edition)]);
	const built = wanted.map((locale) => reportModelFrom(source, release, locale, secretariatFor(latest, locale)));
	// The languages are laid out in parallel threads (render-reports.ts): the DOCX build is nearly all the time.
	const contents = await renderReports(built.map((b) => b.model));
	const rows = wanted.map((locale, i): AnalysisReportTable => {
		const { model, data } = built[i]!;
		const content = contents[i]!;
		const dataJson = JSON.stringify(data);
		return {
			id: newId(),
			edition_id: edition.id,
			locale,
			format: 'docx',
			created_at: nowIso(),
			created_by: actor,
			min_count: release.minCount,
			respondents: model.respondents,
			last_submitted_at: release.lastSubmittedAt,
			data_json: dataJson,
			data_sha256: sha256(dataJson),
			content_base64: content.toString('base64'),
			content_sha256: sha256(content)
		};
	});
	await db.transaction().execute(async (trx) => {
		for (const row of rows) {
			await trx.insertInto('analysis_report').values(row).execute();
			await appendAudit(trx, {
				actor,
				action: 'report.generate',
				targetType: 'analysis_report',
				targetId: row.id,
				details: { edition: slug, locale: row.locale, release: release.number, respondents: row.respondents, data_sha256: row.data_sha256 }
			});
		}
	});
	return rows.map(({ content_base64: _c, data_json: _d, ...stored }) => stored);
}

export async function listReports(db: Db, slug: string): Promise<StoredReport[]> {
	return db
		.selectFrom('analysis_report as a')
		.innerJoin('edition as e', 'e.id', 'a.edition_id')
		.select([
			'a.id',
			'a.edition_id',
			'a.locale',
			'a.format',
			'a.created_at',
			'a.created_by',
			'a.min_count',
			'a.respondents',
			'a.last_submitted_at',
			'a.data_sha256',
			'a.content_sha256'
		])
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
	return {
		filename: `council-report-${slug}-${row.locale}-${row.created_at.slice(0, 10)}.docx`,
		type: DOCX_TYPE,
		content: Buffer.from(row.content_base64, 'base64')
	};
}
