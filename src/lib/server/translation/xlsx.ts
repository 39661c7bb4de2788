import ExcelJS from 'exceljs';
import { LOCALE_NATIVE_NAMES, type Locale } from '../../domain/locales.ts';
import { cellOf, isCellStatus, type StateIndex } from '../../domain/translation/status.ts';
import type { TranslatableString } from '../../domain/translation/strings.ts';
import type { FileEntry, ParsedFile } from '../../domain/translation/file-import.ts';
import { localeFromTag, xliffLang } from '../../domain/translation/xliff-common.ts';
import { assertSheetWithinLimits, assertXlsxWithinLimits, TRANSLATION_SHEET_LIMITS } from '../import-worker/file-limits.ts';

const SHEET = 'Translations';
const HEADERS = ['key', 'context', 'English', 'target', 'status'] as const;
/** Row 1 names the language, row 2 the columns; strings start on row 3. */
const FIRST_DATA_ROW = 3;
const COL = { key: 1, context: 2, source: 3, target: 4, status: 5 } as const;

/**
 * The workbook of one target language. Every cell is written as a text cell, never a
 * formula, so a text starting with = + - @ stays text in Excel without the quote prefix
 * a CSV needs (and the round trip stays exact). Key, context and English are locked:
 * the sheet is protected without a password, only target and status are editable.
 */
export async function toXlsx(strings: readonly TranslatableString[], states: StateIndex, locale: Locale, slug: string): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet(SHEET);
	ws.addRow(['language', xliffLang(locale), LOCALE_NATIVE_NAMES[locale], 'questionnaire', slug]);
	ws.addRow([...HEADERS.slice(0, 3), `target (${xliffLang(locale)})`, 'status']);
	for (const s of strings) {
		const cell = cellOf(s, locale, states);
		ws.addRow([s.key, s.context, s.texts.en ?? '', cell.text ?? '', cell.status]);
	}
	ws.columns.forEach((c, i) => (c.width = [30, 40, 60, 60, 14][i]));
	ws.getColumn(COL.target).eachCell((c, row) => {
		if (row >= FIRST_DATA_ROW) c.protection = { locked: false };
	});
	ws.getColumn(COL.status).eachCell((c, row) => {
		if (row >= FIRST_DATA_ROW) c.protection = { locked: false };
	});
	await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true });
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

type CellRead = { text: string } | { formula: true };

function readCell(value: ExcelJS.CellValue): CellRead {
	if (value === null || value === undefined) return { text: '' };
	if (typeof value === 'string') return { text: value };
	if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value) };
	if (value instanceof Date) return { text: value.toISOString() };
	if ('formula' in value || 'sharedFormula' in value) return { formula: true };
	if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
	if ('text' in value && typeof value.text === 'string') return { text: value.text };
	return { text: '' };
}

/**
 * Reads a workbook made by toXlsx; problems point at the row (1-based, as Excel shows).
 * Runs in the import worker (import-worker/run-import.ts), within limits.
 */
export async function parseXlsx(data: Uint8Array): Promise<ParsedFile> {
	assertXlsxWithinLimits(data);
	const wb = new ExcelJS.Workbook();
	try {
		await wb.xlsx.load(data as unknown as ArrayBuffer);
	} catch {
		return { locale: null, entries: [], problems: [{ where: null, key: null, message: 'not an XLSX file' }] };
	}
	const ws = wb.getWorksheet(SHEET) ?? wb.worksheets[0];
	if (!ws) return { locale: null, entries: [], problems: [{ where: null, key: null, message: 'the workbook has no sheet' }] };
	assertSheetWithinLimits(ws.actualRowCount - (FIRST_DATA_ROW - 1), ws.columnCount, TRANSLATION_SHEET_LIMITS);
	const problems: ParsedFile['problems'] = [];
	const label = readCell(ws.getCell(1, 1).value);
	const lang = readCell(ws.getCell(1, 2).value);
	const locale = 'text' in label && label.text === 'language' && 'text' in lang ? localeFromTag(lang.text) : null;
	if (!locale) problems.push({ where: 'row 1', key: null, message: 'row 1 must name the language: "language" in A1 and its code in B1' });
	const entries: FileEntry[] = [];
	for (let r = FIRST_DATA_ROW; r <= ws.rowCount; r++) {
		const row = ws.getRow(r);
		const cells = [COL.key, COL.source, COL.target, COL.status].map((c) => readCell(row.getCell(c).value));
		const where = `row ${r}`;
		if (cells.some((c) => 'formula' in c)) {
			problems.push({ where, key: null, message: 'a cell holds a formula: type the translation as text' });
			continue;
		}
		const [key = '', source = '', target = '', status = ''] = cells.map((c) => (c as { text: string }).text);
		if (key === '' && target === '' && source === '') continue;
		if (key === '') {
			problems.push({ where, key: null, message: 'the key column is empty: rows must not be added' });
			continue;
		}
		const st = status === '' ? 'draft' : status;
		if (!isCellStatus(st)) {
			problems.push({ where, key, message: `status "${status}" is not one of missing, needs_review, machine, draft, reviewed` });
			continue;
		}
		entries.push({ key, where, source, target, status: st });
	}
	return { locale, entries, problems };
}
