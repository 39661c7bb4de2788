import { InvalidInputError } from '../errors.ts';
import { isObject, type JsonObject } from './json-text.ts';
import { englishText, withEnglishText } from './elements.ts';
import { MATRIX_CELL_TYPES } from '../survey/page-view.ts';

/**
 * The property form's text for matrixdropdown columns and multipletext items, one per
 * line, like choices ("value|text"). What a line does not say (translations, other
 * properties) is kept from the column or item of the same name.
 */

const ITEM_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

function lines(text: string): [number, string][] {
	return [...text.split(/\r?\n/).entries()].map(([n, l]) => [n + 1, l.trim()] as [number, string]).filter(([, l]) => l);
}

function byName(existing: unknown): Map<string, JsonObject> {
	return new Map((Array.isArray(existing) ? existing : []).filter(isObject).map((i) => [String(i.name), i]));
}

function checkName(name: string, label: string, n: number, seen: Set<string>): void {
	if (!ITEM_NAME.test(name))
		throw new InvalidInputError(`${label}, line ${n}: "${name}" is not a name (letters, digits and underscores, starting with a letter).`, [], 'invalid_edit');
	if (seen.has(name)) throw new InvalidInputError(`${label}, line ${n}: the name "${name}" appears twice.`, [], 'invalid_edit');
	seen.add(name);
}

/** "name|title|cellType|choice, choice": cellType among those the renderer draws (dropdown by default). */
export function parseColumnLines(text: string, existing: unknown): JsonObject[] {
	const old = byName(existing);
	const seen = new Set<string>();
	const columns = lines(text).map(([n, line]) => {
		const [name = '', title = '', cell = '', choiceText = ''] = line.split('|').map((p) => p.trim());
		checkName(name, 'Columns', n, seen);
		const cellType = cell || 'dropdown';
		if (!(MATRIX_CELL_TYPES as readonly string[]).includes(cellType))
			throw new InvalidInputError(`Columns, line ${n}: the cell type "${cellType}" is not drawn (use ${MATRIX_CELL_TYPES.join(', ')}).`, [], 'invalid_edit');
		const previous = old.get(name) ?? {};
		const column: JsonObject = { ...previous, name, cellType };
		if (title) column.title = withEnglishText(previous.title, title);
		else delete column.title;
		const oldChoices = new Map((Array.isArray(previous.choices) ? previous.choices : []).map((c) => [String(isObject(c) ? c.value : c), c]));
		const choices = choiceText
			.split(',')
			.map((c) => c.trim())
			.filter(Boolean);
		if (cellType === 'dropdown') {
			if (choices.length === 0)
				throw new InvalidInputError(`Columns, line ${n}: a dropdown column needs its choices after the third "|", separated by commas.`, [], 'invalid_edit');
			column.choices = choices.map((c) => oldChoices.get(c) ?? (/^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c));
		} else delete column.choices;
		return column;
	});
	if (columns.length === 0) throw new InvalidInputError('Columns: give at least one line.', [], 'invalid_edit');
	return columns;
}

export function columnLines(columns: unknown): string {
	return (Array.isArray(columns) ? columns : [])
		.filter(isObject)
		.map((c) => {
			const choices = Array.isArray(c.choices) ? c.choices.map((x) => String(isObject(x) ? x.value : x)).join(', ') : '';
			return [String(c.name), englishText(c.title), String(c.cellType ?? 'dropdown'), choices].join('|').replace(/\|+$/, '');
		})
		.join('\n');
}

/** multipletext items: "name|title" per line. */
export function parseNamedItemLines(text: string, existing: unknown): JsonObject[] {
	const old = byName(existing);
	const seen = new Set<string>();
	const items = lines(text).map(([n, line]) => {
		const bar = line.indexOf('|');
		const name = (bar < 0 ? line : line.slice(0, bar)).trim();
		const title = bar < 0 ? '' : line.slice(bar + 1).trim();
		checkName(name, 'Items', n, seen);
		const previous = old.get(name) ?? {};
		const item: JsonObject = { ...previous, name };
		if (title) item.title = withEnglishText(previous.title, title);
		else delete item.title;
		return item;
	});
	if (items.length === 0) throw new InvalidInputError('Items: give at least one line.', [], 'invalid_edit');
	return items;
}

export function namedItemLines(items: unknown): string {
	return (Array.isArray(items) ? items : [])
		.filter(isObject)
		.map((i) => `${String(i.name)}|${englishText(i.title)}`)
		.join('\n');
}
