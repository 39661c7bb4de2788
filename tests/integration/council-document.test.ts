import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDb, type TestDb } from '../helpers/db.ts';
import { bootstrap } from '../../src/lib/server/platform/bootstrap.ts';
import { loadConfig } from '../../src/lib/server/platform/config.ts';
import { insertSyntheticResponses } from '../../src/lib/server/analysis/demo.ts';
import { buildReportModel, generateCouncilReport, reportFile } from '../../src/lib/server/analysis/report/report-service.ts';
import { latestRelease } from '../../src/lib/server/analysis/releases.ts';
import { renderCouncilReport } from '../../src/lib/server/analysis/report/council-docx.ts';
import { importWave } from '../../src/lib/server/analysis/waves.ts';
import { releaseResults } from '../../src/lib/server/analysis/releases.ts';
import { councilOutline } from '../../src/lib/domain/report/council-outline.ts';
import { emptySecretariatTexts, type SecretariatTextsForLanguage } from '../../src/lib/domain/report/secretariat-texts.ts';
import type { Locale } from '../../src/lib/domain/locales.ts';
import { m } from '../../src/lib/paraglide/messages.js';
import { saveSecretariatTexts } from '../../src/lib/server/analysis/report-secretariat-edit.ts';

/**
 * The Council report as a Council document (issue 15 items 1, 2, 6, 7, 8): generated in English, Arabic
 * and Chinese from 300 synthetic responses to the 2026 questionnaire, checked in its XML, then laid out
 * by LibreOffice for the page count and split words; pages 1-4 of each go to test-results/ for a reviewer.
 */
let t: TestDb;
const RESPONSES = 300;
const MAX_MAIN_BODY_PAGES = 25;
const LIBREOFFICE_TIMEOUT_MS = 600_000;
const SETUP_TIMEOUT_MS = 600_000;
const OUT = join(process.cwd(), 'test-results', 'council-report');
// COUNCIL_REPORT_LANGS=en,ar,zh,fr,ru,es lays out the other languages too, for a reviewer (the issue asks for en, ar, zh).
const LANGS = (process.env.COUNCIL_REPORT_LANGS?.split(',') ?? ['en', 'ar', 'zh']) as Locale[];
const docs = new Map<Locale, Buffer>();

beforeAll(async () => {
	t = await freshDb();
	await bootstrap(
		t.db,
		loadConfig({ DATABASE_URL: 'unused', ADMIN_PASSWORD: 'a long enough password', WARM_MODELS: '0', PUBLIC_URL: 'http://survey.test' }),
		() => {}
	);
	// The demo registry has about 220 entities: add copies of them so that 300 can reply, as in a real survey.
	const entities = await t.db.selectFrom('entity').selectAll().orderBy('code').execute();
	const sectors = await t.db.selectFrom('entity_sector').selectAll().execute();
	for (const [i, e] of entities.slice(0, 200).entries()) {
		const id = `syn-${i}`;
		await t.db
			.insertInto('entity')
			.values({ ...e, id, code: `SYN${String(i).padStart(3, '0')}`, name: `${e.name} (copy)` })
			.execute();
		for (const s of sectors.filter((s) => s.entity_id === e.id)) await t.db.insertInto('entity_sector').values({ entity_id: id, sector: s.sector }).execute();
	}
	await insertSyntheticResponses(t.db, 'rp-2026', 1000, 11);
	const submitted = await t.db.selectFrom('response').select('id').where('state', '=', 'submitted').orderBy('id').execute();
	await t.db
		.deleteFrom('response')
		.where(
			'id',
			'in',
			submitted.slice(RESPONSES).map((r) => r.id)
		)
		.execute();
	await importWave(
		t.db,
		'rp-2026',
		{
			label: '2022',
			filename: 'rp-2022.csv',
			content: Buffer.from('question,n,mean,sd\nsat_responsiveness,90,3.4,0.9\noverall_satisfaction,90,3.1,1.2\nsat_one_itu,80,3.0,1.1\n')
		},
		'test'
	);
	await releaseResults(t.db, 'rp-2026', { role: 'analyst', email: 'test' });
	for (const locale of LANGS) {
		const stored = await generateCouncilReport(t.db, 'rp-2026', locale, 'test');
		docs.set(locale, (await reportFile(t.db, 'rp-2026', stored.id)).content);
	}
	mkdirSync(OUT, { recursive: true });
	// 400 entities, 300 responses, a release and three documents: minutes on a shared, busy machine.
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
	await t?.close();
});

/** Body of an A4 page between the running header and the footer (points). */
const BODY_TOP = 66;
const BODY_BOTTOM = 790;
const MIN_PAGE_FILL = 0.4;

/**
 * How much of a PDF page's body its content fills: the height the text blocks pdftotext finds there cover
 * plus the heights of its images (pdfimages gives their pixels and resolution), over the body's height.
 */
function pageFill(pdf: string, page: number): number {
	const range = ['-f', String(page), '-l', String(page)];
	const layout = execFileSync('pdftotext', [...range, '-bbox-layout', pdf, '-'], { encoding: 'utf8' });
	const text = [...layout.matchAll(/<block xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g)]
		.map((b) => [Number(b[1]), Number(b[2])] as const)
		.filter(([top, bottom]) => top >= BODY_TOP && bottom <= BODY_BOTTOM)
		.sort((a, b) => a[0] - b[0])
		// The union of the blocks' vertical extents: a table row's cells are blocks side by side.
		.reduce((acc, [top, bottom]) => ({ sum: acc.sum + Math.max(0, bottom - Math.max(top, acc.end)), end: Math.max(acc.end, bottom) }), { sum: 0, end: 0 }).sum;
	const images = execFileSync('pdfimages', [...range, '-list', pdf], { encoding: 'utf8' })
		.split('\n')
		.slice(2)
		.map((line) => line.trim().split(/\s+/))
		.filter((cols) => cols[2] === 'image')
		.reduce((sum, cols) => sum + (Number(cols[4]) / Number(cols[13])) * 72, 0);
	return (text + images) / (BODY_BOTTOM - BODY_TOP);
}

function unzip(docx: Buffer, part: string): string {
	const file = join(t.dir, `r-${Math.random().toString(36).slice(2)}.docx`);
	writeFileSync(file, docx);
	const list = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n');
	const names = list.filter((n) => new RegExp(`^word/${part}$`).test(n));
	return names.map((n) => execFileSync('unzip', ['-p', file, n], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).join('\n');
}

const decodeXml = (s: string) =>
	s
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');

/** Paragraph texts of a part, tabs kept as "\t", entities decoded. */
function texts(xml: string): string[] {
	return xml.split('</w:p>').map((p) => decodeXml([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((x) => x[1] ?? '\t').join('')));
}

const sectionTitle = (id: string, locale: Locale): string =>
	(m as unknown as Record<string, (i: object, o: { locale: Locale }) => string>)[`cr_s_${id}`]!({}, { locale });

describe('the Council report as a Council document', () => {
	it.each(LANGS)('in %s has the cover, running header, page numbers, a TOC field, every section and fitted tables', (locale) => {
		const docx = docs.get(locale)!;
		const xml = unzip(docx, 'document.xml');
		const paras = texts(xml);
		// Cover block: report by the Secretary-General, title, Purpose, Action required, References with Resolution 25.
		for (const line of [
			m.cr_report_by({}, { locale }),
			m.cr_title({}, { locale }),
			m.cr_purpose({}, { locale }),
			m.cr_action_required({}, { locale }),
			m.cr_references({}, { locale })
		])
			expect(paras, line).toContain(line);
		expect(paras.some((p) => p.includes(m.cr_resolution_reference({}, { locale })))).toBe(true);
		// A real TOC field that Word and LibreOffice update.
		expect(xml).toMatch(/<w:instrText[^>]*>\s*TOC\b|<w:fldSimple w:instr="\s*TOC\b/);
		// Numbered headings for sections 1-10 and the annexes, the executive summary first.
		const { sections } = councilOutline();
		expect(paras).toContain(m.cr_exec_summary({}, { locale }));
		for (const s of sections) expect(paras, s.id).toContain(`${s.number}\t${sectionTitle(s.id, locale)}`);
		expect(paras).toContain(m.cr_annex({ number: 'A', title: m.cr_a_questionnaire({}, { locale }) }, { locale }));
		// The release the figures come from and its date.
		const today = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date());
		const release = m.cr_release(
			{ number: new Intl.NumberFormat(locale).format(1), date: today, respondents: new Intl.NumberFormat(locale).format(RESPONSES) },
			{ locale }
		);
		expect(paras).toContain(release);
		// Header with the document symbol (draft placeholder here: the Secretariat's texts are empty) and a PAGE field in the footer.
		const header = unzip(docx, 'header\\d+\\.xml');
		const footer = unzip(docx, 'footer\\d+\\.xml');
		expect(texts(header).join(' ')).toContain(m.cr_draft({}, { locale }));
		expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\b|<w:fldSimple w:instr="\s*PAGE\b/);
		// Tables: fixed layout, unequal grid columns with the first (question) column the widest.
		const tables = xml.split('<w:tbl>').slice(1);
		expect(tables.length).toBeGreaterThan(8);
		for (const table of tables) {
			expect(table).toMatch(/<w:tblLayout w:type="fixed"\/>/);
			const grid = [...table.slice(0, table.indexOf('</w:tblGrid>')).matchAll(/<w:gridCol w:w="(\d+)"/g)].map((g) => Number(g[1]));
			if (grid.length > 2) {
				expect(new Set(grid).size, `grid ${grid}`).toBeGreaterThan(1);
				expect(grid[0], `grid ${grid}`).toBe(Math.max(...grid));
			}
		}
		// At least one chart (a drawing) in each of sections 3 to 8, each with its text alternative: the
		// readable charts of chart-council.ts (diverging distribution, means with intervals, paired dots).
		const at = (id: string) => paras.indexOf(`${sections.find((s) => s.id === id)!.number}\t${sectionTitle(id, locale)}`);
		const xmlParas = xml.split('</w:p>');
		// The longest literal piece of the alternative (its parameters left out print "undefined"; some languages start with one).
		const altStart = (key: 'ch_alt_distribution' | 'ch_alt_means' | 'ch_alt_comparison') =>
			m[key]({} as never, { locale })
				.split('undefined')
				.reduce((a, b) => (b.length > a.length ? b : a), '')
				.slice(0, 12);
		const expected: Record<string, ('ch_alt_distribution' | 'ch_alt_means' | 'ch_alt_comparison')[]> = {
			overall: ['ch_alt_means', 'ch_alt_distribution'],
			category: ['ch_alt_means'],
			region: ['ch_alt_means'],
			office: ['ch_alt_means'],
			criterion: ['ch_alt_means'],
			comparison: ['ch_alt_comparison']
		};
		for (const [id, kinds] of Object.entries(expected)) {
			const next = sections[sections.findIndex((s) => s.id === id) + 1]!.id;
			const body = xmlParas.slice(at(id), at(next)).join('</w:p>');
			const drawings = body.split('<w:drawing>').slice(1);
			// Section 3 draws one distribution chart per questionnaire section (one image of every item would fill a page).
			if (id === 'overall') expect(drawings.length, `charts in ${id}`).toBeGreaterThan(kinds.length);
			else expect(drawings.length, `charts in ${id}`).toBe(kinds.length);
			const descriptions = drawings.map((d) => decodeXml(/<wp:docPr [^>]*descr="([^"]*)"/.exec(d)?.[1] ?? ''));
			descriptions.forEach((d, i) => expect(d, `${id}: text alternative ${i + 1}`).toContain(altStart(kinds[Math.min(i, kinds.length - 1)]!)));
			// The same text alternative is printed under the chart, for readers of the printed page.
			for (const d of descriptions) expect(texts(body), `${id}: alternative printed`).toContain(d);
		}
		// Fonts: a sans-serif declared with its East Asian and complex-script faces.
		const styles = unzip(docx, 'styles.xml');
		expect(styles).toMatch(/<w:rFonts [^>]*w:eastAsia="[^"]+"[^>]*w:cs="[^"]+"|<w:rFonts [^>]*w:cs="[^"]+"[^>]*w:eastAsia="[^"]+"/);
		if (locale === 'ar') expect(xml).toContain('<w:bidi/>');
		else expect(xml).not.toContain('<w:bidi/>');
		// Conditions in words in the annex, never as code.
		expect(xml).not.toMatch(/\{overall_satisfaction\}/);
		const survey = JSON.parse(readFileSync('surveys/regional-presence-2026.json', 'utf8')) as {
			pages: { elements: { name: string; title: Record<string, string> }[] }[];
		};
		const overallTitle = survey.pages.flatMap((p) => p.elements).find((e) => e.name === 'overall_satisfaction')!.title;
		const question = overallTitle[locale === 'zh' ? 'zh-cn' : locale === 'en' ? 'default' : locale]!;
		const values = new Intl.ListFormat(locale, { type: 'disjunction' }).format(['1', '2']);
		expect(paras).toContain(m.cr_shown_if({ condition: m.cr_cond_is({ question, values }, { locale }) }, { locale }));
	});

	it('says in the executive summary which items are strongest and weakest, never the overall question', async () => {
		const paras = texts(unzip(docs.get('en')!, 'document.xml'));
		const strongest = paras.find((p) => p.startsWith('The best-rated aspects are'));
		const weakest = paras.find((p) => p.startsWith('The lowest-rated aspects are'));
		expect(strongest).toBeDefined();
		expect(weakest).toBeDefined();
		expect(`${strongest} ${weakest}`).not.toMatch(/overall/i);
		expect(paras.some((p) => p.startsWith('Compared with the 2022 survey'))).toBe(true);
	});

	it('is final, without the draft mark, once the Secretariat texts are complete, and prints them', async () => {
		const release = (await latestRelease(t.db, 'rp-2026'))!;
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
		const { model } = await buildReportModel(t.db, release, 'en', complete);
		const docx = await renderCouncilReport(model);
		const paras = texts(unzip(docx, 'document.xml'));
		const header = texts(unzip(docx, 'header\\d+\\.xml')).join(' ');
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
	});

	it('reads the Secretariat texts stored for the edition: final in English once written, a draft in Arabic until translated', async () => {
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
		await saveSecretariatTexts(t.db, 'test', 'rp-2026', {
			locale: 'en',
			version: 0,
			texts: fields,
			statuses: {},
			documentDate: '2026-05-04',
			originalLanguage: 'en'
		});
		const header = async (locale: Locale) => {
			const stored = await generateCouncilReport(t.db, 'rp-2026', locale, 'test');
			return texts(unzip((await reportFile(t.db, 'rp-2026', stored.id)).content, 'header\\d+\\.xml')).join(' ');
		};
		const en = await header('en');
		expect(en).toContain('C26/31-E');
		expect(en).not.toContain(m.cr_draft({}, { locale: 'en' }));
		expect(await header('ar')).toContain(m.cr_draft({}, { locale: 'ar' }));
	});

	const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync('which', [c]).status === 0);
	if (!soffice)
		console.warn('council-document: soffice (LibreOffice) is not installed: the PDF layout checks are skipped (.ci/run installs libreoffice-writer-nogui)');
	it.skipIf(!soffice)(
		'laid out by LibreOffice: main body at most 25 pages in English, no word split in a table, pages and charts saved',
		async () => {
			if (!soffice) return;
			// One LibreOffice start for the three documents (it takes most of the time on a busy machine).
			const files = LANGS.map((locale) => join(OUT, `council-report-${locale}.docx`));
			LANGS.forEach((locale, i) => writeFileSync(files[i]!, docs.get(locale)!));
			execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${t.dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', OUT, ...files], {
				stdio: 'ignore',
				timeout: LIBREOFFICE_TIMEOUT_MS
			});
			for (const locale of LANGS) {
				const pdf = join(OUT, `council-report-${locale}.pdf`);
				// Pages 1-4 for the cover and contents, then the main body's pages with the charts, and the
				// chart images themselves at full size, for a reviewer to look at.
				execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', String(MAX_MAIN_BODY_PAGES), pdf, join(OUT, `page-${locale}`)]);
				execFileSync('unzip', ['-o', '-j', '-q', files[LANGS.indexOf(locale)]!, 'word/media/*', '-d', join(OUT, `charts-${locale}`)]);
				const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f');
				const annex = m.cr_annex({ number: 'A', title: m.cr_a_questionnaire({}, { locale }) }, { locale });
				expect(pages.length, `${locale}: pages`).toBeGreaterThan(8);
				// pdftotext gives Arabic in presentation forms and visual order: compared there on its letters other than
				// alef and lam (which the lam-alef ligatures reorder), without the Latin "A".
				const flat = (text: string) =>
					locale === 'ar'
						? text
								.normalize('NFKC')
								.replace(/[^\p{Script=Arabic}]/gu, '')
								.replace(/[\u0622\u0623\u0625\u0627\u0644]/g, '')
						: text.replace(/\s+/g, '');
				const annexPage = pages.findLastIndex((p) => flat(p).includes(flat(annex)));
				expect(annexPage, `${locale}: annex A found`).toBeGreaterThan(2);
				// No blank or near-blank page in the main body (after the cover and contents, before the page that ends
				// it): text and charts fill at least MIN_PAGE_FILL of each page's height.
				for (let page = 3; page < annexPage; page++) expect(pageFill(pdf, page), `${locale}: page ${page} filled`).toBeGreaterThanOrEqual(MIN_PAGE_FILL);
				if (locale === 'en') expect(annexPage, `English main body: ${annexPage} pages`).toBeLessThanOrEqual(MAX_MAIN_BODY_PAGES);
				// Words separated by spaces (not Chinese; pdftotext gives Arabic in presentation forms).
				if (locale !== 'ar' && locale !== 'zh') {
					// No word split without a hyphen: every word LibreOffice printed is a word of the document, not a piece of one.
					const words = (text: string) => text.split(/[^\p{L}]+/u).filter((x) => x.length >= 2);
					const written = new Set(words(texts(unzip(docs.get(locale)!, '(document|header\\d+|footer\\d+)\\.xml')).join('\n')));
					const split = [...new Set(words(pages.join('\n')))].filter((x) => !written.has(x));
					expect(split, `${locale}: words split in the PDF`).toEqual([]);
				}
			}
		},
		LIBREOFFICE_TIMEOUT_MS
	);
});
