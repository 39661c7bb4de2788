import type { Question } from 'survey-core';
import { canAdd, canRemove, dynamicCount, storedValue } from '../dynamic-change.ts';
import { subField } from '../field-names.ts';
import type { QuestionKind } from './kind.ts';
import { totalsView } from './matrix-totals.ts';
import { cellValues, columnViews, parsedColumns, parseRowCells, type MatrixDropdownView } from './matrixdropdown.ts';

/**
 * A dynamic matrix (`matrixdynamic`): the dropdown matrix's columns and cells
 * (kinds/matrixdropdown.ts), with rows the respondent adds and removes by a post
 * (dynamic-change.ts). A cell travels as `<field>::<row index>::<column>`. The value is
 * survey-core's: an array with one object per row (`{}` for an empty row), no key at
 * all while nothing was typed and no row added or removed.
 */
export type MatrixDynamicView = Omit<MatrixDropdownView, 'kind' | 'type'> & {
	kind: 'matrixdynamic';
	type: 'matrixdynamic';
	canAdd: boolean;
	removable: boolean;
	addText: string;
	removeText: string;
};

type Dynamic = Question & { addRowText: string; removeRowText: string };

export const matrixDynamicKind: QuestionKind<MatrixDynamicView> = {
	types: ['matrixdynamic'],
	view(q, base) {
		const stored = storedValue(q);
		const answers = (Array.isArray(stored) ? stored : []) as (Record<string, unknown> | undefined)[];
		const columns = columnViews(q);
		return {
			...base,
			kind: 'matrixdynamic',
			type: 'matrixdynamic',
			columns,
			rows: Array.from({ length: dynamicCount(q) }, (_, i) => ({
				value: String(i),
				text: String(i + 1),
				cells: columns.map((c) => ({ field: subField(base.field, String(i), c.name), ...cellValues(answers[i]?.[c.name]) }))
			})),
			totals: totalsView(q),
			canAdd: canAdd(q),
			removable: canRemove(q),
			addText: (q as Dynamic).addRowText,
			removeText: (q as Dynamic).removeRowText
		};
	},
	fields: (q, field) =>
		Array.from({ length: dynamicCount(q) }, (_, i) => (q.columns as { name: string }[]).map((col) => subField(field, String(i), col.name))).flat(),
	parse(q, posted, field) {
		const columns = parsedColumns(q);
		const rows = Array.from({ length: dynamicCount(q) }, (_, i) => parseRowCells(columns, posted, subField(field, String(i))));
		// Untouched (nothing typed, no row added or removed): no answer, as survey-core's data.
		if (rows.every((row) => Object.keys(row).length === 0) && !Array.isArray(storedValue(q))) return undefined;
		return rows;
	}
};
