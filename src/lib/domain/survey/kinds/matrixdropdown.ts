import type { ItemValue, Question } from 'survey-core';
import { subField } from '../field-names.ts';
import { choiceView, DEFAULT_COMMENT_MAX, DEFAULT_TEXT_MAX, formValue, type BaseQuestionView, type ChoiceView, type QuestionKind } from './kind.ts';
import { choiceLookup, nonEmpty, pickChoice, pickText } from './pick.ts';

/** Cell types of a matrixdropdown column that the renderer draws. */
export const MATRIX_CELL_TYPES = ['dropdown', 'text', 'comment'] as const;

/** A dropdown matrix: one cell per row and column, posted as `field::row::column`. */
export type MatrixDropdownView = BaseQuestionView & {
	kind: 'matrixdropdown';
	type: 'matrixdropdown';
	columns: { name: string; title: string; cellType: 'dropdown' | 'text' | 'comment'; choices: ChoiceView[] }[];
	rows: (ChoiceView & { cells: { field: string; value: string }[] })[];
};

type Column = { name: string; locTitle: { renderedHtml: string }; cellType: string; templateQuestion?: Question };

/** A matrixdropdown column's effective cell type and choices (its own, else the matrix's). */
export function columnSpec(matrix: Question, column: { cellType: string; templateQuestion?: Question }): { cellType: string; choices: ItemValue[] } {
	const cellType = column.cellType === 'default' ? String(matrix.cellType) : column.cellType;
	const own = column.templateQuestion?.visibleChoices as ItemValue[] | undefined;
	return { cellType, choices: own && own.length > 0 ? own : ((matrix.choices as ItemValue[]) ?? []) };
}

export const matrixDropdownKind: QuestionKind<MatrixDropdownView> = {
	types: ['matrixdropdown'],
	view(q, base) {
		const answers = (q.value ?? {}) as Record<string, Record<string, unknown> | undefined>;
		const columns = (q.visibleColumns as Column[]).map((c) => {
			const spec = columnSpec(q, c);
			return {
				name: c.name,
				title: c.locTitle.renderedHtml || c.name,
				cellType: spec.cellType as 'dropdown' | 'text' | 'comment',
				choices: spec.choices.map(choiceView)
			};
		});
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
					cells: columns.map((c) => ({ field: subField(base.field, rowValue, c.name), value: formValue(answers[rowValue]?.[c.name]) }))
				};
			})
		};
	},
	fields: (q, field) =>
		(q.rows as ItemValue[]).flatMap((row) => (q.columns as { name: string }[]).map((col) => subField(field, formValue(row.value), col.name))),
	parse(q, posted, field) {
		const rows: Record<string, Record<string, unknown>> = {};
		for (const row of q.rows as ItemValue[]) {
			const rowName = formValue(row.value);
			const cells: Record<string, unknown> = {};
			for (const column of q.columns as { name: string; cellType: string; templateQuestion?: Question }[]) {
				const cellField = subField(field, rowName, column.name);
				const spec = columnSpec(q, column);
				const values = posted.get(cellField) ?? [];
				const cell =
					spec.cellType === 'dropdown'
						? pickChoice(values, cellField, choiceLookup(spec.choices))
						: pickText(values, cellField, spec.cellType === 'comment' ? DEFAULT_COMMENT_MAX : DEFAULT_TEXT_MAX);
				if (cell !== undefined) cells[column.name] = cell;
			}
			if (Object.keys(cells).length > 0) rows[rowName] = cells;
		}
		return nonEmpty(rows);
	}
};
