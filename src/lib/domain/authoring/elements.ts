import { isObject, type JsonObject } from './json-text.ts';

export interface Located {
	element: JsonObject;
	/** The array holding it (a page's or a panel's `elements`). */
	siblings: unknown[];
	index: number;
	pageIndex: number;
	/** Position as page/element indices, e.g. "1/0/2" (for the renamed-names rule). */
	position: string;
}

export function pagesOf(json: JsonObject): JsonObject[] {
	return Array.isArray(json.pages) ? json.pages.filter(isObject) : [];
}

function* walk(list: unknown, pageIndex: number, prefix: string): Generator<Located> {
	if (!Array.isArray(list)) return;
	for (const [index, element] of list.entries()) {
		if (!isObject(element)) continue;
		const position = `${prefix}/${index}`;
		yield { element, siblings: list, index, pageIndex, position };
		yield* walk(element.elements, pageIndex, position);
	}
}

/** Every element (question or panel) depth first, with where it sits. */
export function* allElements(json: JsonObject): Generator<Located> {
	for (const [p, page] of pagesOf(json).entries()) yield* walk(page.elements, p, String(p));
}

export function findElement(json: JsonObject, name: string): Located | undefined {
	for (const located of allElements(json)) if (located.element.name === name) return located;
	return undefined;
}

export function elementNames(json: JsonObject): string[] {
	return [...allElements(json)].map((l) => String(l.element.name ?? ''));
}

/** The English (`default`) text of a localizable value. */
export function englishText(value: unknown): string {
	if (typeof value === 'string') return value;
	if (isObject(value) && typeof value.default === 'string') return value.default;
	return '';
}

/** Sets the English text and keeps the other languages' text. */
export function withEnglishText(value: unknown, text: string): unknown {
	if (isObject(value)) return { ...value, default: text };
	return text;
}
