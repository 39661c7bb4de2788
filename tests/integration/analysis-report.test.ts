import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestDb } from '../helpers/db.ts';
import { bootstrappedDb } from '../helpers/bootstrapped-db.ts';
import { insertSyntheticResponses } from '../../src/lib/server/analysis/demo.ts';
import { generateCouncilReport, listReports, reportFile } from '../../src/lib/server/analysis/report/report-service.ts';
import { REPORT_TEXT } from '../../src/lib/server/analysis/report/report-text.ts';
import { LOCALES } from '../../src/lib/domain/locales.ts';
import { m } from '../../src/lib/paraglide/messages.js';
import { InvalidInputError, NotFoundError } from '../../src/lib/domain/errors.ts';
import { createTheme, listComments, tagComment } from '../../src/lib/server/analysis/comments.ts';
import { viewerFor } from '../../src/lib/server/analysis/results.ts';
import { importWave } from '../../src/lib/server/analysis/waves/waves.ts';
import { releaseResults } from '../../src/lib/server/analysis/releases.ts';

let t: TestDb;
const K = 5;
const CIS_NAMES: Record<string, string> = {};

beforeAll(async () => {
	t = await bootstrappedDb();
	await insertSyntheticResponses(t.db, 'rp-2026', 1000, 7);
	const cis = await t.db
		.selectFrom('response as r')
		.innerJoin('entity as n', 'n.id', 'r.entity_id')
		.select('r.id')
		.where('n.region_code', '=', 'CIS')
		.orderBy('r.id')
		.execute();
	await t.db
		.deleteFrom('response')
		.where(
			'id',
			'in',
			cis.slice(3).map((r) => r.id)
		)
		.execute();
	const region = await t.db.selectFrom('region').select('name_json').where('code', '=', 'CIS').executeTakeFirstOrThrow();
	Object.assign(CIS_NAMES, JSON.parse(region.name_json));
	await importWave(
		t.db,
		'rp-2026',
		{ label: '2022', filename: 'rp-2022.csv', content: Buffer.from('question,n,mean,sd\nsat_responsiveness,90,1.4,0.5\noverall_satisfaction,90,3.1,1.2\n') },
		'test'
	);
	// Themes: 7, 7 and 1 comments; the Council sees one 7 and two "n < 5".
	const analyst = viewerFor({ role: 'analyst', region_code: null });
	const comments = await listComments(t.db, 'rp-2026', analyst);
	const counts: [string, number][] = [
		['Funding', 7],
		['Language', 7],
		['Staff', 1]
	];
	let next = 0;
	for (const [name, n] of counts) {
		const theme = await createTheme(t.db, 'rp-2026', name, analyst, 'test');
		for (const c of comments.slice(next, next + n))
			await tagComment(t.db, 'rp-2026', { responseId: c.responseId, question: c.question, themeId: theme }, analyst, 'test');
		next += n;
	}
	// The report reads only a results release, never live figures.
	await releaseResults(t.db, 'rp-2026', { role: 'analyst', email: 'test' });
});
afterAll(async () => {
	await t.close();
});

/** The text of each paragraph of word/document.xml, tags stripped and entities decoded. */
function paragraphs(docx: Buffer): { xml: string; texts: string[]; media: string } {
	const file = join(t.dir, `report-${Math.random().toString(36).slice(2)}.docx`);
	writeFileSync(file, docx);
	const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	const decode = (s: string) =>
		s
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&quot;/g, '"')
			.replace(/&apos;/g, "'")
			.replace(/&amp;/g, '&');
	const texts = xml.split('</w:p>').map((p) => decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((x) => x[1] ?? '\t').join('')));
	return { xml, texts, media: execFileSync('unzip', ['-l', file], { encoding: 'utf8' }) };
}

describe('the Council report', () => {
	it.each(LOCALES)('is generated in %s, parses back and holds its tables, charts and the suppressed region', async (locale) => {
		const stored = await generateCouncilReport(t.db, 'rp-2026', locale, 'test');
		expect(stored.locale).toBe(locale);
		expect(stored.respondents).toBeGreaterThan(150);
		const file = await reportFile(t.db, 'rp-2026', stored.id);
		expect(file.filename).toMatch(new RegExp(`-${locale}-\\d{4}-\\d{2}-\\d{2}\\.docx$`));
		const { xml, texts, media } = paragraphs(file.content);
		const words = REPORT_TEXT[locale];
		const o = { locale };
		const heading = (n: string, title: string) => `${n}\t${title}`;
		const sectionTitles = { 8: m.cr_s_comparison({}, o), 9: m.cr_s_comments({}, o), 10: m.cr_s_conclusions({}, o) };
		for (const p of [
			m.cr_title({}, o),
			m.cr_exec_summary({}, o),
			heading('1', m.cr_s_introduction({}, o)),
			heading('2', m.cr_s_methodology({}, o)),
			heading('9', sectionTitles[9]),
			m.cr_annex({ number: 'A', title: m.cr_a_questionnaire({}, o) }, o)
		]) {
			expect(texts, p).toContain(p);
		}
		const today = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date());
		expect(texts).toContain(m.cr_release({ number: '1', date: today, respondents: new Intl.NumberFormat(locale).format(stored.respondents) }, o));
		for (const column of [words.col.mean, words.col.ci, words.col.invited]) expect(texts).toContain(column);
		// Figure tables head the shares by their scale points and name them in a note under the table.
		const int = (n: number) => new Intl.NumberFormat(locale).format(n);
		const [high, low] = [`${int(4)}–${int(5)}`, `${int(1)}–${int(2)}`];
		expect(texts).toContain(high);
		expect(texts).toContain(m.cr_figure_columns({ high, low, satisfied: words.col.satisfied, dissatisfied: words.col.dissatisfied }, o));
		expect(texts).toContain(words.sectionNames.services);
		expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThan(10);
		expect((media.match(/word\/media\/\S+\.png/g) ?? []).length).toBeGreaterThanOrEqual(6);
		const wave = texts.slice(texts.indexOf(heading('8', sectionTitles[8])), texts.indexOf(heading('9', sectionTitles[9])));
		expect(wave.length).toBeGreaterThan(10);
		expect(wave).toContain(words.waveCols.beyond);
		expect(wave).toContain(words.waveCols.yes);
		const themes = texts.slice(texts.indexOf(heading('9', sectionTitles[9])), texts.indexOf(heading('10', sectionTitles[10])));
		expect(themes.slice(3).filter(Boolean)).toEqual([
			words.theme,
			words.comments,
			'Funding',
			words.suppressed(K),
			'Language',
			'7',
			'Staff',
			words.suppressed(K)
		]);
		if (locale === 'ar') expect(xml).toContain('<w:bidi/>');
		else expect(xml).not.toContain('<w:bidi/>');

		// The CIS section: three respondents, every figure "n < 5", no mean anywhere in it.
		const start = texts.findIndex((p) => p.includes(`${CIS_NAMES[locale]!} (`) && p.includes('= 3)'));
		expect(start).toBeGreaterThan(0);
		const next = texts.findIndex((p, i) => i > start && /= [\d,]+\)$/.test(p));
		const section = texts.slice(start + 1, next);
		// The tables hold the mark together with no-break spaces (council-sections.ts).
		expect(section.filter((p) => p.replace(/\u00A0/g, ' ') === words.suppressed(K)).length).toBeGreaterThan(50);
		expect(section.filter((p) => /^\d+[.,]\d{2}$/.test(p))).toEqual([]);
	});

	it('keeps every report with its time and the data it was built from', async () => {
		const reports = await listReports(t.db, 'rp-2026');
		expect(reports.map((r) => r.locale).sort()).toEqual([...LOCALES].sort());
		const row = await t.db.selectFrom('analysis_report').select(['data_json', 'created_at']).where('id', '=', reports[0]!.id).executeTakeFirstOrThrow();
		const data = JSON.parse(row.data_json);
		expect(data.minCount).toBe(K);
		const cis = data.byRegion.groups.find((g: { key: string }) => g.key === 'CIS');
		expect(cis.result.scales.overall_satisfaction).toEqual({ suppressed: true });
		expect(await t.db.selectFrom('audit_log').select('id').where('action', '=', 'report.generate').execute()).toHaveLength(LOCALES.length);
	});

	it('refuses an unknown language or report, storing nothing', async () => {
		const before = (await listReports(t.db, 'rp-2026')).length;
		await expect(generateCouncilReport(t.db, 'rp-2026', 'de', 'test')).rejects.toThrow(InvalidInputError);
		await expect(generateCouncilReport(t.db, 'nope', 'en', 'test')).rejects.toThrow(NotFoundError);
		await expect(reportFile(t.db, 'rp-2026', 'missing')).rejects.toThrow(NotFoundError);
		expect((await listReports(t.db, 'rp-2026')).length).toBe(before);
	});
});
