import type { ItemValue, Question } from 'survey-core';
import { subField } from '../field-names.ts';
import {
	choiceView,
	DEFAULT_COMMENT_MAX,
	DEFAULT_TEXT_MAX,
	formValue,
	type BaseQuestionView,
	type ChoiceView,
	type Posted,
	type QuestionKind
} from './kind.ts';
import { totalsView, type TotalsView } from './matrix-totals.ts';
import { nonEmpty, pickChoice, pickMany, pickText } from './pick.ts';

/**
 * A dropdown matrix: one cell per row and column, posted as `field::row::column`
 * (a checkbox cell sends that field once per ticked box). Each cell is stored as
 * survey-core stores the cell's own question: a rating cell's number, a checkbox
 * cell's list, a boolean cell's true or false.
 */
export const MATRIX_CELL_TYPES = ['dropdown', 'text', 'comment', 'radiogroup', 'checkbox', 'rating', 'boolean'] as const;
export type MatrixCellType = (typeof MATRIX_CELL_TYPES)[number];

export type MatrixDropdownView = BaseQuestionView & {
	kind: 'matrixdropdown';
	type: 'matrixdropdown';
	columns: { name: string; title: string; cellType: MatrixCellType; choices: ChoiceView[] }[];
	/** Each cell's field and its value as it travels (`values` for a checkbox cell). */
	rows: (ChoiceView & { cells: { field: string; value: string; values: string[] }[] })[];
	/** The column totals under the rows (matrix-totals.ts), null when no column has one. */
	totals: TotalsView | null;
};

type Column = { name: string; locTitle: { renderedHtml: string }; cellType: string; templateQuestion?: Question };

/** The cell types whose answer is one of the column's choices. */
const SINGLE_CHOICE = new Set(['dropdown', 'radiogroup', 'rating', 'boolean']);

/** A matrixdropdown column's effective cell type ('default' is the matrix's own cellType). */
export function columnCellType(matrix: Question, column: { cellType: string }): string {
	return column.cellType === 'default' ? String(matrix.cellType) : column.cellType;
}

/** A column's choices as survey-core offers them in its cells: the column's own, else the matrix's. */
function columnChoices(matrix: Question, column: { cellType: string; templateQuestion?: Question }): { value: unknown; view: ChoiceView }[] {
	const cellType = columnCellType(matrix, column);
	const template = column.templateQuestion;
	if (cellType === 'boolean') {
		const label = (key: 'locLabelTrue' | 'locLabelFalse', fallback: string) =>
			(template?.[key] as { renderedHtml?: string } | undefined)?.renderedHtml || fallback;
		return [
			{ value: true, view: { value: 'true', text: label('locLabelTrue', 'Yes') } },
			{ value: false, view: { value: 'false', text: label('locLabelFalse', 'No') } }
		];
	}
	if (cellType === 'text' || cellType === 'comment') return [];
	const own = (cellType === 'rating' ? template?.visibleRateValues : template?.visibleChoices) as ItemValue[] | undefined;
	const items = own && own.length > 0 ? own : ((matrix.choices as ItemValue[]) ?? []);
	return items.map((item) => ({ value: item.value, view: choiceView(item) }));
}

export function cellValues(value: unknown): { value: string; values: string[] } {
	if (Array.isArray(value)) return { value: '', values: value.map(formValue) };
	return { value: formValue(value), values: [] };
}

/** The visible columns as drawn (shared with the dynamic matrix, kinds/matrixdynamic.ts). */
export function columnViews(q: Question): MatrixDropdownView['columns'] {
	return (q.visibleColumns as Column[]).map((c) => ({
		name: c.name,
		title: c.locTitle.renderedHtml || c.name,
		cellType: columnCellType(q, c) as MatrixCellType,
		choices: columnChoices(q, c).map((choice) => choice.view)
	}));
}

type ParsedColumn = { name: string; cellType: string; choices: Map<string, unknown> };

export function parsedColumns(q: Question): ParsedColumn[] {
	return (q.columns as Column[]).map((column) => {
		const cellType = columnCellType(q, column);
		return { name: column.name, cellType, choices: new Map(columnChoices(q, column).map((c) => [c.view.value, c.value])) };
	});
}

/** One row's cells from the posted `rowField::column` fields, each as survey-core stores the cell. */
export function parseRowCells(columns: ParsedColumn[], posted: Posted, rowField: string): Record<string, unknown> {
	const cells: Record<string, unknown> = {};
	for (const column of columns) {
		const cellField = subField(rowField, column.name);
		const values = posted.get(cellField) ?? [];
		const cell = SINGLE_CHOICE.has(column.cellType)
			? pickChoice(values, cellField, column.choices)
			: column.cellType === 'checkbox'
				? pickMany(values, cellField, column.choices)
				: pickText(values, cellField, column.cellType === 'comment' ? DEFAULT_COMMENT_MAX : DEFAULT_TEXT_MAX);
		if (cell !== undefined) cells[column.name] = cell;
	}
	return cells;
}

export const matrixDropdownKind: QuestionKind<MatrixDropdownView> = {
	types: ['matrixdropdown'],
	view(q, base) {
		const answers = (q.value ?? {}) as Record<string, Record<string, unknown> | undefined>;
		const columns = columnViews(q);
		return {
			...base,
			kind: 'matrixdropdown',
			type: 'matrixdropdown',
			columns,
			rows: q.visibleRows.map((row: { rowName: unknown; text: string }) => {
				const rowValue = formValue(row.rowName);
				return {
					value: rowValue,
					text: row.text,
					cells: columns.map((c) => ({ field: subField(base.field, rowValue, c.name), ...cellValues(answers[rowValue]?.[c.name]) }))
				};
			}),
			totals: totalsView(q)
		};
	},
	fields: (q, field) =>
		(q.rows as ItemValue[]).flatMap((row) => (q.columns as { name: string }[]).map((col) => subField(field, formValue(row.value), col.name))),
	parse(q, posted, field) {
		const rows: Record<string, Record<string, unknown>> = {};
		const columns = parsedColumns(q);
		for (const row of q.rows as ItemValue[]) {
			const rowName = formValue(row.value);
			const cells = parseRowCells(columns, posted, subField(field, rowName));
			if (Object.keys(cells).length > 0) rows[rowName] = cells;
		}
		return nonEmpty(rows);
	}
};
