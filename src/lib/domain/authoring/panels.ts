import { z } from 'zod';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { isObject, type JsonObject } from './json-text.ts';
import { allElements, englishText, findElement, pagesOf, withEnglishText, type Located } from './elements.ts';
import { assertFreeName, clone, NAME, pageAt, parse, swap, type Direction } from './operations.ts';
import { renameReferences } from './references.ts';

/**
 * Panels and page texts, and moving elements through them, as pure functions (the
 * same contract as operations.ts: a new JSON, or InvalidInputError and no change).
 */

const TEXT = z.string().trim().max(4000).default('');

function elementsOf(container: JsonObject): unknown[] {
	if (!Array.isArray(container.elements)) container.elements = [];
	return container.elements as unknown[];
}

function setText(target: JsonObject, key: string, text: string): void {
	if (text) target[key] = withEnglishText(target[key], text);
	else delete target[key];
}

/** The panel whose `elements` is this list, if the list is not a page's. */
function panelHolding(json: JsonObject, list: unknown[]): Located | undefined {
	for (const located of allElements(json)) if (located.element.elements === list) return located;
	return undefined;
}

/** True when `name` is `root` itself or sits anywhere inside it. */
function isWithin(root: JsonObject, name: string): boolean {
	if (root.name === name) return true;
	return [...allElements({ pages: [{ elements: [root] }] })].some((l) => l.element.name === name);
}

export function addPanel(json: JsonObject, input: { pageIndex: number; name: string; title: string }): JsonObject {
	const p = parse(z.object({ pageIndex: z.number().int().min(0), name: NAME, title: z.string().trim().max(2000) }), input);
	const next = clone(json);
	const page = pageAt(next, p.pageIndex);
	assertFreeName(next, p.name);
	elementsOf(page).push({ type: 'panel', name: p.name, ...(p.title ? { title: p.title } : {}), elements: [] });
	return next;
}

export const PanelEdit = z.object({
	name: NAME,
	title: z.string().trim().max(2000).default(''),
	description: TEXT,
	visibleIf: z.string().trim().max(2000).default('')
});
export type PanelEditInput = z.input<typeof PanelEdit>;

/** A panel's own properties; a rename rewrites the references to it, as a question's does. */
export function updatePanel(json: JsonObject, name: string, input: PanelEditInput): JsonObject {
	const e = parse(PanelEdit, input);
	const next = clone(json);
	const at = findElement(next, name);
	if (!at || at.element.type !== 'panel') throw new NotFoundError(`no panel "${name}"`);
	assertFreeName(next, e.name, name);
	const panel = at.element;
	panel.name = e.name;
	setText(panel, 'title', e.title);
	setText(panel, 'description', e.description);
	if (e.visibleIf) panel.visibleIf = e.visibleIf;
	else delete panel.visibleIf;
	if (e.name !== name) renameReferences(next, name, e.name);
	return next;
}

export function updatePage(json: JsonObject, pageIndex: number, input: { title: string; description: string }): JsonObject {
	const e = parse(z.object({ title: z.string().trim().max(2000), description: TEXT }), input);
	const next = clone(json);
	const page = pageAt(next, pageIndex);
	setText(page, 'title', e.title);
	setText(page, 'description', e.description);
	return next;
}

/**
 * One step up or down in reading order, so the ↑/↓ buttons alone carry a question
 * anywhere: next to a panel it steps into it (at the panel's end going up, its start
 * going down); at the edge of a panel it steps out (just before or after the panel);
 * at the edge of a page it goes to the end (start) of the previous (next) page.
 * A panel swaps with its neighbours and never steps into another panel by itself.
 */
export function moveElement(json: JsonObject, name: string, direction: Direction): JsonObject {
	const next = clone(json);
	const at = findElement(next, name);
	if (!at) throw new NotFoundError(`no question "${name}"`);
	const neighbour = at.siblings[at.index + (direction === 'up' ? -1 : 1)];
	if (isObject(neighbour) && neighbour.type === 'panel' && at.element.type !== 'panel') {
		at.siblings.splice(at.index, 1);
		if (direction === 'up') elementsOf(neighbour).push(at.element);
		else elementsOf(neighbour).unshift(at.element);
		return next;
	}
	if (swap(at.siblings, at.index, direction)) return next;
	const holder = panelHolding(next, at.siblings);
	if (holder) {
		at.siblings.splice(at.index, 1);
		holder.siblings.splice(direction === 'up' ? holder.index : holder.index + 1, 0, at.element);
		return next;
	}
	const target = pagesOf(next)[at.pageIndex + (direction === 'up' ? -1 : 1)];
	if (!target) throw new InvalidInputError(`"${name}" cannot move ${direction}.`, [], 'cannot_move');
	at.siblings.splice(at.index, 1);
	if (direction === 'up') elementsOf(target).push(at.element);
	else elementsOf(target).unshift(at.element);
	return next;
}

export interface MoveTarget {
	/** "page:<index>" or "panel:<name>" */
	value: string;
	label: string;
}

/** Where the "move to" control can send an element: the end of any page or panel. */
export function moveTargets(json: JsonObject): MoveTarget[] {
	const targets: MoveTarget[] = pagesOf(json).map((p, i) => ({ value: `page:${i}`, label: `${i + 1}. ${englishText(p.title) || String(p.name)}` }));
	for (const { element, pageIndex } of allElements(json)) {
		if (element.type === 'panel')
			targets.push({
				value: `panel:${String(element.name)}`,
				label: `${pageIndex + 1}. ${String(element.name)}${englishText(element.title) ? ` – ${englishText(element.title)}` : ''}`
			});
	}
	return targets;
}

/** Moves an element to the end of a page ("page:<index>") or of a panel ("panel:<name>"). */
export function moveElementTo(json: JsonObject, name: string, target: string): JsonObject {
	const next = clone(json);
	const at = findElement(next, name);
	if (!at) throw new NotFoundError(`no question "${name}"`);
	const page = /^page:(\d{1,4})$/.exec(target);
	const panel = /^panel:(.+)$/.exec(target);
	let destination: JsonObject;
	if (page) destination = pageAt(next, Number(page[1]));
	else if (panel) {
		const found = findElement(next, panel[1]!);
		if (!found || found.element.type !== 'panel') throw new NotFoundError(`no panel "${panel[1]}"`);
		if (isWithin(at.element, panel[1]!)) throw new InvalidInputError(`"${name}" cannot move into itself.`, [], 'cannot_move');
		destination = found.element;
	} else throw new InvalidInputError(`"${target}" is not a page or a panel.`, [], 'invalid_edit');
	at.siblings.splice(at.index, 1);
	elementsOf(destination).push(at.element);
	return next;
}
