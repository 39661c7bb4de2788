import { unzipSync } from 'fflate';
import { InvalidInputError } from '../../domain/errors.ts';

/**
 * What an uploaded file may hold, checked before or while it is parsed, so that a
 * small file cannot unfold into gigabytes (a "zip bomb" XLSX, a CSV of 200,000
 * rows). The figures leave ample room: the registry of every ITU member is ~1,200
 * rows and its workbook a few MB unzipped; a questionnaire has ~1,000 strings.
 */
export const XLSX_LIMITS = {
	/** An XLSX is a zip of a dozen XML files; thousands of entries is no workbook. */
	maxEntries: 1_000,
	/** Unzipped size of all entries together, and of any one (the sheet). */
	maxTotalBytes: 30 * 1024 * 1024,
	maxEntryBytes: 30 * 1024 * 1024,
	/** Sheets compress 5-20 times; a bomb a thousand times. Checked on entries over 1 MB only. */
	maxRatio: 100,
	ratioFromBytes: 1024 * 1024
} as const;

export interface SheetLimits {
	/** Data rows (the header row not counted). */
	maxRows: number;
	maxColumns: number;
	/** How the refusal names the file: "a registry", "a translation file". */
	what: string;
	/** Why the limit is generous enough, said in the refusal. */
	typical: string;
}

/** A registry of ~1,200 entities is ~200 KB as CSV; anything far larger is not a registry. */
export const MAX_REGISTRY_BYTES = 10 * 1024 * 1024;
/** Every ITU member is ~1,200 rows, the 14 columns of REGISTRY_COLUMNS; a file far past either is not a registry. */
export const REGISTRY_SHEET_LIMITS: SheetLimits = { maxRows: 10_000, maxColumns: 50, what: 'a registry', typical: 'every ITU member is about 1,200 rows' };
/** A previous edition's aggregated table: one row per item (tens), a handful of columns. */
export const WAVE_SHEET_LIMITS: SheetLimits = {
	maxRows: 10_000,
	maxColumns: 50,
	what: "a previous edition's table",
	typical: 'one row per questionnaire item, a few hundred at most'
};
/** One row (or XLIFF unit) per string: a questionnaire has about 1,000. */
export const TRANSLATION_SHEET_LIMITS: SheetLimits = {
	maxRows: 20_000,
	maxColumns: 50,
	what: 'a translation file',
	typical: 'a questionnaire has about 1,000 strings'
};

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const nothingStored = 'nothing was stored';

/**
 * Reads only the zip's central directory (fflate's filter sees each entry's declared
 * sizes and decompresses nothing) and refuses a workbook over XLSX_LIMITS. A zip
 * whose directory lies about its sizes gets past this; the import worker's memory
 * and time limits stop it then.
 */
export function assertXlsxWithinLimits(bytes: Uint8Array, limits = XLSX_LIMITS): void {
	let entries = 0;
	let total = 0;
	let refusal: string | null = null;
	try {
		unzipSync(bytes, {
			filter(entry) {
				entries++;
				total += entry.originalSize;
				if (refusal) return false;
				if (entries > limits.maxEntries) refusal = `the workbook holds more than ${limits.maxEntries} files`;
				else if (entry.originalSize > limits.maxEntryBytes)
					refusal = `its part "${entry.name}" expands to ${mb(entry.originalSize)} when unzipped (at most ${mb(limits.maxEntryBytes)})`;
				else if (total > limits.maxTotalBytes) refusal = `it expands to more than ${mb(limits.maxTotalBytes)} when unzipped`;
				else if (entry.originalSize > limits.ratioFromBytes && entry.originalSize > limits.maxRatio * Math.max(entry.size, 1)) {
					refusal = `its part "${entry.name}" is compressed ${Math.round(entry.originalSize / Math.max(entry.size, 1))} times (a workbook's parts are compressed at most ${limits.maxRatio} times)`;
				}
				return false;
			}
		});
	} catch {
		// A zip whose directory cannot be read: the parser says so in its own words.
		return;
	}
	if (refusal)
		throw new InvalidInputError(`The XLSX file was refused: ${refusal}. It is not a workbook an import reads; ${nothingStored}.`, [], 'xlsx_too_large');
}

/** Refuses a sheet with more data rows or columns than `limits` (counts found while reading). */
export function assertSheetWithinLimits(rows: number, columns: number, limits: SheetLimits): void {
	if (rows > limits.maxRows) {
		throw new InvalidInputError(
			`The file has more than ${limits.maxRows.toLocaleString('en')} rows, which is more than ${limits.what} can have (${limits.typical}); ${nothingStored}.`,
			[],
			'too_many_rows'
		);
	}
	if (columns > limits.maxColumns) {
		throw new InvalidInputError(
			`The file has ${columns.toLocaleString('en')} columns; ${limits.what} has at most ${limits.maxColumns}; ${nothingStored}.`,
			[],
			'too_many_columns'
		);
	}
}
