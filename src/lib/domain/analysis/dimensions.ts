import type { Catalogue } from './catalogue.ts';
import { aggregate, type AnalysisResult, type Respondent } from './aggregate.ts';

/**
 * What results can be broken down by. Office and Sector are multi-valued (a
 * respondent dealt with several offices, a company is a member of several Sectors):
 * a respondent then counts in each of its groups, so those groups do not add up to
 * the total, and the tables say so.
 */
export const DIMENSIONS = ['region', 'category', 'office', 'sector', 'language'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const NO_GROUP = 'none';
const OFFICES_QUESTION = 'offices_dealt_with';

export function isDimension(value: unknown): value is Dimension {
	return typeof value === 'string' && (DIMENSIONS as readonly string[]).includes(value);
}

export function isMultiValued(dimension: Dimension): boolean {
	return dimension === 'office' || dimension === 'sector';
}

/** The groups a respondent belongs to along a dimension (at least one). */
export function groupsOf(r: Respondent, dimension: Dimension): string[] {
	switch (dimension) {
		case 'region':
			return [r.region ?? NO_GROUP];
		case 'category':
			return [r.category];
		case 'language':
			return [r.language];
		case 'sector':
			return r.sectors.length ? r.sectors : [NO_GROUP];
		case 'office': {
			const raw = r.answers[OFFICES_QUESTION];
			const offices = Array.isArray(raw) ? raw.map(String).filter((o) => o !== NO_GROUP) : [];
			return offices.length ? offices : [NO_GROUP];
		}
	}
}

/** Respondents per group, groups in first-seen order unless an order is given. */
export function partition(respondents: readonly Respondent[], dimension: Dimension, order: readonly string[] = []): Map<string, Respondent[]> {
	const groups = new Map<string, Respondent[]>(order.map((g) => [g, []]));
	for (const r of respondents) {
		for (const g of groupsOf(r, dimension)) {
			const list = groups.get(g) ?? [];
			list.push(r);
			groups.set(g, list);
		}
	}
	return groups;
}

export interface Breakdown {
	dimension: Dimension;
	total: AnalysisResult;
	groups: { key: string; result: AnalysisResult }[];
}

export function breakdown(catalogue: Catalogue, respondents: readonly Respondent[], dimension: Dimension, order: readonly string[] = []): Breakdown {
	return {
		dimension,
		total: aggregate(catalogue, respondents),
		groups: [...partition(respondents, dimension, order)].map(([key, list]) => ({ key, result: aggregate(catalogue, list) }))
	};
}

/** A cross-tabulation of two dimensions: a full result per cell and per margin. */
export interface CrossTab {
	rows: Dimension;
	columns: Dimension;
	rowKeys: string[];
	columnKeys: string[];
	/** cells[i][j] for rowKeys[i] x columnKeys[j]. */
	cells: AnalysisResult[][];
	rowMargins: AnalysisResult[];
	columnMargins: AnalysisResult[];
	total: AnalysisResult;
}

export function crossTab(catalogue: Catalogue, respondents: readonly Respondent[], rows: Dimension, columns: Dimension): CrossTab {
	const byRow = partition(respondents, rows);
	const byColumn = partition(respondents, columns);
	const rowKeys = [...byRow.keys()].sort();
	const columnKeys = [...byColumn.keys()].sort();
	return {
		rows,
		columns,
		rowKeys,
		columnKeys,
		cells: rowKeys.map((rk) => {
			const inRow = partition(byRow.get(rk)!, columns);
			return columnKeys.map((ck) => aggregate(catalogue, inRow.get(ck) ?? []));
		}),
		rowMargins: rowKeys.map((rk) => aggregate(catalogue, byRow.get(rk)!)),
		columnMargins: columnKeys.map((ck) => aggregate(catalogue, byColumn.get(ck)!)),
		total: aggregate(catalogue, respondents)
	};
}
