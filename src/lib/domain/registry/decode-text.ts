import { InvalidInputError } from '../errors.ts';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
	return prefix.every((b, i) => bytes[i] === b);
}

/** The 1-based line of the first byte sequence that is not valid UTF-8, for the report. */
function firstInvalidLine(bytes: Uint8Array): number {
	let line = 1;
	let i = 0;
	while (i < bytes.length) {
		const b = bytes[i]!;
		const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
		if (length === 0) return line;
		const chunk = bytes.subarray(i, i + length);
		if (chunk.length < length || new TextDecoder('utf-8', { fatal: false }).decode(chunk).includes('\uFFFD')) return line;
		if (b === 0x0a) line++;
		i += length;
	}
	return line;
}

/**
 * Decodes an uploaded text file as UTF-8, strictly. A UTF-8 byte-order mark (Excel's
 * "CSV UTF-8") is dropped; UTF-16 and anything that is not valid UTF-8 (typically a
 * Windows-1252 export, where "Côte d'Ivoire" would become "C?te") are refused with the
 * line where it goes wrong, instead of importing mangled names.
 */
export function decodeUtf8Strict(bytes: Uint8Array): string {
	if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
		throw new InvalidInputError('the file is UTF-16 encoded: save it as "CSV UTF-8" and import again', ['line 1: UTF-16 byte-order mark']);
	}
	const body = startsWith(bytes, UTF8_BOM) ? bytes.subarray(UTF8_BOM.length) : bytes;
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
	} catch {
		const line = firstInvalidLine(body);
		throw new InvalidInputError('the file is not valid UTF-8 (probably Windows-1252 or Latin-1): save it as "CSV UTF-8" and import again', [
			`line ${line}: bytes that are not UTF-8`
		]);
	}
}
