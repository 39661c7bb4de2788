import Papa from 'papaparse';

/**
 * CSV as spreadsheets read it (RFC 4180, CRLF line ends), written by papaparse's
 * `unparse`, with formula injection neutralised first. A cell starting with = + - @
 * (or tab / carriage return, which some spreadsheets strip before looking) gets a
 * leading apostrophe, so an e-mail address, a name or a comment typed by an attacker
 * is shown as text, never run (OWASP "CSV injection"). We neutralise ourselves rather
 * than with Papa's `escapeFormulae`, which also quotes every such cell: the files
 * stay byte for byte what they were.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
	return FORMULA_START.test(value) ? `'${value}` : value;
}

type Cell = string | number | null | undefined;

/**
 * Quoted when a cell holds a quote, a line break or a separator of either kind (Excel
 * in French, Spanish or Russian settings splits on ";"), or leading or trailing
 * white space a spreadsheet would trim (Papa on its own quotes only spaces and ",").
 */
function needsQuotes(value: unknown): boolean {
	const text = String(value ?? '');
	return /[",;\r\n]/.test(text) || text !== text.trim();
}

const UNPARSE: Papa.UnparseConfig = { newline: '\r\n', quotes: needsQuotes, escapeFormulae: false };

function prepared(row: readonly Cell[]): Cell[] {
	return row.map((value) => (typeof value === 'string' ? neutraliseCell(value) : value));
}

/** One cell as it appears in a row. */
export function csvCell(value: Cell): string {
	return Papa.unparse([prepared([value])], UNPARSE);
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
	return Papa.unparse([header, ...rows].map(prepared), UNPARSE) + '\r\n';
}
