import type { Snippet } from 'svelte';
import { localeTag } from './locale.ts';
import type { Locale } from '../domain/locales.ts';

/**
 * A DataTable column: data, not markup. `value` gives what is sorted (and shown when
 * there is no `cell` snippet); `cell` renders the cell (a link, a label, a badge).
 */
export interface Column<T> {
	key: string;
	label: string;
	value?: (row: T) => string | number | null | undefined;
	cell?: Snippet<[T]>;
	sortable?: boolean;
	/** Figures: aligned to the end, tabular digits. */
	numeric?: boolean;
	/** Long text that may wrap anywhere (titles, e-mail addresses, errors). */
	wrap?: boolean;
}

export type SortDirection = 'asc' | 'desc';
export interface SortState {
	key: string;
	dir: SortDirection;
}
export interface SortParams {
	sort: string;
	dir: string;
}
export const DEFAULT_SORT_PARAMS: SortParams = { sort: 'sort', dir: 'dir' };

/** The sort the query string asks for, if it names a sortable column (anything else is ignored). */
export function readSort<T>(url: URL, columns: readonly Column<T>[], params: SortParams = DEFAULT_SORT_PARAMS): SortState | null {
	const key = url.searchParams.get(params.sort);
	const column = columns.find((c) => c.key === key && c.sortable !== false && c.value);
	if (!column) return null;
	return { key: column.key, dir: url.searchParams.get(params.dir) === 'desc' ? 'desc' : 'asc' };
}

/**
 * The link of a sortable header: the same page and query with this column's sort; a
 * second click on the sorted column reverses it. Paging restarts (a `page` parameter is dropped).
 */
export function sortHref(url: URL, key: string, current: SortState | null, params: SortParams = DEFAULT_SORT_PARAMS): string {
	const query = new URLSearchParams(url.searchParams);
	query.delete('page');
	query.set(params.sort, key);
	query.set(params.dir, current?.key === key && current.dir === 'asc' ? 'desc' : 'asc');
	return `${url.pathname}?${query.toString()}`;
}

/** Rows sorted by a column's value in the reader's language's order; empty values last, ties keep their order. */
export function sortRows<T>(rows: readonly T[], column: Column<T> | undefined, dir: SortDirection, locale: Locale): T[] {
	if (!column?.value) return [...rows];
	const collator = new Intl.Collator(localeTag(locale), { numeric: true, sensitivity: 'base' });
	const sign = dir === 'desc' ? -1 : 1;
	const value = column.value;
	return rows
		.map((row, index) => ({ row, index, v: value(row) }))
		.sort((a, b) => {
			const empty = Number(a.v === null || a.v === undefined || a.v === '') - Number(b.v === null || b.v === undefined || b.v === '');
			if (empty !== 0) return empty;
			const order = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
			return order !== 0 ? sign * order : a.index - b.index;
		})
		.map((x) => x.row);
}
