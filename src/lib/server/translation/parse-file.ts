import { InvalidInputError } from '../../domain/errors.ts';
import type { ParsedFile } from '../../domain/translation/file-import.ts';
import { parseXliff } from '../../domain/translation/xliff.ts';
import { parseXlsx } from './xlsx.ts';
import { TRANSLATION_SHEET_LIMITS } from '../import-worker/file-limits.ts';
import type { TranslationFormat } from './files.ts';

/**
 * Reads an uploaded translation file (XLIFF 2.0 or 1.2, or our XLSX) into entries.
 * Runs in the import worker (import-worker/run-import.ts), within limits.
 */
export async function parseTranslationFile(format: TranslationFormat, data: Uint8Array): Promise<ParsedFile> {
	if (format === 'xlsx') return parseXlsx(data);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(data);
	} catch {
		return { locale: null, entries: [], problems: [{ where: null, key: null, message: 'the file is not UTF-8 text' }] };
	}
	const parsed = parseXliff(text.replace(/^\uFEFF/, ''));
	if (parsed.entries.length > TRANSLATION_SHEET_LIMITS.maxRows) {
		throw new InvalidInputError(
			`The file has more than ${TRANSLATION_SHEET_LIMITS.maxRows.toLocaleString('en')} units, more than ${TRANSLATION_SHEET_LIMITS.what} can have (${TRANSLATION_SHEET_LIMITS.typical}); nothing was stored.`,
			[],
			'too_many_rows'
		);
	}
	return parsed;
}
