import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseCell, toCsv } from './csv.ts';

describe('CSV export', () => {
	it.each(['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])('neutralises a cell starting like a formula: %s', (value) => {
		expect(neutraliseCell(value)).toBe(`'${value}`);
	});

	it('leaves ordinary text and numbers alone', () => {
		expect(neutraliseCell('admin@example.org')).toBe('admin@example.org');
		expect(csvCell(-3)).toBe('-3');
		expect(csvCell(null)).toBe('');
	});

	it('quotes commas, quotes and line breaks, with CRLF rows', () => {
		expect(toCsv(['a', 'b'], [['x,y', 'say "hi"\nbye']])).toBe('a,b\r\n"x,y","say ""hi""\nbye"\r\n');
		expect(csvCell('=1,2')).toBe(`"'=1,2"`);
	});

	it('neutralises formula starts in CSV cells and quotes either separator', () => {
		expect(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', 'plain', 'a,b'].map(csvCell)).toEqual([
			'"\'=HYPERLINK(""x"")"',
			"'+1",
			"'-2",
			"'@SUM(A1)",
			'plain',
			'"a,b"'
		]);
		expect(csvCell(-3)).toBe('-3');
		expect(toCsv(['a'], [['x']])).toBe('a\r\nx\r\n');
		expect(csvCell('a;b')).toBe('"a;b"');
		expect(csvCell(' padded')).toBe('" padded"');
	});
});
