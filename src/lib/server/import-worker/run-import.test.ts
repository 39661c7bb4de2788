import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { InvalidInputError } from '../../domain/errors.ts';
import { runImport } from './run-import.ts';
import { assertXlsxWithinLimits, XLSX_LIMITS } from './file-limits.ts';

const csv = (rows: number) => new TextEncoder().encode(`code;kind;name\n${'C1;academia;N\n'.repeat(rows)}`);
const refusal = async (promise: Promise<unknown>) => {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(InvalidInputError);
	return error as InvalidInputError;
};

describe('runImport (a real worker thread)', () => {
	it('returns the parsed file', async () => {
		const sheet = await runImport('registry', { fileName: 'r.csv', bytes: csv(3) });
		expect(sheet.header).toEqual(['code', 'kind', 'name']);
		expect(sheet.rows.filter((r) => r.cells.join('') !== '')).toHaveLength(3);
	});

	it('gives back the domain error the parser threw, with its details', async () => {
		const error = await refusal(runImport('registry', { fileName: 'r.csv', bytes: new TextEncoder().encode('code;kind;name\n"C1;academia;N\n') }));
		expect(error.message).toBe('the CSV file is malformed');
		expect(error.details.length).toBeGreaterThan(0);
	});

	it('refuses more rows than a registry has, without parsing them all', async () => {
		const error = await refusal(runImport('registry', { fileName: 'r.csv', bytes: csv(200_000) }));
		expect(error.code).toBe('too_many_rows');
		expect(error.message).toMatch(/more than 10,000 rows.*nothing was stored/);
	});

	it('stops a parse past its time limit', async () => {
		const error = await refusal(runImport('registry', { fileName: 'r.csv', bytes: csv(9_000) }, { timeMs: 1, memoryMb: 256 }));
		expect(error.code).toBe('import_too_slow');
		expect(error.message).toMatch(/longer than 0\.001 s, so it was stopped; nothing was stored/);
	});

	it('stops a parse past its memory limit (the worker dies, not the server)', async () => {
		// 500,000 cells in 5 MB. (A limit far below 16 MB is no test: V8 cannot even set up such a heap and aborts the process.)
		const wide = new TextEncoder().encode(
			`${Array.from({ length: 50 }, (_, i) => `c${i}`).join(';')}\n${`${Array.from({ length: 50 }, (_, i) => `value${i}xx`).join(';')}\n`.repeat(9_999)}`
		);
		const error = await refusal(runImport('registry', { fileName: 'r.csv', bytes: wide }, { timeMs: 60_000, memoryMb: 16 }));
		expect(error.code).toBe('import_too_large');
		expect(error.message).toMatch(/more than the 16 MB an import may use/);
	});
});

describe('assertXlsxWithinLimits (the zip directory only)', () => {
	const zip = (files: Record<string, Uint8Array>) => zipSync(files, { level: 9 });

	it('accepts an ordinary workbook-sized zip', () => {
		expect(() => assertXlsxWithinLimits(zip({ 'xl/worksheets/sheet1.xml': strToU8('<row/>'.repeat(1_000)) }))).not.toThrow();
	});

	it('refuses a part that expands past the limit, a ratio of a bomb, and too many parts', () => {
		const big = new Uint8Array(XLSX_LIMITS.maxEntryBytes + 1);
		expect(() => assertXlsxWithinLimits(zip({ 'xl/worksheets/sheet1.xml': big }))).toThrow(/"xl\/worksheets\/sheet1.xml" expands to 30.0 MB when unzipped/);
		expect(() => assertXlsxWithinLimits(zip({ 'xl/worksheets/sheet1.xml': new Uint8Array(2 * 1024 * 1024) }))).toThrow(/compressed \d+ times/);
		const many = Object.fromEntries(Array.from({ length: XLSX_LIMITS.maxEntries + 1 }, (_, i) => [`p${i}.xml`, strToU8('x')]));
		expect(() => assertXlsxWithinLimits(zip(many))).toThrow(/more than 1000 files/);
	});

	it('leaves a file that is no zip to the parser', () => {
		expect(() => assertXlsxWithinLimits(new Uint8Array([1, 2, 3]))).not.toThrow();
	});
});
