/**
 * What can be analysed in a questionnaire, read once from its SurveyJS JSON:
 * scale items (a rating question, or one row of a rating matrix), single and
 * multiple choice questions, open answers, and the sections and Resolution 25
 * criteria they belong to. Pure: no survey-core model is built, so a catalogue
 * costs microseconds and can be rebuilt for every report.
 */
export type LocalizedText = string | Record<string, string>;

export interface ChoiceItem {
	value: string;
	label: LocalizedText;
}

/** A rating on a numeric scale: the unit every index is made of. */
export interface ScaleItem {
	/** `question` or `question.row` for a matrix row: stable across editions. */
	key: string;
	question: string;
	row: string | null;
	title: LocalizedText;
	rowTitle: LocalizedText | null;
	section: string;
	criteria: string[];
	/** Numeric points, highest first (e.g. 5, 4, 3, 2, 1). */
	scale: number[];
	/** The "no interaction / don't know" value: reported, left out of indices. */
	naValue: string | null;
	/** The labels of the points and of the "na" value, by value, where the questionnaire gives them (for value labels in statistics software). */
	pointLabels?: Record<string, LocalizedText>;
}

export interface ChoiceQuestion {
	name: string;
	multiple: boolean;
	title: LocalizedText;
	section: string;
	choices: ChoiceItem[];
	/** Prefilled from the registry (domain/response/registry-prefill.ts): the microdata say whether it was confirmed. */
	registryField?: string;
}

export interface TextQuestion {
	name: string;
	title: LocalizedText;
	section: string;
	/** A signature pad: exported as "signed (drawn)" or "signed (typed: name)", never an open answer. */
	signature?: true;
	/** A file upload: exported as its files' names and references (`rps-file:<id>`), never the bytes. */
	file?: true;
}

export interface Catalogue {
	scales: ScaleItem[];
	choices: ChoiceQuestion[];
	texts: TextQuestion[];
	/** In questionnaire order. */
	sections: string[];
	criteria: string[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const SCALE_TYPES = new Set(['radiogroup', 'rating', 'dropdown']);
const CHOICE_TYPES = new Set(['radiogroup', 'dropdown', 'checkbox', 'boolean']);
const TEXT_TYPES = new Set(['comment', 'text']);
const DEFAULT_SECTION = 'general';

function items(list: unknown): ChoiceItem[] {
	if (!Array.isArray(list)) return [];
	return list.map((c) =>
		isObject(c) ? { value: String(c.value), label: (c.text as LocalizedText) ?? String(c.value) } : { value: String(c), label: String(c) }
	);
}

function labelsOf(choices: ChoiceItem[]): Record<string, LocalizedText> {
	return Object.fromEntries(choices.map((c) => [c.value, c.label]));
}

function criteriaOf(v: unknown): string[] {
	return Array.isArray(v) ? v.map(String) : [];
}

/** Numeric points of a choice list, or null when some non-"na" choice is not a number. */
function numericScale(choices: ChoiceItem[], naValue: string | null): number[] | null {
	const points = choices.filter((c) => c.value !== naValue).map((c) => Number(c.value));
	if (points.length < 2 || points.some((p) => !Number.isFinite(p))) return null;
	return [...points].sort((a, b) => b - a);
}

function* elementsOf(list: unknown): Generator<Json> {
	if (!Array.isArray(list)) return;
	for (const e of list) {
		if (!isObject(e)) continue;
		yield e;
		yield* elementsOf(e.elements);
	}
}

/**
 * A rating's points as survey-core 3 computes them from the JSON: `rateValues`, else
 * `rateMin`..`rateMax` by `rateStep`, where `rateCount` sets the missing end when only one
 * end is given (alone it is ignored: survey-core recounts it from the ends, 1..5).
 */
export function ratePoints(q: Json): number[] | ChoiceItem[] {
	const values = items(q.rateValues);
	if (values.length > 0 && q.autoGenerate !== true) return values;
	const step = Number(q.rateStep ?? 1) || 1;
	const count = q.rateCount === undefined ? null : Number(q.rateCount);
	let min = Number(q.rateMin ?? 1);
	let max = Number(q.rateMax ?? 5);
	if (count !== null && q.rateMin !== undefined && q.rateMax === undefined) max = min + step * (count - 1);
	if (count !== null && q.rateMax !== undefined && q.rateMin === undefined) min = max - step * (count - 1);
	if (min > max) min = max;
	const points: number[] = [];
	for (let p = min; p <= max + 1e-9 && points.length < 1000; p += step) points.push(Math.round(p * 1e6) / 1e6);
	return points;
}

/** Reads the catalogue of a questionnaire definition (the JSON stored with its version). */
export function buildCatalogue(definition: Json): Catalogue {
	const catalogue: Catalogue = { scales: [], choices: [], texts: [], sections: [], criteria: [] };
	const pages = Array.isArray(definition.pages) ? definition.pages : [];
	for (const page of pages) {
		if (!isObject(page)) continue;
		const pageSection = typeof page.reportSection === 'string' ? page.reportSection : DEFAULT_SECTION;
		for (const q of elementsOf(page.elements)) addQuestion(catalogue, q, typeof q.reportSection === 'string' ? q.reportSection : pageSection);
	}
	for (const s of catalogue.scales) {
		if (!catalogue.sections.includes(s.section)) catalogue.sections.push(s.section);
		for (const c of s.criteria) if (!catalogue.criteria.includes(c)) catalogue.criteria.push(c);
	}
	return catalogue;
}

function addQuestion(catalogue: Catalogue, q: Json, section: string): void {
	const type = String(q.type ?? '');
	const name = String(q.name ?? '');
	const title = (q.title as LocalizedText) ?? name;
	const naValue = q.notApplicableValue === undefined ? null : String(q.notApplicableValue);
	if (type === 'matrix') {
		const columns = items(q.columns);
		const scale = numericScale(columns, naValue);
		if (!scale) return;
		for (const row of items(q.rows)) {
			const rowJson = Array.isArray(q.rows) ? q.rows.find((r) => isObject(r) && String(r.value) === row.value) : undefined;
			const rowCriteria = isObject(rowJson) ? criteriaOf(rowJson.criteria) : [];
			catalogue.scales.push({
				key: `${name}.${row.value}`,
				question: name,
				row: row.value,
				title,
				rowTitle: row.label,
				section,
				criteria: rowCriteria.length ? rowCriteria : criteriaOf(q.criteria),
				scale,
				naValue,
				pointLabels: labelsOf(columns)
			});
		}
		return;
	}
	const choices =
		type === 'boolean'
			? [
					{ value: 'true', label: 'true' },
					{ value: 'false', label: 'false' }
				]
			: items(q.choices);
	const scale = SCALE_TYPES.has(type) ? numericScale(choices, naValue) : null;
	if (type === 'rating' && !scale) {
		// The points survey-core draws (rateValues, rateStep, rateCount), not only rateMin..rateMax.
		const rated = ratePoints(q).map((p) => (typeof p === 'number' ? p : Number(p.value)));
		if (rated.some((p) => !Number.isFinite(p))) {
			// Labels, not numbers: a single choice among them.
			const labelled = ratePoints(q) as ChoiceItem[];
			catalogue.choices.push({ name, multiple: false, title, section, choices: labelled });
			return;
		}
		const points = [...rated].sort((a, b) => b - a);
		catalogue.scales.push({ key: name, question: name, row: null, title, rowTitle: null, section, criteria: criteriaOf(q.criteria), scale: points, naValue });
	} else if (scale) {
		catalogue.scales.push({
			key: name,
			question: name,
			row: null,
			title,
			rowTitle: null,
			section,
			criteria: criteriaOf(q.criteria),
			scale,
			naValue,
			pointLabels: labelsOf(choices)
		});
	} else if (CHOICE_TYPES.has(type)) {
		// "Other" is a value of its own (its text is the `<name>-Comment` column, microdata-cells.ts).
		const other = q.showOtherItem || q.hasOther ? [...choices, { value: 'other', label: (q.otherText as LocalizedText) ?? 'Other' }] : choices;
		const all = q.showNoneItem ? [...other, { value: 'none', label: (q.noneText as LocalizedText) ?? 'none' }] : other;
		catalogue.choices.push({
			name,
			multiple: type === 'checkbox',
			title,
			section,
			choices: all,
			...(typeof q.registryField === 'string' ? { registryField: q.registryField } : {})
		});
	} else if (TEXT_TYPES.has(type)) {
		catalogue.texts.push({ name, title, section });
	} else if (type === 'signaturepad') {
		catalogue.texts.push({ name, title, section, signature: true });
	} else if (type === 'file') {
		catalogue.texts.push({ name, title, section, file: true });
	}
}

/** A label in a language, falling back to English ("default") then to any text. */
export function localize(text: LocalizedText | null | undefined, surveyLocale: string): string {
	if (text == null) return '';
	if (typeof text === 'string') return text;
	return text[surveyLocale] ?? text.default ?? text.en ?? Object.values(text)[0] ?? '';
}
