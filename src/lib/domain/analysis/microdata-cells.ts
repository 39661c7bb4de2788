import { localize, ratePoints, type ChoiceItem, type LocalizedText } from './catalogue.ts';

/**
 * The microdata columns of answers that are not one value per question (issue 18, item 3
 * kinds): dropdown-matrix cells, dynamic-matrix rows, dynamic panels, the "Other" text,
 * image pickers and sliders. One column per cell, as LimeSurvey and Qualtrics export them:
 * `matrix.row.column` (a checkbox cell: one 1/0 column per choice, `matrix.row.column.choice`),
 * `question.N.inner` for the N-th row or panel (1-based) up to the largest count any
 * response has, and `question-Comment` for the "Other" text, the key survey-core stores it
 * under. Pure: read from the questionnaire's JSON and the answers.
 */
export type CellKind = 'single' | 'flag' | 'text' | 'number' | 'signature';

export interface CellVariable {
	/** The CSV column and codebook variable. */
	key: string;
	/** Where the answer is: keys (and row or panel indexes) from the top of the answers. */
	path: (string | number)[];
	/** English label (the codebook's). */
	label: string;
	section: string;
	kind: CellKind;
	/** A single choice's values and labels. */
	choices?: ChoiceItem[];
	/** A flag column: 1 when the list at `path` holds this value. */
	tick?: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const en = (t: unknown) => localize(t as LocalizedText | undefined, 'en');

function items(list: unknown): ChoiceItem[] {
	if (!Array.isArray(list)) return [];
	return list.map((c) =>
		isObject(c) ? { value: String(c.value), label: (c.text as LocalizedText) ?? String(c.value) } : { value: String(c), label: String(c) }
	);
}

const asChoices = (points: number[] | ChoiceItem[]): ChoiceItem[] => points.map((p) => (typeof p === 'number' ? { value: String(p), label: String(p) } : p));

const SINGLE = new Set(['dropdown', 'radiogroup', 'rating', 'boolean']);

/** The columns of one answer of cell type `type` (a matrix cell, or a dynamic panel's question). */
function answerColumns(
	type: string,
	q: Json,
	fallbackChoices: unknown,
	key: string,
	path: (string | number)[],
	label: string,
	section: string
): CellVariable[] {
	const base = { path, section };
	if (type === 'boolean')
		return [
			{
				...base,
				key,
				label,
				kind: 'single',
				choices: [
					{ value: 'true', label: en(q.labelTrue) || 'Yes' },
					{ value: 'false', label: en(q.labelFalse) || 'No' }
				]
			}
		];
	const own = type === 'rating' ? asChoices(ratePoints(q)) : items(q.choices);
	const choices = own.length > 0 ? own : items(fallbackChoices);
	const withOther = q.showOtherItem || q.hasOther ? [...choices, { value: 'other', label: (q.otherText as LocalizedText) ?? 'Other' }] : choices;
	const withNone = q.showNoneItem ? [...withOther, { value: 'none', label: (q.noneText as LocalizedText) ?? 'None' }] : withOther;
	if (SINGLE.has(type) || (type === 'imagepicker' && q.multiSelect !== true)) return [{ ...base, key, label, kind: 'single', choices: withNone }];
	if (type === 'checkbox' || type === 'tagbox' || type === 'imagepicker')
		return withNone.map((c) => ({ ...base, key: `${key}.${c.value}`, label: `${label}: ${en(c.label)}`, kind: 'flag' as const, tick: c.value }));
	if (type === 'slider' && q.sliderType === 'range')
		return [0, 1].map((i) => ({
			...base,
			key: `${key}.${i === 0 ? 'from' : 'to'}`,
			path: [...path, i],
			label: `${label} (${i === 0 ? 'from' : 'to'})`,
			kind: 'number' as const
		}));
	if (type === 'slider') return [{ ...base, key, label, kind: 'number' }];
	if (type === 'signaturepad') return [{ ...base, key, label, kind: 'signature' }];
	if (type === 'text' || type === 'comment' || type === 'expression') return [{ ...base, key, label, kind: q.inputType === 'number' ? 'number' : 'text' }];
	return [];
}

/** The "Other" (or comment area) text, stored by survey-core beside the value as `<name>-Comment`. */
function commentColumn(q: Json, prefix: (string | number)[], keyPrefix: string, label: string, section: string): CellVariable[] {
	if (!(q.showOtherItem || q.hasOther || q.showCommentArea || q.hasComment)) return [];
	const name = `${String(q.valueName ?? q.name)}-Comment`;
	return [
		{
			key: `${keyPrefix}${name}`,
			path: [...prefix, name],
			label: `${label}: ${q.showOtherItem || q.hasOther ? 'Other (please specify)' : 'Comment'}`,
			section,
			kind: 'text'
		}
	];
}

/** The columns of one panel's (or the page's) question, under `prefix` in the answers. */
function questionColumns(q: Json, prefix: (string | number)[], keyPrefix: string, labelPrefix: string, section: string, top: boolean): CellVariable[] {
	const type = String(q.type ?? '');
	const name = String(q.valueName ?? q.name ?? '');
	const label = `${labelPrefix}${en(q.title) || name}`;
	const path = [...prefix, name];
	// At the top, choice, text and rating questions are the catalogue's own columns; only their "Other" text is added here.
	if (top && ['radiogroup', 'dropdown', 'checkbox', 'tagbox', 'boolean', 'rating', 'text', 'comment', 'signaturepad'].includes(type))
		return commentColumn(q, prefix, keyPrefix, label, section);
	if (type === 'matrixdropdown')
		return items(q.rows).flatMap((row) =>
			(Array.isArray(q.columns) ? q.columns.filter(isObject) : []).flatMap((c) => {
				const cellType = c.cellType === undefined || c.cellType === 'default' ? String(q.cellType ?? 'dropdown') : String(c.cellType);
				return answerColumns(
					cellType,
					c,
					q.choices,
					`${keyPrefix}${name}.${row.value}.${String(c.name)}`,
					[...path, row.value, String(c.name)],
					`${label}: ${en(row.label)}: ${en(c.title) || String(c.name)}`,
					section
				);
			})
		);
	return [...answerColumns(type, q, undefined, `${keyPrefix}${name}`, path, label, section), ...commentColumn(q, prefix, keyPrefix, label, section)];
}

function* elementsOf(list: unknown): Generator<Json> {
	if (!Array.isArray(list)) return;
	for (const e of list) {
		if (!isObject(e)) continue;
		yield e;
		if (e.type !== 'paneldynamic') yield* elementsOf(e.elements);
	}
}

/** The largest number of rows or panels any response has for `name`. */
const largest = (name: string, answers: readonly Json[]) => Math.max(0, ...answers.map((a) => (Array.isArray(a[name]) ? (a[name] as unknown[]).length : 0)));

/** Every extra column of a questionnaire for these responses, in questionnaire order. */
export function microdataCells(definition: Json, answers: readonly Json[]): CellVariable[] {
	const cells: CellVariable[] = [];
	for (const page of Array.isArray(definition.pages) ? definition.pages.filter(isObject) : []) {
		const pageSection = typeof page.reportSection === 'string' ? page.reportSection : 'general';
		for (const q of elementsOf(page.elements)) {
			const section = typeof q.reportSection === 'string' ? q.reportSection : pageSection;
			const name = String(q.valueName ?? q.name ?? '');
			const title = en(q.title) || name;
			if (q.type === 'paneldynamic' || q.type === 'matrixdynamic') {
				const inner: Json[] =
					q.type === 'paneldynamic'
						? [...elementsOf(q.templateElements)].filter((e) => e.type !== 'panel')
						: (Array.isArray(q.columns) ? q.columns.filter(isObject) : []).map((c) => ({
								...c,
								type: c.cellType === undefined || c.cellType === 'default' ? String(q.cellType ?? 'dropdown') : c.cellType,
								choices: c.choices ?? q.choices
							}));
				for (let i = 0; i < largest(name, answers); i++)
					for (const e of inner) cells.push(...questionColumns(e, [name, i], `${name}.${i + 1}.`, `${title} #${i + 1}: `, section, false));
			} else if (q.type !== 'panel') cells.push(...questionColumns(q, [], '', '', section, true));
		}
	}
	return cells;
}

/** The CSV value of one extra column for one response (a signature's raw value is summarised by the caller). */
export function cellAnswer(v: CellVariable, answers: Json): string | number | null | { signature: unknown } {
	let raw: unknown = answers;
	for (const key of v.path) raw = Array.isArray(raw) || isObject(raw) ? (raw as Record<string | number, unknown>)[key] : undefined;
	if (v.kind === 'flag') return Array.isArray(raw) ? (raw.map(String).includes(v.tick!) ? 1 : 0) : null;
	if (raw === undefined || raw === null || raw === '') return null;
	if (v.kind === 'signature') return { signature: raw };
	if (v.kind === 'number') return typeof raw === 'number' ? raw : Number.isFinite(Number(raw)) ? Number(raw) : String(raw);
	return typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
}
