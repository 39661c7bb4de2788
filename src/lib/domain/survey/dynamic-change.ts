import type { Model, Question } from 'survey-core';
import { fieldName } from './field-names.ts';
import { refuse } from './kinds/pick.ts';

/**
 * "Add" and "Remove" of a dynamic panel or a dynamic matrix without JavaScript: each is
 * a submit button of the page form (`_action` = `add:<field>` or `remove:<field>:<index>`),
 * so one post saves what was typed, then adds or removes one panel (row) and draws the
 * same page again. The count lives in the stored value itself, as survey-core keeps it:
 * an array with one object per panel (row), `{}` for an empty one.
 */
export type DynamicChange = { op: 'add' | 'remove'; field: string; index: number };

const ADD = /^add:([A-Za-z0-9_-]{1,200})$/;
const REMOVE = /^remove:([A-Za-z0-9_-]{1,200}):(\d{1,3})$/;

export function parseDynamicAction(raw: string | null): DynamicChange | null {
	const add = ADD.exec(raw ?? '');
	if (add) return { op: 'add', field: add[1]!, index: -1 };
	const remove = REMOVE.exec(raw ?? '');
	return remove ? { op: 'remove', field: remove[1]!, index: Number(remove[2]) } : null;
}

type Dynamic = Question & Record<string, unknown>;

export function isDynamic(q: Question): boolean {
	return q.getType() === 'paneldynamic' || q.getType() === 'matrixdynamic';
}

/** How many panels (rows) survey-core shows now. */
export function dynamicCount(q: Question): number {
	const d = q as Dynamic;
	return Number(q.getType() === 'paneldynamic' ? d.panelCount : d.rowCount) || 0;
}

/** survey-core's limits: `allowAddPanel`/`maxPanelCount`, `allowAddRows`/`maxRowCount`. */
export function canAdd(q: Question): boolean {
	const d = q as Dynamic;
	if (q.isReadOnly) return false;
	return q.getType() === 'paneldynamic'
		? d.allowAddPanel !== false && dynamicCount(q) < Number(d.maxPanelCount)
		: d.allowAddRows !== false && dynamicCount(q) < Number(d.maxRowCount);
}

/** `allowRemovePanel`/`minPanelCount`, `allowRemoveRows`/`minRowCount`. */
export function canRemove(q: Question): boolean {
	const d = q as Dynamic;
	if (q.isReadOnly) return false;
	return q.getType() === 'paneldynamic'
		? d.allowRemovePanel !== false && dynamicCount(q) > Number(d.minPanelCount ?? 0)
		: d.allowRemoveRows !== false && dynamicCount(q) > Number(d.minRowCount ?? 0);
}

/**
 * The answer after the change, for visible page `index` of a model loaded with `answers`:
 * one more empty object at the end, or the object at `change.index` taken out (the
 * panels after it move up, as survey-core's removePanel does). Beyond a limit: unchanged.
 */
export function applyDynamicChange(model: Model, index: number, answers: Record<string, unknown>, change: DynamicChange): Record<string, unknown> {
	const q = (model.visiblePages[index]?.questions as Question[] | undefined)?.find((c) => isDynamic(c) && fieldName(c.name) === change.field);
	if (!q) refuse('unknown_field', `"${change.field}" is not a dynamic panel or matrix on this page`);
	const stored = answers[q.getValueName()];
	const items = Array.from({ length: dynamicCount(q) }, (_, i) => (Array.isArray(stored) ? (stored[i] as object | undefined) : undefined) ?? {});
	if (change.op === 'add' && canAdd(q)) items.push({});
	if (change.op === 'remove') {
		if (change.index >= items.length) refuse('unknown_field', `"${change.field}" has no panel ${change.index}`);
		if (canRemove(q)) items.splice(change.index, 1);
	}
	return { [q.getValueName()]: items };
}

/** What the model holds for the question's value name (survey-core's data, not the question's own padding). */
export function storedValue(q: Question): unknown {
	return (q.data as { getValue?(name: string): unknown } | null)?.getValue?.(q.getValueName());
}

/**
 * Where the page drawn after a change should open (the 303's fragment), so a respondent on
 * a long page keeps their place: the panel or row just added (its element id, which the
 * page script also focuses), or the dynamic question whose panel was removed.
 */
export function changeAnchor(model: Model, index: number, change: DynamicChange): string {
	const q = (model.visiblePages[index]?.questions as Question[] | undefined)?.find((c) => isDynamic(c) && fieldName(c.name) === change.field);
	const own = `q-${change.field}`;
	if (!q || change.op === 'remove' || dynamicCount(q) === 0) return own;
	return `${own}-${q.getType() === 'paneldynamic' ? 'panel' : 'row'}-${dynamicCount(q) - 1}`;
}
