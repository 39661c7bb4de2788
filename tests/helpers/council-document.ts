import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshDb, type TestDb } from './db.ts';
import { bootstrap } from '../../src/lib/server/platform/bootstrap.ts';
import { loadConfig } from '../../src/lib/server/platform/config.ts';
import { insertSyntheticResponses } from '../../src/lib/server/analysis/demo.ts';
import { generateCouncilReport, reportFile } from '../../src/lib/server/analysis/report/report-service.ts';
import { importWave } from '../../src/lib/server/analysis/waves/waves.ts';
import { releaseResults } from '../../src/lib/server/analysis/releases.ts';
import type { Locale } from '../../src/lib/domain/locales.ts';
import { m } from '../../src/lib/paraglide/messages.js';

/**
 * The Council report of the integration tests (issue 15): the demo registry doubled so that 300 entities reply to
 * the 2026 questionnaire, a previous survey imported, the results released, and the report generated in each
 * language asked for. Readers of its DOCX parts and of its PDF pages, for the tests' concerns.
 */
export const RESPONSES = 300;

export interface CouncilFixture {
	t: TestDb;
	docs: Map<Locale, Buffer>;
}

export async function councilFixture(langs: readonly Locale[]): Promise<CouncilFixture> {
	const t = await freshDb();
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
	const docs = new Map<Locale, Buffer>();
	for (const locale of langs) {
		const stored = await generateCouncilReport(t.db, 'rp-2026', locale, 'test');
		docs.set(locale, (await reportFile(t.db, 'rp-2026', stored.id)).content);
	}
	return { t, docs };
}

/** The parts of a DOCX whose names match `part` (a regular expression under word/), joined. */
export function unzip(dir: string, docx: Buffer, part: string): string {
	const file = join(dir, `r-${Math.random().toString(36).slice(2)}.docx`);
	writeFileSync(file, docx);
	const list = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n');
	const names = list.filter((n) => new RegExp(`^word/${part}$`).test(n));
	return names.map((n) => execFileSync('unzip', ['-p', file, n], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).join('\n');
}

export const decodeXml = (s: string) =>
	s
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');

/** Paragraph texts of a part, tabs kept as "\t", entities decoded. */
export function texts(xml: string): string[] {
	return xml.split('</w:p>').map((p) => decodeXml([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((x) => x[1] ?? '\t').join('')));
}

export const sectionTitle = (id: string, locale: Locale): string =>
	(m as unknown as Record<string, (i: object, o: { locale: Locale }) => string>)[`cr_s_${id}`]!({}, { locale });

/** Body of an A4 page between the running header and the footer (points). */
const BODY_TOP = 66;
const BODY_BOTTOM = 790;

/**
 * How much of a PDF page's body its content fills: the height the text blocks pdftotext finds there cover
 * plus the heights of its images (pdfimages gives their pixels and resolution), over the body's height.
 */
export function pageFill(pdf: string, page: number): number {
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
