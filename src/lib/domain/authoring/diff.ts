import type { JsonObject } from './json-text.ts';
import { allElements, pagesOf } from './elements.ts';
import { MAIL_KINDS, MAIL_TEMPLATES_PROP, mailTextsByLanguage } from '../mail/mail-texts.ts';

export interface PropertyChange {
	property: string;
	before: string;
	after: string;
}

export interface DiffEntry {
	/** A question or panel name, "page <name>", or "questionnaire". */
	name: string;
	kind: 'added' | 'removed' | 'moved' | 'changed';
	/** For "moved": where it was and is, as "page/position". */
	from?: string;
	to?: string;
	changes: PropertyChange[];
}

/** Values are shown short and readable: strings as they are, others as compact JSON. */
function show(value: unknown): string {
	if (value === undefined) return '∅';
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text.length > 300 ? `${text.slice(0, 297)}…` : text;
}

function propertyChanges(a: JsonObject, b: JsonObject, skip: readonly string[]): PropertyChange[] {
	const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !skip.includes(k)).sort();
	return keys
		.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
		.flatMap((property) => itemChanges(property, a[property], b[property]) ?? [{ property, before: show(a[property]), after: show(b[property]) }]);
}

/** The identity of a list item (a choice, row, column, rate value, item): its value or name. */
function itemId(item: unknown): string | null {
	if (typeof item !== 'object' || item === null || Array.isArray(item)) return null;
	const o = item as JsonObject;
	const id = o.value ?? o.name;
	return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/** What a reader recognises an item by: its text (or title) when it has one, else the whole item. */
function itemShown(item: unknown): unknown {
	const o = item as JsonObject;
	return Object.keys(o).every((k) => ['value', 'name', 'text', 'title'].includes(k)) ? (o.text ?? o.title ?? o.value ?? o.name) : item;
}

/**
 * A list of identified items (choices, rows, columns) changes item by item ("choices › 5"),
 * not as one JSON array; null when the property is not such a list on both sides.
 */
function itemChanges(property: string, a: unknown, b: unknown): PropertyChange[] | null {
	if (!Array.isArray(a) || !Array.isArray(b) || a.length + b.length === 0) return null;
	const ids = (list: unknown[]) => list.map(itemId);
	const [idsA, idsB] = [ids(a), ids(b)];
	if ([...idsA, ...idsB].some((id) => id === null)) return null;
	const before = new Map(a.map((item, i) => [idsA[i]!, item]));
	const after = new Map(b.map((item, i) => [idsB[i]!, item]));
	const changes: PropertyChange[] = [];
	for (const [id, old] of before) {
		const now = after.get(id);
		if (JSON.stringify(old) !== JSON.stringify(now))
			changes.push({ property: `${property} › ${id}`, before: show(itemShown(old)), after: now === undefined ? show(undefined) : show(itemShown(now)) });
	}
	for (const [id, now] of after) if (!before.has(id)) changes.push({ property: `${property} › ${id}`, before: show(undefined), after: show(itemShown(now)) });
	const order = (list: (string | null)[]) => list.filter((id) => before.has(id!) && after.has(id!)).join('\u0000');
	if (order(idsA) !== order(idsB)) changes.push({ property: `${property} (order)`, before: idsA.join(', '), after: idsB.join(', ') });
	return changes;
}

function placeOf(json: JsonObject): Map<string, { element: JsonObject; where: string }> {
	const pages = pagesOf(json);
	return new Map(
		[...allElements(json)].map((l) => [
			String(l.element.name),
			{
				element: l.element,
				where: `${String(pages[l.pageIndex]?.name)}/${l.position
					.split('/')
					.slice(1)
					.map((n) => Number(n) + 1)
					.join('.')}`
			}
		])
	);
}

/**
 * A readable difference between two questionnaire versions, per element name:
 * added, removed, moved (page or position), and changed properties with old → new.
 */
export function diffQuestionnaires(a: JsonObject, b: JsonObject): DiffEntry[] {
	const entries: DiffEntry[] = [];
	const top = propertyChanges(a, b, ['pages', MAIL_TEMPLATES_PROP]);
	if (top.length) entries.push({ name: 'questionnaire', kind: 'changed', changes: top });
	entries.push(...mailDiff(a, b));
	const pagesA = new Map(pagesOf(a).map((p) => [String(p.name), p]));
	const pagesB = new Map(pagesOf(b).map((p) => [String(p.name), p]));
	for (const [name, page] of pagesA) {
		const other = pagesB.get(name);
		if (!other) entries.push({ name: `page ${name}`, kind: 'removed', changes: [] });
		else {
			const changes = propertyChanges(page, other, ['elements']);
			if (changes.length) entries.push({ name: `page ${name}`, kind: 'changed', changes });
		}
	}
	for (const name of pagesB.keys()) if (!pagesA.has(name)) entries.push({ name: `page ${name}`, kind: 'added', changes: [] });
	const before = placeOf(a);
	const after = placeOf(b);
	for (const [name, old] of before) {
		const now = after.get(name);
		if (!now) {
			entries.push({ name, kind: 'removed', changes: [] });
			continue;
		}
		if (old.where !== now.where) entries.push({ name, kind: 'moved', from: old.where, to: now.where, changes: [] });
		const changes = propertyChanges(old.element, now.element, ['elements']);
		if (changes.length) entries.push({ name, kind: 'changed', changes });
	}
	for (const [name, now] of after) if (!before.has(name)) entries.push({ name, kind: 'added', to: now.where, changes: [] });
	return entries;
}

/** The e-mail texts per kind, one change per part and language ("subject [fr]"), not one JSON blob. */
function mailDiff(a: JsonObject, b: JsonObject): DiffEntry[] {
	return MAIL_KINDS.flatMap((kind): DiffEntry[] => {
		const before = mailTextsByLanguage(a, kind);
		const after = mailTextsByLanguage(b, kind);
		const name = `e-mail ${kind}`;
		if (!before && !after) return [];
		if (!before || !after) return [{ name, kind: before ? 'removed' : 'added', changes: [] }];
		const changes = propertyChanges(before, after, []);
		return changes.length ? [{ name, kind: 'changed', changes }] : [];
	});
}
