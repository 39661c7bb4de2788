import { expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../../../src/lib/domain/locales.ts';
import { m } from '../../../src/lib/paraglide/messages.js';
import { pageFill, texts, unzip, type CouncilFixture } from '../../helpers/council-document.ts';

/** The Council report laid out by LibreOffice (issue 15 items 1, 8): length, no split word, no near-blank page, contents entries. */
const MAX_MAIN_BODY_PAGES = 25;
const LIBREOFFICE_TIMEOUT_MS = 600_000;
const MIN_PAGE_FILL = 0.4;
const OUT = join(process.cwd(), 'test-results', 'council-report');

/**
 * The contents page (page 2) lists every heading with its dot leader. The page numbers are not checked: LibreOffice
 * does not update a table of contents when it converts a document (Word does when it opens it; docs/analysis.md).
 */
function expectContentsEntries(locale: Locale, pages: string[]): void {
	const lines = pages[1]!.split('\n').filter((line) => /\.{3,}/.test(line));
	expect(lines.length, `${locale}: contents entries`).toBeGreaterThanOrEqual(12);
}

export function pdfLayoutTests(f: () => CouncilFixture, LANGS: readonly Locale[]): void {
	const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync('which', [c]).status === 0);
	if (!soffice)
		console.warn('council-document: soffice (LibreOffice) is not installed: the PDF layout checks are skipped (.ci/run installs libreoffice-writer-nogui)');
	it.skipIf(!soffice)(
		'laid out by LibreOffice: main body at most 25 pages in English, no word split in a table, pages and charts saved',
		async () => {
			if (!soffice) return;
			// One LibreOffice start for the three documents (it takes most of the time on a busy machine).
			mkdirSync(OUT, { recursive: true });
			const files = LANGS.map((locale) => join(OUT, `council-report-${locale}.docx`));
			LANGS.forEach((locale, i) => writeFileSync(files[i]!, f().docs.get(locale)!));
			execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${f().t.dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', OUT, ...files], {
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
				expectContentsEntries(locale, pages);
				// Words separated by spaces (not Chinese; pdftotext gives Arabic in presentation forms).
				if (locale !== 'ar' && locale !== 'zh') {
					// No word split without a hyphen: every word LibreOffice printed is a word of the document, not a piece of one.
					const words = (text: string) => text.split(/[^\p{L}]+/u).filter((x) => x.length >= 2);
					const written = new Set(words(texts(unzip(f().t.dir, f().docs.get(locale)!, '(document|header\\d+|footer\\d+)\\.xml')).join('\n')));
					const split = [...new Set(words(pages.join('\n')))].filter((x) => !written.has(x));
					expect(split, `${locale}: words split in the PDF`).toEqual([]);
				}
			}
		},
		LIBREOFFICE_TIMEOUT_MS
	);
}
