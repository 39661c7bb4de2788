/**
 * CSV as spreadsheets read it (RFC 4180, CRLF line ends), with formula injection
 * neutralised. The one hand-made CSV writer; where Papa's `unparse` writes CSV it
 * is called with `escapeFormulae`, the same rule. A cell starting with = + - @ (or
 * tab / carriage return, which some spreadsheets strip before looking) gets a
 * leading apostrophe, so an e-mail address, a name or a comment typed by an
 * attacker is shown as text, never run (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: string): string {
	return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * One cell, quoted when it holds a quote, a line break or a separator of either
 * kind (Excel in French, Spanish or Russian settings splits on ";"), or leading or
 * trailing spaces a spreadsheet would trim.
 */
export function csvCell(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'number' ? String(value) : neutraliseCell(value);
	return /[",;\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
	return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
