import { expect, it } from 'vitest';
import { generateCouncilReport, buildReportModel, reportFile } from '../../../src/lib/server/analysis/report/report-service.ts';
import { latestRelease } from '../../../src/lib/server/analysis/releases.ts';
import { renderCouncilReport } from '../../../src/lib/server/analysis/report/docx/council-docx.ts';
import { emptySecretariatTexts, type SecretariatTextsForLanguage } from '../../../src/lib/domain/report/secretariat-texts.ts';
import type { Locale } from '../../../src/lib/domain/locales.ts';
import { m } from '../../../src/lib/paraglide/messages.js';
import { saveSecretariatTexts } from '../../../src/lib/server/analysis/report-secretariat-edit.ts';
import { texts, unzip, type CouncilFixture } from '../../helpers/council-document.ts';

/** The Secretariat's texts in the report's languages (issue 15 items 3, 7): final once complete in a language, a draft until then. */
/** Each document is laid out once to write its contents' page numbers: tens of seconds on a busy machine. */
const GENERATION_TIMEOUT_MS = 300_000;

export function secretariatTextTests(f: () => CouncilFixture): void {
	it(
		'is final, without the draft mark, once the Secretariat texts are complete, and prints them',
		async () => {
			const release = (await latestRelease(f().t.db, 'rp-2026'))!;
			const complete: SecretariatTextsForLanguage = {
				texts: {
					...emptySecretariatTexts(),
					councilSession: 'Council 2026, Geneva, 9-19 June 2026',
					documentSymbol: 'C26/25-E',
					purpose: 'To report the survey results.',
					actionRequired: 'The Council is invited to note this report.',
					references: 'Document C22/25',
					summaryAddition: 'The Secretariat notes progress.',
					conclusions: 'Satisfaction held up.',
					recommendations: 'Keep the survey every four years.'
				},
				quotations: ['The regional office answered within a day.'],
				complete: true,
				version: 3,
				documentDate: '2026-05-04',
				originalLanguage: 'en'
			};
			const { model } = await buildReportModel(f().t.db, release, 'en', complete);
			const docx = await renderCouncilReport(model);
			const paras = texts(unzip(f().t.dir, docx, 'document.xml'));
			const header = texts(unzip(f().t.dir, docx, 'header\\d+\\.xml')).join(' ');
			expect(header).toContain('C26/25-E');
			expect(header).not.toContain('DRAFT');
			for (const text of [
				'The Secretariat notes progress.',
				'Satisfaction held up.',
				'Keep the survey every four years.',
				'Document C22/25',
				'Council 2026, Geneva, 9-19 June 2026',
				'“The regional office answered within a day.”'
			])
				expect(paras, text).toContain(text);
			expect(paras.join(' ')).toContain('4 May 2026');
			expect(paras.join(' ')).not.toContain('[To be written by the Secretariat');
		},
		GENERATION_TIMEOUT_MS
	);

	it(
		'reads the Secretariat texts stored for the edition: final in English once written, a draft in Arabic until translated',
		async () => {
			const fields = {
				councilSession: 'Council 2026',
				documentSymbol: 'C26/31-E',
				purpose: 'Survey results.',
				actionRequired: 'The Council is invited to note this report.',
				references: 'Document C22/31',
				summaryAddition: 'Observations.',
				conclusions: 'Conclusions.',
				recommendations: 'Recommendations.'
			};
			await saveSecretariatTexts(f().t.db, 'test', 'rp-2026', {
				locale: 'en',
				version: 0,
				texts: fields,
				statuses: {},
				documentDate: '2026-05-04',
				originalLanguage: 'en'
			});
			const header = async (locale: Locale) => {
				const stored = await generateCouncilReport(f().t.db, 'rp-2026', locale, 'test');
				return texts(unzip(f().t.dir, (await reportFile(f().t.db, 'rp-2026', stored.id)).content, 'header\\d+\\.xml')).join(' ');
			};
			const en = await header('en');
			expect(en).toContain('C26/31-E');
			expect(en).not.toContain(m.cr_draft({}, { locale: 'en' }));
			expect(await header('ar')).toContain(m.cr_draft({}, { locale: 'ar' }));
		},
		GENERATION_TIMEOUT_MS
	);
}
