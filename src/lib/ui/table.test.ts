import { describe, expect, it } from 'vitest';
import { readSort, sortHref, sortRows, type Column } from './table.ts';
import { sparklinePoints } from './sparkline.ts';
import { isConfirmed } from './confirm.ts';

interface Row {
	name: string;
	rate: number | null;
}
const columns: Column<Row>[] = [
	{ key: 'name', label: 'Name', value: (r) => r.name },
	{ key: 'rate', label: 'Rate', value: (r) => r.rate, numeric: true },
	{ key: 'action', label: 'Action' }
];
const rows: Row[] = [
	{ name: 'Égypte', rate: 0.5 },
	{ name: 'allemagne', rate: null },
	{ name: 'Zambie', rate: 0.1 },
	{ name: 'Bénin', rate: 0.9 }
];

describe('DataTable sorting by query string (works without JavaScript)', () => {
	it('reads ?sort=&dir= only for sortable columns', () => {
		expect(readSort(new URL('http://x/a?sort=rate&dir=desc'), columns)).toEqual({ key: 'rate', dir: 'desc' });
		expect(readSort(new URL('http://x/a?sort=name'), columns)).toEqual({ key: 'name', dir: 'asc' });
		expect(readSort(new URL('http://x/a?sort=action'), columns)).toBeNull(); // no value: not sortable
		expect(readSort(new URL('http://x/a?sort=password'), columns)).toBeNull();
	});

	it('links a header to its sort, reversing a second click, keeping filters and dropping the page', () => {
		const url = new URL('http://x/admin/audit?actor=a%40b.org&page=3');
		expect(sortHref(url, 'name', null)).toBe('/admin/audit?actor=a%40b.org&sort=name&dir=asc');
		expect(sortHref(url, 'name', { key: 'name', dir: 'asc' })).toBe('/admin/audit?actor=a%40b.org&sort=name&dir=desc');
		expect(sortHref(url, 'rate', { key: 'name', dir: 'asc' })).toContain('sort=rate&dir=asc');
	});

	it("sorts in the language's order, numbers as numbers, empty values last", () => {
		expect(sortRows(rows, columns[0], 'asc', 'fr').map((r) => r.name)).toEqual(['allemagne', 'Bénin', 'Égypte', 'Zambie']);
		expect(sortRows(rows, columns[1], 'asc', 'en').map((r) => r.rate)).toEqual([0.1, 0.5, 0.9, null]);
		expect(sortRows(rows, columns[1], 'desc', 'en').map((r) => r.rate)).toEqual([0.9, 0.5, 0.1, null]);
	});
});

describe('sparkline and confirmation', () => {
	it('draws a polyline in its box, none for fewer than two values', () => {
		expect(sparklinePoints([0, 5, 10], 100, 24)).toBe('2,22 50,12 98,2');
		expect(sparklinePoints([3], 100, 24)).toBeNull();
		expect(sparklinePoints([0, 0], 100, 24)).toBe('2,22 98,22');
	});

	it('accepts a destructive post only with its confirmation', () => {
		const form = new FormData();
		expect(isConfirmed(form)).toBe(false);
		form.set('confirm', 'yes');
		expect(isConfirmed(form)).toBe(true);
	});
});
