import type { ItemValue } from 'survey-core';
import { subField } from '../field-names.ts';
import { choiceView, formValue, type BaseQuestionView, type ChoiceView, type QuestionKind } from './kind.ts';
import { choiceLookup, nonEmpty, pickChoice } from './pick.ts';

/** A single-choice matrix: one radio group per row, posted as `field::row`. */
export type MatrixView = BaseQuestionView & {
	kind: 'matrix';
	type: 'matrix';
	columns: ChoiceView[];
	rows: (ChoiceView & { selected: string | null; field: string })[];
};

export const matrixKind: QuestionKind<MatrixView> = {
	types: ['matrix'],
	view(q, base) {
		const answers = (q.value ?? {}) as Record<string, unknown>;
		return {
			...base,
			kind: 'matrix',
			type: 'matrix',
			columns: q.visibleColumns.map(choiceView),
			rows: q.visibleRows.map((row: { name: unknown; locText: { renderedHtml: string } }) => {
				const cell = answers[String(row.name)];
				return {
					value: formValue(row.name),
					text: row.locText.renderedHtml,
					field: subField(base.field, formValue(row.name)),
					selected: cell === undefined || cell === null ? null : formValue(cell)
				};
			})
		};
	},
	fields: (q, field) => (q.rows as ItemValue[]).map((row) => subField(field, formValue(row.value))),
	parse(q, posted, field) {
		const columns = choiceLookup(q.columns);
		const cells: Record<string, unknown> = {};
		for (const row of q.rows as ItemValue[]) {
			const rowField = subField(field, formValue(row.value));
			const cell = pickChoice(posted.get(rowField) ?? [], rowField, columns);
			if (cell !== undefined) cells[formValue(row.value)] = cell;
		}
		return nonEmpty(cells);
	}
};
