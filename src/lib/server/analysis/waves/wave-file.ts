import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { InvalidInputError } from '../../../domain/errors.ts';
import type { WaveRow } from '../../../domain/analysis/wave.ts';
import { assertSheetWithinLimits, assertXlsxWithinLimits, WAVE_SHEET_LIMITS } from '../../import-worker/file-limits.ts';

const UTF8_BOM = '\uFEFF';

/**
 * Reads a previous edition's table (CSV UTF-8 or XLSX) into rows keyed by lower-case
 * header. Runs in the import worker (import-worker/run-import.ts), within limits.
 */
export async function readWaveFile(filename: string, content: Uint8Array): Promise<WaveRow[]> {
	if (/\.xlsx$/i.test(filename)) {
		assertXlsxWithinLimits(content);
		const workbook = new ExcelJS.Workbook();
		try {
			await workbook.xlsx.load(content as unknown as ArrayBuffer);
		} catch {
			throw new InvalidInputError(`${filename} is not a readable XLSX workbook`);
		}
		const sheet = workbook.worksheets[0];
		if (!sheet) throw new InvalidInputError(`${filename} has no worksheet`);
		assertSheetWithinLimits(sheet.actualRowCount - 1, sheet.columnCount, WAVE_SHEET_LIMITS);
		const header = (sheet.getRow(1).values as unknown[]).slice(1).map((v) =>
			String(v ?? '')
				.trim()
				.toLowerCase()
		);
		const rows: WaveRow[] = [];
		sheet.eachRow((row, i) => {
			if (i === 1) return;
			const values = (row.values as unknown[]).slice(1);
			rows.push(Object.fromEntries(header.map((h, j) => [h, values[j] ?? ''])));
		});
		return rows;
	}
	if (!/\.csv$/i.test(filename)) throw new InvalidInputError(`${filename}: send a .csv (UTF-8) or .xlsx file`);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(content);
	} catch {
		throw new InvalidInputError(`${filename} is not valid UTF-8: save it as "CSV UTF-8" and send it again`);
	}
	// One row past the limit at most is read, so a huge file costs no more than that.
	const parsed = Papa.parse<WaveRow>(text.startsWith(UTF8_BOM) ? text.slice(1) : text, {
		header: true,
		skipEmptyLines: true,
		transformHeader: (h) => h.trim().toLowerCase(),
		preview: WAVE_SHEET_LIMITS.maxRows + 1
	});
	assertSheetWithinLimits(parsed.data.length, parsed.meta.fields?.length ?? 0, WAVE_SHEET_LIMITS);
	if (parsed.errors.length)
		throw new InvalidInputError(
			`${filename} is not a well-formed CSV file`,
			parsed.errors.slice(0, 10).map((e) => `line ${(e.row ?? 0) + 2}: ${e.message}`)
		);
	return parsed.data;
}
