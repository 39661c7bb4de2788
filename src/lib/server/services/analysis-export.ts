import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import type { Db } from '../db/create-db.ts';
import { ForbiddenError, InvalidInputError } from '../../domain/errors.ts';
import { localize, type Catalogue } from '../../domain/analysis/catalogue.ts';
import { scaleAnswer, type Respondent } from '../../domain/analysis/aggregate.ts';
import { loadEditionData } from './analysis-data.ts';
import { registryCheck } from '../../domain/response/registry-prefill.ts';
import type { AnalysisViewer } from './analysis-service.ts';
import { auditDownload, type Downloader } from './download-audit.ts';

/**
 * Microdata for analysts: one row per submitted response, one column per variable,
 * with a codebook. Pseudonymous (the response id, never the entity's name or code),
 * and only for raw-data rights: there is no suppressed version of microdata.
 */
export interface CodebookEntry {
	variable: string;
	label: string;
	type: 'attribute' | 'scale' | 'single' | 'multiple' | 'text';
	values: string;
	section: string;
	criteria: string;
}

type Cell = string | number | null;

/** The variable beside a registry-prefilled question: `respondent_category.registry`. */
const REGISTRY_SUFFIX = 'registry';
const REGISTRY_VALUES = 'confirmed = the submitted answer is what the registry said; corrected = the respondent changed it; empty = the registry knew nothing (or not answered)';

const ATTRIBUTES: CodebookEntry[] = [
	{ variable: 'response_id', label: 'Response identifier (pseudonymous)', type: 'attribute', values: '', section: '', criteria: '' },
	{ variable: 'region', label: 'ITU-D region of the entity', type: 'attribute', values: 'AFR; AMS; ARB; ASP; CIS; EUR', section: '', criteria: '' },
	{ variable: 'member_category', label: 'Member category (entity kind)', type: 'attribute', values: 'member_state; sector_member; associate; academia; rto', section: '', criteria: '' },
	{ variable: 'sector_membership', label: 'Sectors the entity is a member of, separated by "|"', type: 'attribute', values: 'itu_r; itu_t; itu_d', section: '', criteria: '' },
	{ variable: 'language', label: 'Language of the response', type: 'attribute', values: 'ar; zh; en; fr; ru; es', section: '', criteria: '' }
];

export function codebook(catalogue: Catalogue): CodebookEntry[] {
	const en = (t: Parameters<typeof localize>[0]) => localize(t, 'en');
	const entries = [...ATTRIBUTES];
	for (const s of catalogue.scales) {
		const label = s.rowTitle === null ? en(s.title) : `${en(s.title)}: ${en(s.rowTitle)}`;
		const values = [...s.scale.map(String), ...(s.naValue === null ? [] : [`${s.naValue} (no interaction / don't know)`])].join('; ');
		entries.push({ variable: s.key, label, type: 'scale', values, section: s.section, criteria: s.criteria.join('; ') });
	}
	for (const q of catalogue.choices) {
		if (!q.multiple) entries.push({ variable: q.name, label: en(q.title), type: 'single', values: q.choices.map((c) => `${c.value}=${en(c.label)}`).join('; '), section: q.section, criteria: '' });
		else for (const c of q.choices) entries.push({ variable: `${q.name}.${c.value}`, label: `${en(q.title)}: ${en(c.label)}`, type: 'multiple', values: '1 = ticked; 0 = not ticked; empty = not answered', section: q.section, criteria: '' });
		if (q.registryField) entries.push({ variable: `${q.name}.${REGISTRY_SUFFIX}`, label: `${en(q.title)}: the answer prefilled from the registry (${q.registryField}) was kept or changed`, type: 'attribute', values: REGISTRY_VALUES, section: q.section, criteria: '' });
	}
	for (const t of catalogue.texts) entries.push({ variable: t.name, label: en(t.title), type: 'text', values: '', section: t.section, criteria: '' });
	return entries;
}

function row(catalogue: Catalogue, r: Respondent): Cell[] {
	const cells: Cell[] = [r.id, r.region, r.category, r.sectors.join('|'), r.language];
	for (const s of catalogue.scales) cells.push(scaleAnswer(s, r.answers) ?? null);
	for (const q of catalogue.choices) {
		const raw = r.answers[q.name];
		if (!q.multiple) cells.push(raw === undefined || raw === null ? null : String(raw));
		else for (const c of q.choices) cells.push(Array.isArray(raw) ? (raw.map(String).includes(c.value) ? 1 : 0) : null);
		if (q.registryField) cells.push(registryCheck(r.registryPrefill?.[q.name], raw));
	}
	for (const t of catalogue.texts) cells.push(typeof r.answers[t.name] === 'string' ? (r.answers[t.name] as string) : null);
	return cells;
}

export const EXPORT_FILES = ['microdata.csv', 'codebook.csv', 'microdata.xlsx'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

const CSV_TYPE = 'text/csv; charset=utf-8';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Excel opens UTF-8 CSV correctly only with a byte-order mark. */
const BOM = '\uFEFF';

/** One export file; every download is audited (who, file, edition, rows) once it is built. */
export async function exportFile(db: Db, slug: string, viewer: AnalysisViewer, file: string, who: Downloader): Promise<{ filename: string; type: string; content: Buffer }> {
	const built = await buildExport(db, slug, viewer, file);
	await auditDownload(db, who, { edition: slug, file, rows: built.rows });
	return built.file;
}

async function buildExport(db: Db, slug: string, viewer: AnalysisViewer, file: string): Promise<{ rows: number; file: { filename: string; type: string; content: Buffer } }> {
	if (!(EXPORT_FILES as readonly string[]).includes(file)) throw new InvalidInputError(`no export "${file}" (available: ${EXPORT_FILES.join(', ')})`);
	if (!viewer.rawData) throw new ForbiddenError('microdata are for roles with raw-data rights (analyst, admin)');
	const data = await loadEditionData(db, slug);
	const book = codebook(data.catalogue);
	const header = book.map((e) => e.variable);
	const rows = data.respondents.map((r) => row(data.catalogue, r));
	const filename = `${slug}-${file}`;
	if (file === 'codebook.csv') return { rows: book.length, file: { filename, type: CSV_TYPE, content: Buffer.from(BOM + Papa.unparse(book as unknown as Record<string, unknown>[], { escapeFormulae: true }), 'utf8') } };
	if (file === 'microdata.csv') return { rows: rows.length, file: { filename, type: CSV_TYPE, content: Buffer.from(BOM + Papa.unparse({ fields: header, data: rows }, { escapeFormulae: true }), 'utf8') } };
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('microdata');
	sheet.addRow(header);
	for (const r of rows) sheet.addRow(r);
	const cb = workbook.addWorksheet('codebook');
	cb.addRow(['variable', 'label', 'type', 'values', 'section', 'criteria']);
	for (const e of book) cb.addRow([e.variable, e.label, e.type, e.values, e.section, e.criteria]);
	return { rows: rows.length, file: { filename, type: XLSX_TYPE, content: Buffer.from(await workbook.xlsx.writeBuffer()) } };
}
