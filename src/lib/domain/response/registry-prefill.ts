/**
 * Answers the registry already knows (issue 12 item 15): a question marked
 * `registryField: "category"` (the member category) or `"sectors"` (Sector
 * memberships) starts filled with the registry's value; the respondent confirms it by
 * keeping it or corrects it. What was prefilled is stored with the response, and the
 * microdata carry, per such question, whether the submitted answer kept it.
 */
export const REGISTRY_FIELD_PROP = 'registryField';
export const REGISTRY_FIELDS = ['category', 'sectors'] as const;
export type RegistryField = (typeof REGISTRY_FIELDS)[number];

/** What the registry says of an entity. */
export interface RegistryFacts {
	/** The entity's kind (member_state, sector_member, ...). */
	category: string;
	/** Sector memberships (itu_r, itu_t, itu_d); empty when the registry has none. */
	sectors: string[];
}

export type RegistryCheck = 'confirmed' | 'corrected';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface RegistryQuestion {
	name: string;
	field: RegistryField;
	multiple: boolean;
	/** The question's choice values: a registry value outside them is not prefilled. */
	values: string[];
}

function* elementsOf(list: unknown): Generator<Json> {
	if (!Array.isArray(list)) return;
	for (const e of list) {
		if (!isObject(e)) continue;
		yield e;
		yield* elementsOf(e.elements);
	}
}

export function isRegistryField(v: unknown): v is RegistryField {
	return typeof v === 'string' && (REGISTRY_FIELDS as readonly string[]).includes(v);
}

/** The questions of a questionnaire that carry a known `registryField`, in order. */
export function registryQuestions(definition: unknown): RegistryQuestion[] {
	if (!isObject(definition) || !Array.isArray(definition.pages)) return [];
	const out: RegistryQuestion[] = [];
	for (const page of definition.pages) {
		if (!isObject(page)) continue;
		for (const q of elementsOf(page.elements)) {
			if (!isRegistryField(q[REGISTRY_FIELD_PROP]) || typeof q.name !== 'string') continue;
			const values = Array.isArray(q.choices) ? q.choices.map((c) => String(isObject(c) ? c.value : c)) : [];
			out.push({ name: q.name, field: q[REGISTRY_FIELD_PROP], multiple: q.type === 'checkbox' || q.type === 'tagbox', values });
		}
	}
	return out;
}

/** The answers to start a response with: the registry's value of each marked question, when it is one of its choices. */
export function registryPrefill(definition: unknown, facts: RegistryFacts): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const q of registryQuestions(definition)) {
		if (q.field === 'category') {
			if (!q.multiple && q.values.includes(facts.category)) out[q.name] = facts.category;
		} else {
			const sectors = facts.sectors.filter((s) => q.values.includes(s));
			if (q.multiple && sectors.length > 0) out[q.name] = sectors;
		}
	}
	return out;
}

const asSet = (v: unknown) => (Array.isArray(v) ? [...new Set(v.map(String))].sort() : v === undefined || v === null || v === '' ? [] : [String(v)]);

/**
 * Whether an answer kept what was prefilled ("confirmed") or changed it ("corrected");
 * null when nothing was prefilled or the question is unanswered. A choice list is
 * compared as a set: the order of ticking does not matter.
 */
export function registryCheck(prefilled: unknown, answer: unknown): RegistryCheck | null {
	if (prefilled === undefined || prefilled === null) return null;
	const given = asSet(answer);
	if (given.length === 0) return null;
	const known = asSet(prefilled);
	return given.length === known.length && given.every((v, i) => v === known[i]) ? 'confirmed' : 'corrected';
}
