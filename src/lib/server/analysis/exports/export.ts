import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/create-db.ts';
import { ForbiddenError, InvalidInputError } from '../../../domain/errors.ts';
import { localize, type Catalogue } from '../../../domain/analysis/catalogue.ts';
import { scaleAnswer, type Respondent } from '../../../domain/analysis/aggregate.ts';
import { loadEditionData } from '../data.ts';
import { registryCheck } from '../../../domain/response/registry-prefill.ts';
import { signatureSummary } from '../../../domain/survey/kinds/signaturepad.ts';
import { fileSummary } from '../../../domain/survey/kinds/file-rules.ts';
import type { AnalysisViewer } from '../results.ts';
import { auditDownload, type Downloader } from '../../access/audit/download-audit.ts';
import { statsSpec, SUBMITTED_COLUMN, type StatsSpec } from '../../../domain/analysis/stats-variables.ts';
import { rSyntax, spssSyntax, stataSyntax } from '../../../domain/analysis/stats-syntax.ts';
import { cellAnswer, microdataCells, type CellVariable } from '../../../domain/analysis/microdata-cells.ts';

/**
 * Microdata for analysts: one row per submitted response, one column per variable,
 * with a codebook. Pseudonymous (the response id, never the entity's name or code),
 * and only for raw-data rights: there is no suppressed version of microdata.
 */
export interface CodebookEntry {
	variable: string;
	label: string;
	type: 'attribute' | 'scale' | 'single' | 'multiple' | 'text' | 'number';
	values: string;
	section: string;
	criteria: string;
	/** The name in the SPSS, Stata and R scripts (valid in all three; CSV columns may have dots). */
	stats_name: string;
}

type Cell = string | number | null;

/** The variable beside a registry-prefilled question: `respondent_category.registry`. */
const REGISTRY_SUFFIX = 'registry';
const REGISTRY_VALUES =
	'confirmed = the submitted answer is what the registry said; corrected = the respondent changed it; empty = the registry knew nothing (or not answered)';

const ATTRIBUTES: Entry[] = [
	{ variable: 'response_id', label: 'Response identifier (pseudonymous)', type: 'attribute', values: '', section: '', criteria: '' },
	{ variable: 'region', label: 'ITU-D region of the entity', type: 'attribute', values: 'AFR; AMS; ARB; ASP; CIS; EUR', section: '', criteria: '' },
	{
		variable: 'member_category',
		label: 'Member category (entity kind)',
		type: 'attribute',
		values: 'member_state; sector_member; associate; academia; rto',
		section: '',
		criteria: ''
	},
	{
		variable: 'sector_membership',
		label: 'Sectors the entity is a member of, separated by "|"',
		type: 'attribute',
		values: 'itu_r; itu_t; itu_d',
		section: '',
		criteria: ''
	},
	{ variable: 'language', label: 'Language of the response', type: 'attribute', values: 'ar; zh; en; fr; ru; es', section: '', criteria: '' }
];

type Entry = Omit<CodebookEntry, 'stats_name'>;

/** `cells`: the matrix cells, dynamic rows and panels, "Other" texts, image pickers and sliders (microdata-cells.ts). */
export function codebook(catalogue: Catalogue, partial = false, cells: readonly CellVariable[] = []): CodebookEntry[] {
	const en = (t: Parameters<typeof localize>[0]) => localize(t, 'en');
	const entries: Entry[] = [...ATTRIBUTES];
	for (const s of catalogue.scales) {
		const label = s.rowTitle === null ? en(s.title) : `${en(s.title)}: ${en(s.rowTitle)}`;
		const values = [...s.scale.map(String), ...(s.naValue === null ? [] : [`${s.naValue} (no interaction / don't know)`])].join('; ');
		entries.push({ variable: s.key, label, type: 'scale', values, section: s.section, criteria: s.criteria.join('; ') });
	}
	for (const q of catalogue.choices) {
		if (!q.multiple)
			entries.push({
				variable: q.name,
				label: en(q.title),
				type: 'single',
				values: q.choices.map((c) => `${c.value}=${en(c.label)}`).join('; '),
				section: q.section,
				criteria: ''
			});
		else
			for (const c of q.choices)
				entries.push({
					variable: `${q.name}.${c.value}`,
					label: `${en(q.title)}: ${en(c.label)}`,
					type: 'multiple',
					values: '1 = ticked; 0 = not ticked; empty = not answered',
					section: q.section,
					criteria: ''
				});
		if (q.registryField)
			entries.push({
				variable: `${q.name}.${REGISTRY_SUFFIX}`,
				label: `${en(q.title)}: the answer prefilled from the registry (${q.registryField}) was kept or changed`,
				type: 'attribute',
				values: REGISTRY_VALUES,
				section: q.section,
				criteria: ''
			});
	}
	for (const t of catalogue.texts)
		entries.push({ variable: t.name, label: en(t.title), type: 'text', values: t.signature ? SIGNATURE_VALUES : '', section: t.section, criteria: '' });
	for (const c of cells) entries.push({ variable: c.key, label: c.label, type: CELL_TYPES[c.kind], values: cellValues(c), section: c.section, criteria: '' });
	if (partial)
		entries.push({
			variable: SUBMITTED_COLUMN,
			label: 'Response submitted',
			type: 'attribute',
			values: '1 = submitted; 0 = in progress (not submitted)',
			section: '',
			criteria: ''
		});
	const names = new Map(statsSpec(catalogue, '', partial, cells).variables.map((v) => [v.column, v.name]));
	return entries.map((e) => ({ ...e, stats_name: names.get(e.variable) ?? e.variable }));
}

const SIGNATURE_VALUES = 'signed (drawn); signed (typed: <name>); empty = not signed';

const CELL_TYPES: Record<CellVariable['kind'], Entry['type']> = { single: 'single', flag: 'multiple', text: 'text', number: 'number', signature: 'text' };

function cellValues(c: CellVariable): string {
	if (c.kind === 'single') return (c.choices ?? []).map((x) => `${x.value}=${localize(x.label, 'en')}`).join('; ');
	if (c.kind === 'flag') return '1 = ticked; 0 = not ticked; empty = not answered';
	if (c.kind === 'signature') return SIGNATURE_VALUES;
	return '';
}

function row(catalogue: Catalogue, r: Respondent, extra: readonly CellVariable[] = []): Cell[] {
	const cells: Cell[] = [r.id, r.region, r.category, r.sectors.join('|'), r.language];
	for (const s of catalogue.scales) cells.push(scaleAnswer(s, r.answers) ?? null);
	for (const q of catalogue.choices) {
		const raw = r.answers[q.name];
		if (!q.multiple) cells.push(raw === undefined || raw === null ? null : String(raw));
		else for (const c of q.choices) cells.push(Array.isArray(raw) ? (raw.map(String).includes(c.value) ? 1 : 0) : null);
		if (q.registryField) cells.push(registryCheck(r.registryPrefill?.[q.name], raw));
	}
	for (const t of catalogue.texts) {
		const raw = r.answers[t.name];
		if (t.signature) cells.push(signatureSummary(raw) || null);
		else if (t.file) cells.push(fileSummary(raw) || null);
		else cells.push(typeof raw === 'string' ? raw : null);
	}
	for (const c of extra) {
		const value = cellAnswer(c, r.answers);
		cells.push(value !== null && typeof value === 'object' ? signatureSummary(value.signature) || null : value);
	}
	if (r.submitted !== undefined) cells.push(r.submitted ? 1 : 0);
	return cells;
}

export const EXPORT_FILES = ['microdata.csv', 'codebook.csv', 'microdata.xlsx', 'microdata.sps', 'microdata.do', 'microdata.R'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

const CSV_TYPE = 'text/csv; charset=utf-8';
const SYNTAX: Record<string, (spec: StatsSpec) => string> = { 'microdata.sps': spssSyntax, 'microdata.do': stataSyntax, 'microdata.R': rSyntax };
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Excel opens UTF-8 CSV correctly only with a byte-order mark. */
const BOM = '\uFEFF';

/** `partial`: responses in progress too, with a `submitted` column; files are named `<slug>-partial-<file>`. */
export interface ExportOptions {
	partial?: boolean;
}

/** One export file; every download is audited (who, file, edition, rows) once it is built. */
export async function exportFile(
	db: Db,
	slug: string,
	viewer: AnalysisViewer,
	file: string,
	who: Downloader,
	options: ExportOptions = {}
): Promise<{ filename: string; type: string; content: Buffer }> {
	const built = await buildExport(db, slug, viewer, file, options.partial === true);
	await auditDownload(db, who, { edition: slug, file, rows: built.rows, ...(options.partial ? { filter: { responses: 'submitted and in progress' } } : {}) });
	return built.file;
}

/** The microdata as a table: the codebook, its variables as the header, one row per response. */
async function loadTable(db: Db, slug: string, viewer: AnalysisViewer, partial: boolean) {
	if (!viewer.rawData) throw new ForbiddenError('microdata are for roles with raw-data rights (analyst, admin)');
	const data = await loadEditionData(db, slug, null, { partial });
	// Dynamic rows and panels: columns up to the largest count among these responses.
	const cells = microdataCells(
		data.definition,
		data.respondents.map((r) => r.answers)
	);
	const book = codebook(data.catalogue, partial, cells);
	return { data, cells, book, header: book.map((e) => e.variable), rows: data.respondents.map((r) => row(data.catalogue, r, cells)) };
}

/**
 * The microdata or the codebook as JSON values, for the API (`/api/v1`): the same table
 * as microdata.csv and codebook.csv, audited as a download of `microdata.json` / `codebook.json`.
 */
export async function exportTable(
	db: Db,
	slug: string,
	viewer: AnalysisViewer,
	what: 'microdata' | 'codebook',
	who: Downloader,
	options: ExportOptions = {}
): Promise<{ codebook: CodebookEntry[]; columns: string[]; rows: Cell[][] }> {
	const partial = options.partial === true;
	const { book, header, rows } = await loadTable(db, slug, viewer, partial);
	await auditDownload(db, who, {
		edition: slug,
		file: `${what}.json`,
		rows: what === 'microdata' ? rows.length : book.length,
		...(partial ? { filter: { responses: 'submitted and in progress' } } : {})
	});
	return { codebook: book, columns: header, rows: what === 'microdata' ? rows : [] };
}

const exportName = (slug: string, file: string, partial: boolean) => `${slug}-${partial ? 'partial-' : ''}${file}`;

async function buildExport(
	db: Db,
	slug: string,
	viewer: AnalysisViewer,
	file: string,
	partial: boolean
): Promise<{ rows: number; file: { filename: string; type: string; content: Buffer } }> {
	if (!(EXPORT_FILES as readonly string[]).includes(file)) throw new InvalidInputError(`no export "${file}" (available: ${EXPORT_FILES.join(', ')})`);
	const { data, cells, book, header, rows } = await loadTable(db, slug, viewer, partial);
	const filename = exportName(slug, file, partial);
	const syntax = SYNTAX[file];
	if (syntax) {
		// The scripts read the CSV under the name its download gets, from their own folder.
		const spec = statsSpec(data.catalogue, exportName(slug, 'microdata.csv', partial), partial, cells);
		for (const [i, v] of spec.variables.entries())
			if (v.kind === 'string') v.width = Math.max(1, ...rows.map((r) => Buffer.byteLength(String(r[i] ?? '')) + 1));
		return { rows: rows.length, file: { filename, type: 'text/plain; charset=utf-8', content: Buffer.from(syntax(spec), 'utf8') } };
	}
	if (file === 'codebook.csv')
		return {
			rows: book.length,
			file: {
				filename,
				type: CSV_TYPE,
				content: Buffer.from(BOM + Papa.unparse(book as unknown as Record<string, unknown>[], { escapeFormulae: true }), 'utf8')
			}
		};
	if (file === 'microdata.csv') {
		// One line per response: SPSS and PSPP cannot read a line break inside a quoted field, so an open answer's
		// line breaks become spaces here (the open answers export and microdata.xlsx keep them).
		const flat = rows.map((r) => r.map((c) => (typeof c === 'string' ? c.replace(/[ \t]*[\r\n]+[ \t]*/g, ' ') : c)));
		return {
			rows: rows.length,
			file: { filename, type: CSV_TYPE, content: Buffer.from(BOM + Papa.unparse({ fields: header, data: flat }, { escapeFormulae: true }), 'utf8') }
		};
	}
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('microdata');
	sheet.addRow(header);
	for (const r of rows) sheet.addRow(r);
	const cb = workbook.addWorksheet('codebook');
	cb.addRow(['variable', 'label', 'type', 'values', 'section', 'criteria']);
	for (const e of book) cb.addRow([e.variable, e.label, e.type, e.values, e.section, e.criteria]);
	return { rows: rows.length, file: { filename, type: XLSX_TYPE, content: Buffer.from(await workbook.xlsx.writeBuffer()) } };
}
