import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { councilOutline } from '../../../src/lib/domain/report/council-outline.ts';
import type { Locale } from '../../../src/lib/domain/locales.ts';
import { m } from '../../../src/lib/paraglide/messages.js';
import { decodeXml, RESPONSES, sectionTitle, texts, unzip, type CouncilFixture } from '../../helpers/council-document.ts';

/** The Council report's structure in its DOCX (issue 15 items 1, 2, 6, 7): cover, header, fields, sections, tables, charts, fonts. */
export function structureTests(f: () => CouncilFixture, LANGS: readonly Locale[]): void {
	it.each(LANGS)('in %s has the cover, running header, page numbers, a TOC field, every section and fitted tables', (locale) => {
		const docx = f().docs.get(locale)!;
		const xml = unzip(f().t.dir, docx, 'document.xml');
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
		const header = unzip(f().t.dir, docx, 'header\\d+\\.xml');
		const footer = unzip(f().t.dir, docx, 'footer\\d+\\.xml');
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
		const altStart = (key: 'ch_alt_distribution' | 'ch_alt_means' | 'ch_alt_comparison' | 'ch_alt_distribution_one' | 'ch_alt_means_one') =>
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
			// A chart of a single item has its own sentence (the item named once, never "1 items").
			descriptions.forEach((d, i) => {
				const kind = kinds[Math.min(i, kinds.length - 1)]!;
				const starts = [altStart(kind)];
				if (kind === 'ch_alt_distribution') starts.push(altStart('ch_alt_distribution_one'));
				if (kind === 'ch_alt_means') starts.push(altStart('ch_alt_means_one'));
				expect(
					starts.some((start) => d.includes(start)),
					`${id}: text alternative ${i + 1} "${d.slice(0, 80)}" starts none of ${JSON.stringify(starts)}`
				).toBe(true);
			});
			// The same text alternative is printed under the chart, for readers of the printed page.
			for (const d of descriptions) expect(texts(body), `${id}: alternative printed`).toContain(d);
		}
		// Fonts: a sans-serif declared with its East Asian and complex-script faces.
		const styles = unzip(f().t.dir, docx, 'styles.xml');
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
		const paras = texts(unzip(f().t.dir, f().docs.get('en')!, 'document.xml'));
		const strongest = paras.find((p) => p.startsWith('The best-rated aspects are'));
		const weakest = paras.find((p) => p.startsWith('The lowest-rated aspects are'));
		expect(strongest).toBeDefined();
		expect(weakest).toBeDefined();
		expect(`${strongest} ${weakest}`).not.toMatch(/overall/i);
		expect(paras.some((p) => p.startsWith('Compared with the 2022 survey'))).toBe(true);
	});
}
