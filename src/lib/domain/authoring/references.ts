import { isObject, type JsonObject } from './json-text.ts';
import { allElements, englishText } from './elements.ts';

// How questions refer to one another by name (conditions, piped texts): what the editor
// carries along on a rename and offers when a condition is written. The edits themselves
// are in operations.ts.

/**
 * A rename carries the conditions and piped texts that read the old name along
 * (`{old}`, `{old.row}`, `{old[0]}`): names are plain, so a textual replacement is exact.
 */
export function renameReferences(json: JsonObject, from: string, to: string): void {
	const pattern = new RegExp(`\\{${from}(?=[.\\[}])`, 'g');
	const visit = (value: unknown): unknown => {
		if (typeof value === 'string') return value.replace(pattern, `{${to}`);
		if (Array.isArray(value)) return value.map(visit);
		if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v)]));
		return value;
	};
	json.pages = visit(json.pages);
}

export interface ConditionSource {
	name: string;
	title: string;
	/** Values an answer can take (empty for free text). */
	values: string[];
}

/** The questions a condition on `name` can read: those before it, with their values. */
export function conditionSources(json: JsonObject, name: string): ConditionSource[] {
	const sources: ConditionSource[] = [];
	for (const { element } of allElements(json)) {
		if (element.name === name) break;
		const type = String(element.type);
		if (type === 'panel' || type === 'html') continue;
		let values: string[] = [];
		if (Array.isArray(element.choices)) values = element.choices.map((c) => (isObject(c) ? String(c.value) : String(c)));
		if (type === 'boolean') values = ['true', 'false'];
		if (type === 'rating') {
			const min = Number(element.rateMin ?? 1),
				max = Number(element.rateMax ?? 5),
				step = Number(element.rateStep ?? 1);
			for (let v = min; v <= max && values.length < 20; v += step) values.push(String(v));
		}
		sources.push({ name: String(element.name), title: englishText(element.title) || String(element.name), values });
	}
	return sources;
}
