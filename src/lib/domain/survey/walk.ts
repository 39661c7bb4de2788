/**
 * Every element of a questionnaire with its JSON path: pages, panels, the templates of
 * dynamic panels, and elements still at the top level, so the lint shows every finding
 * at once instead of one layer per import attempt (issue 18, item 2).
 */
export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface WalkedElement {
	element: JsonObject;
	path: string;
	/** Inside a dynamic panel's template: its name is a key inside each panel's object. */
	inTemplate: boolean;
}

/** The lists an element may hold children in. */
const CHILD_LISTS = ['elements', 'questions', 'templateElements'] as const;

function* walkList(list: unknown, path: string, inTemplate: boolean): Generator<WalkedElement> {
	if (!Array.isArray(list)) return;
	for (const [i, element] of list.entries()) {
		if (!isObject(element)) continue;
		const here = `${path}[${i}]`;
		yield { element, path: here, inTemplate };
		for (const key of CHILD_LISTS) yield* walkList(element[key], `${here}.${key}`, inTemplate || key === 'templateElements');
	}
}

export function* walkAllElements(json: JsonObject): Generator<WalkedElement> {
	for (const key of ['elements', 'questions'] as const) yield* walkList(json[key], key, false);
	const pages = Array.isArray(json.pages) ? json.pages : [];
	for (const [p, page] of pages.entries()) {
		if (!isObject(page)) continue;
		for (const key of ['elements', 'questions'] as const) yield* walkList(page[key], `pages[${p}].${key}`, false);
	}
}
