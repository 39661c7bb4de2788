import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { InvalidInputError } from '../../../domain/errors.ts';
import { decodeUtf8Strict } from '../../../domain/registry/decode-text.ts';
import type { RegistryRow } from '../../../domain/registry/registry-rows.ts';
import { assertSheetWithinLimits, assertXlsxWithinLimits, MAX_REGISTRY_BYTES, REGISTRY_SHEET_LIMITS } from '../../import-worker/file-limits.ts';

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // a ZIP container

export interface RegistrySheet {
	header: string[];
	rows: RegistryRow[];
}

function parseCsv(bytes: Uint8Array): RegistrySheet {
	const text = decodeUtf8Strict(bytes);
	// Excel in French, Spanish or Russian settings writes ";": let papaparse detect it.
	// Reads one row past the limit at most (header included), so a huge file costs no more than that.
	const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t'], preview: REGISTRY_SHEET_LIMITS.maxRows + 2 });
	const dataRows = parsed.data.length - 1 - (parsed.data.at(-1)?.join('') === '' ? 1 : 0);
	assertSheetWithinLimits(dataRows, Math.max(0, ...parsed.data.map((cells) => cells.length)), REGISTRY_SHEET_LIMITS);
	const fatal = parsed.errors.filter((e) => e.type === 'Quotes');
	if (fatal.length > 0) {
		throw new InvalidInputError(
			'the CSV file is malformed',
			fatal.map((e) => `row ${(e.row ?? 0) + 1}: ${e.message}`)
		);
	}
	const [header = [], ...data] = parsed.data;
	return { header, rows: data.map((cells, i) => ({ row: i + 2, cells })) };
}

/** A cell as text: hyperlinks (Excel turns e-mail addresses into them), rich text, numbers, dates. */
function cellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'object') {
		if (value instanceof Date) return value.toISOString();
		if ('richText' in value) return value.richText.map((t) => t.text).join('');
		if ('text' in value) {
			// A hyperlink's text is a string or, when formatted, rich text.
			const text: unknown = value.text;
			if (typeof text === 'string') return text;
			if (text && typeof text === 'object' && 'richText' in text && Array.isArray(text.richText))
				return text.richText.map((t: { text: string }) => t.text).join('');
			return '';
		}
		if ('result' in value) return value.result === undefined ? '' : String(value.result);
		if ('error' in value) return '';
	}
	return String(value);
}

async function parseXlsx(bytes: Uint8Array): Promise<RegistrySheet> {
	assertXlsxWithinLimits(bytes);
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
	} catch {
		throw new InvalidInputError('the XLSX file could not be read (is it an Excel workbook?)');
	}
	const sheet = workbook.worksheets[0];
	if (!sheet) throw new InvalidInputError('the XLSX file has no worksheet');
	const rows: RegistryRow[] = [];
	let header: string[] = [];
	const width = sheet.columnCount;
	assertSheetWithinLimits(sheet.actualRowCount - 1, width, REGISTRY_SHEET_LIMITS);
	sheet.eachRow({ includeEmpty: false }, (row, number) => {
		const cells = Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
		if (number === 1) header = cells;
		else rows.push({ row: number, cells });
	});
	return { header, rows };
}

/**
 * Reads a registry upload by its content (a ZIP is XLSX), falling back to the file name
 * for clarity. Runs in the import worker (import-worker/run-import.ts), within limits.
 */
export async function readRegistryFile(fileName: string, bytes: Uint8Array): Promise<RegistrySheet> {
	if (bytes.length === 0) throw new InvalidInputError('the file is empty');
	if (bytes.length > MAX_REGISTRY_BYTES) throw new InvalidInputError(`the file is larger than ${MAX_REGISTRY_BYTES / 1024 / 1024} MB`);
	const isZip = XLSX_MAGIC.every((b, i) => bytes[i] === b);
	if (isZip) return parseXlsx(bytes);
	if (/\.xlsx?$/i.test(fileName))
		throw new InvalidInputError('the file is named .xlsx but is not an Excel workbook (old .xls files are not supported: save as .xlsx or CSV UTF-8)');
	return parseCsv(bytes);
}
