import { localize, type Catalogue, type LocalizedText } from './catalogue.ts';
import type { CellVariable } from './microdata-cells.ts';

/**
 * The microdata's columns as statistics software sees them: a name valid in SPSS,
 * Stata and R alike, a variable label, and for every scale and choice the numeric
 * code each CSV value becomes, with its value label. Pure: built from the catalogue,
 * in the same column order as the microdata CSV (attributes, scales, choices, texts,
 * then `submitted` when partial responses are included).
 */
export type StatsKind = 'string' | 'scale' | 'choice' | 'flag';

export interface ValueLabel {
	/** The text in the CSV cell. */
	raw: string;
	code: number;
	label: string;
}

export interface StatsVariable {
	/** The CSV column (the codebook's `variable`, dotted for matrix rows and ticked options). */
	column: string;
	/** Valid in SPSS, Stata and R (letters, digits, "_"; 32 characters at most); kept in the codebook. */
	name: string;
	label: string;
	kind: StatsKind;
	/** Codes and labels; a CSV value not listed becomes system-missing. Empty for strings. */
	values: ValueLabel[];
	/** The CSV holds "na" (no interaction / don't know) here: declared missing in the scripts. */
	dontKnow: boolean;
	/** Longest value in UTF-8 bytes, for text columns (SPSS reads strings of a fixed width). */
	width?: number;
}

export interface StatsSpec {
	/** The CSV file the scripts read, in their own folder. */
	csv: string;
	/** The numeric code "na" becomes (declared missing in SPSS; `.a` in Stata; NA in R). */
	dontKnowCode: number;
	dontKnowLabel: string;
	variables: StatsVariable[];
}

/** How the microdata CSV writes "no interaction / don't know" (aggregate.ts's `scaleAnswer`). */
export const DONT_KNOW_TEXT = 'na';
const DONT_KNOW_LABEL = "No interaction / don't know";
export const SUBMITTED_COLUMN = 'submitted';

const en = (t: LocalizedText | null | undefined) => localize(t, 'en');

const ATTRIBUTES: [string, string][] = [
	['response_id', 'Response identifier (pseudonymous)'],
	['region', 'ITU-D region of the entity'],
	['member_category', 'Member category (entity kind)'],
	['sector_membership', 'Sectors the entity is a member of, separated by "|"'],
	['language', 'Language of the response']
];

const isInteger = (v: string) => /^-?\d{1,9}$/.test(v);

/** Codes of a single choice: the values themselves when they are integers, true = 1 / false = 0, else 1..n in order. */
function choiceCodes(choices: { value: string; label: LocalizedText }[]): ValueLabel[] {
	const values = choices.map((c) => c.value);
	const numeric = values.every(isInteger) && new Set(values.map(Number)).size === values.length;
	const boolean = values.length === 2 && values.includes('true') && values.includes('false');
	return choices.map((c, i) => ({ raw: c.value, code: numeric ? Number(c.value) : boolean ? (c.value === 'true' ? 1 : 0) : i + 1, label: en(c.label) }));
}

/** The variables of the microdata, in CSV column order, before names are made valid. */
function variablesOf(catalogue: Catalogue, partial: boolean, cells: readonly CellVariable[]): Omit<StatsVariable, 'name'>[] {
	const vars: Omit<StatsVariable, 'name'>[] = ATTRIBUTES.map(([column, label]) => ({ column, label, kind: 'string', values: [], dontKnow: false }));
	for (const s of catalogue.scales) {
		const label = s.rowTitle === null ? en(s.title) : `${en(s.title)}: ${en(s.rowTitle)}`;
		const labelOf = (v: string) => (s.pointLabels?.[v] === undefined ? v : en(s.pointLabels[v]));
		const values = s.scale.map((p) => ({ raw: String(p), code: p, label: labelOf(String(p)) }));
		vars.push({ column: s.key, label, kind: 'scale', values, dontKnow: s.naValue !== null });
	}
	for (const q of catalogue.choices) {
		// Choices filled in while answering (from another question, from a web service) have no codes to declare: kept as text.
		if (!q.multiple)
			vars.push({
				column: q.name,
				label: en(q.title),
				kind: q.choices.length ? 'choice' : 'string',
				values: q.choices.length ? choiceCodes(q.choices) : [],
				dontKnow: false
			});
		else
			for (const c of q.choices)
				vars.push({
					column: `${q.name}.${c.value}`,
					label: `${en(q.title)}: ${en(c.label)}`,
					kind: 'flag',
					values: [
						{ raw: '1', code: 1, label: 'Ticked' },
						{ raw: '0', code: 0, label: 'Not ticked' }
					],
					dontKnow: false
				});
		// The microdata's column beside a registry-prefilled question (confirmed / corrected / empty).
		if (q.registryField)
			vars.push({ column: `${q.name}.registry`, label: `${en(q.title)}: registry answer kept or changed`, kind: 'string', values: [], dontKnow: false });
	}
	for (const t of catalogue.texts) vars.push({ column: t.name, label: en(t.title), kind: 'string', values: [], dontKnow: false });
	// Matrix cells, dynamic rows and panels, "Other" texts, image pickers, sliders (microdata-cells.ts); a number is a scale without labels.
	for (const c of cells) {
		const values =
			c.kind === 'single'
				? choiceCodes(c.choices ?? [])
				: c.kind === 'flag'
					? [
							{ raw: '1', code: 1, label: 'Ticked' },
							{ raw: '0', code: 0, label: 'Not ticked' }
						]
					: [];
		const kind = c.kind === 'single' ? 'choice' : c.kind === 'flag' ? 'flag' : c.kind === 'number' ? 'scale' : 'string';
		vars.push({ column: c.key, label: c.label, kind, values, dontKnow: false });
	}
	if (partial)
		vars.push({
			column: SUBMITTED_COLUMN,
			label: 'Response submitted (0 = in progress, not submitted)',
			kind: 'flag',
			values: [
				{ raw: '1', code: 1, label: 'Submitted' },
				{ raw: '0', code: 0, label: 'In progress (not submitted)' }
			],
			dontKnow: false
		});
	return vars;
}

/** A code no scale uses, so "na" cannot be mistaken for a rating: 99, else 999, 9999... */
export function dontKnowCode(catalogue: Catalogue): number {
	const used = new Set(catalogue.scales.flatMap((s) => s.scale));
	let code = 99;
	while (used.has(code)) code = code * 10 + 9;
	return code;
}

/** Words none of SPSS, Stata and R accept as a variable name (compared case-insensitively). */
const RESERVED = new Set(
	['all', 'and', 'by', 'eq', 'ge', 'gt', 'le', 'lt', 'ne', 'not', 'or', 'to', 'with']
		.concat(['byte', 'double', 'float', 'if', 'in', 'int', 'long', 'str', 'strl', 'using', 'b', 'coef', 'cons', 'n', 'pi', 'pred', 'rc', 'skip'])
		.concat(['else', 'repeat', 'while', 'function', 'for', 'next', 'break', 'true', 'false', 'null', 'inf', 'nan', 'na'])
);
const MAX_NAME = 32;

/** One name valid in all three languages: ASCII letters, digits and "_", a letter first, 32 characters at most, unique ignoring case. */
export function validNames(columns: string[]): string[] {
	const taken = new Set<string>();
	return columns.map((column) => {
		let base = column
			.normalize('NFKD')
			.replace(/[^A-Za-z0-9_]+/g, '_')
			.replace(/_+/g, '_')
			.replace(/^_+|_+$/g, '');
		if (!/^[A-Za-z]/.test(base)) base = `v_${base}`.replace(/_+$/, '');
		if (RESERVED.has(base.toLowerCase()) || /^str\d+$/i.test(base)) base = `v_${base}`;
		base = base.slice(0, MAX_NAME);
		let name = base;
		for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, MAX_NAME - String(i).length - 1)}_${i}`;
		taken.add(name.toLowerCase());
		return name;
	});
}

/** What the three scripts are generated from. */
export function statsSpec(catalogue: Catalogue, csv: string, partial = false, cells: readonly CellVariable[] = []): StatsSpec {
	const vars = variablesOf(catalogue, partial, cells);
	const names = validNames(vars.map((v) => v.column));
	return { csv, dontKnowCode: dontKnowCode(catalogue), dontKnowLabel: DONT_KNOW_LABEL, variables: vars.map((v, i) => ({ ...v, name: names[i]! })) };
}
