import type { Question } from 'survey-core';

/**
 * The totals row of a dropdown or dynamic matrix (columns with `totalType` or
 * `totalExpression`), drawn under the rows as survey-core draws it: each column's total as
 * its totals cell displays it (`totalFormat`, `totalDisplayStyle`, `totalCurrency`, fraction
 * digits), computed by survey-core on the server from the answers the model holds, so the
 * row is right without JavaScript after each post. `live` tells respondent.js how to
 * recompute a cell as the respondent types; a `totalExpression` has none (it changes on a post).
 */
export interface LiveTotal {
	/** survey-core's totalType: the *InArray function the cell runs over the column. */
	type: 'sum' | 'count' | 'min' | 'max' | 'avg';
	column: string;
	/** totalFormat, with {0} for the value ('' for none). */
	format: string;
	/** Intl.NumberFormat options as survey-core's expression question passes them ('none': plain). */
	style: string;
	currency: string;
	minimumFractionDigits: number;
	maximumFractionDigits: number;
	locale: string;
}

export interface TotalsView {
	/** The row's header: the matrix's totalText ('' for none: the page draws its own "Total", so a screen reader names the row). */
	text: string;
	cells: { text: string; live: LiveTotal | null }[];
}

type TotalColumn = { name: string; totalType: string; totalExpression: string };
type TotalCell = { column: TotalColumn; question: Question & { displayValue: unknown; getLocale(): string } };
type WithTotals = Question & { hasTotal: boolean; visibleTotalRow: { cells: TotalCell[] } | null; totalText?: string };

const LIVE_TYPES = new Set(['sum', 'count', 'min', 'max', 'avg']);

function liveTotal(cell: TotalCell): LiveTotal | null {
	const { column, question } = cell;
	if (column.totalExpression || !LIVE_TYPES.has(column.totalType)) return null;
	const expression = question as TotalCell['question'] & Record<string, unknown>;
	return {
		type: column.totalType as LiveTotal['type'],
		column: column.name,
		format: String(expression.format ?? ''),
		style: String(expression.displayStyle ?? 'none'),
		currency: String(expression.currency ?? 'USD'),
		minimumFractionDigits: Number(expression.minimumFractionDigits ?? -1),
		maximumFractionDigits: Number(expression.maximumFractionDigits ?? -1),
		locale: question.getLocale() || 'en'
	};
}

/** The totals row of a matrix with column totals, null without any. */
export function totalsView(q: Question): TotalsView | null {
	const matrix = q as WithTotals;
	if (!matrix.hasTotal) return null;
	// visibleTotalRow builds the row on first use, from the answers the model holds.
	const row = matrix.visibleTotalRow;
	if (!row) return null;
	return {
		text: matrix.totalText ?? '',
		cells: row.cells.map((cell) => ({ text: String(cell.question.displayValue ?? ''), live: liveTotal(cell) }))
	};
}
