import { isLocale, type Locale } from '../locales.ts';

/**
 * The registry file's columns (CSV or XLSX, first row = headers, any order, case-insensitive).
 * Documented in docs/distribution.md; an unknown header is refused so that a typo
 * ("contact_emial") never silently drops data.
 */
export const REGISTRY_COLUMNS = [
	'code',
	'kind',
	'name',
	'country',
	'region',
	'sectors',
	'language',
	'contact_name',
	'contact_email',
	'contact_language',
	'contact2_name',
	'contact2_email',
	'contact3_name',
	'contact3_email'
] as const;
type Column = (typeof REGISTRY_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly Column[] = ['code', 'kind', 'name'];

export const REGISTRY_KINDS = ['member_state', 'sector_member', 'associate', 'academia', 'rto'] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];
/** The three Sectors' stored codes. */
export const SECTOR_CODES = ['itu_r', 'itu_t', 'itu_d'] as const;
/** Sector names as people write them, mapped to the stored code. */
const SECTOR_ALIASES: Record<string, string> = {
	itu_r: 'itu_r',
	'itu-r': 'itu_r',
	r: 'itu_r',
	itu_t: 'itu_t',
	'itu-t': 'itu_t',
	t: 'itu_t',
	itu_d: 'itu_d',
	'itu-d': 'itu_d',
	d: 'itu_d'
};
const CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{0,39}$/;
/** Deliberately plain: one @, no spaces, a dot in the domain. Deliverability is the SMTP server's call. */
const EMAIL_PATTERN = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]{2,}$/;
const MAX_NAME_LENGTH = 300;

export function isEmailAddress(value: string): boolean {
	return EMAIL_PATTERN.test(value);
}

export interface RegistryContact {
	name: string;
	email: string;
	language: Locale | null;
}

export interface RegistryRecord {
	row: number;
	code: string;
	kind: RegistryKind;
	name: string;
	countryIso3: string | null;
	region: string | null;
	language: Locale;
	sectors: string[];
	contacts: RegistryContact[];
}

/** What the validator needs to know about the reference data (passed in: this file is pure). */
export interface RegistryReference {
	/** ISO3 -> region code of each known country. */
	countryRegion: ReadonlyMap<string, string>;
	/** ISO2 -> ISO3, so that either code is accepted. */
	iso2to3: ReadonlyMap<string, string>;
	regions: ReadonlySet<string>;
}

export interface RegistryRow {
	/** The spreadsheet row number (the header is row 1). */
	row: number;
	cells: string[];
}

export interface RegistryValidation {
	records: RegistryRecord[];
	/** "row 7: ..." lines, in file order. Empty means the whole file can be imported. */
	problems: string[];
}

function mapHeader(header: string[]): { index: Map<Column, number>; problems: string[] } {
	const index = new Map<Column, number>();
	const problems: string[] = [];
	header.forEach((raw, i) => {
		const name = raw
			.trim()
			.toLowerCase()
			.replace(/[\s-]+/g, '_');
		if (name === '') return;
		if (!(REGISTRY_COLUMNS as readonly string[]).includes(name)) {
			problems.push(`row 1: unknown column "${raw.trim()}" (known: ${REGISTRY_COLUMNS.join(', ')})`);
		} else if (index.has(name as Column)) {
			problems.push(`row 1: column "${name}" appears twice`);
		} else {
			index.set(name as Column, i);
		}
	});
	for (const c of REQUIRED_COLUMNS) if (!index.has(c)) problems.push(`row 1: the required column "${c}" is missing`);
	return { index, problems };
}

function parseContact(name: string, email: string, language: string, label: string, say: (m: string) => void): RegistryContact | null {
	if (!email && !name) return null;
	if (!email) {
		say(`${label} "${name}" has no e-mail address`);
		return null;
	}
	if (!EMAIL_PATTERN.test(email)) {
		say(`"${email}" is not a valid e-mail address (${label})`);
		return null;
	}
	if (language && !isLocale(language)) {
		say(`contact language "${language}" is not one of ar, zh, en, fr, ru, es`);
		return null;
	}
	return { name: name || email, email: email.toLowerCase(), language: language ? (language as Locale) : null };
}

function validateRow(r: RegistryRow, get: (c: Column) => string, ref: RegistryReference, say: (m: string) => void): RegistryRecord | null {
	const before = { count: 0 };
	const note = (m: string) => {
		before.count++;
		say(m);
	};
	const code = get('code').toUpperCase();
	if (!code) note('the code is empty');
	else if (!CODE_PATTERN.test(code)) note(`code "${code}" may only contain letters, digits, "-" and "_" (at most 40)`);
	const kind = get('kind')
		.toLowerCase()
		.replace(/[\s-]+/g, '_');
	if (!(REGISTRY_KINDS as readonly string[]).includes(kind)) note(`kind "${get('kind')}" is not one of ${REGISTRY_KINDS.join(', ')}`);
	const name = get('name');
	if (!name) note('the name is empty');
	else if (name.length > MAX_NAME_LENGTH) note(`the name is longer than ${MAX_NAME_LENGTH} characters`);

	const countryText = get('country').toUpperCase();
	const countryIso3 =
		countryText === '' ? null : countryText.length === 2 ? (ref.iso2to3.get(countryText) ?? null) : ref.countryRegion.has(countryText) ? countryText : null;
	if (countryText && !countryIso3) note(`unknown country "${get('country')}" (use an ISO 3166 alpha-3 or alpha-2 code of an ITU Member State)`);
	if (!countryText && kind === 'member_state') note('a member_state needs a country');
	const regionText = get('region').toUpperCase();
	if (regionText && !ref.regions.has(regionText)) note(`unknown region "${get('region')}" (one of ${[...ref.regions].join(', ')})`);
	const countryRegion = countryIso3 ? ref.countryRegion.get(countryIso3)! : null;
	if (regionText && countryRegion && regionText !== countryRegion) note(`region ${regionText} does not match country ${countryIso3} (region ${countryRegion})`);

	const sectors: string[] = [];
	for (const s of get('sectors')
		.split(/[;,|\s]+/)
		.filter(Boolean)) {
		const sector = SECTOR_ALIASES[s.toLowerCase()];
		if (!sector) note(`unknown Sector "${s}" (ITU-R, ITU-T, ITU-D)`);
		else if (!sectors.includes(sector)) sectors.push(sector);
	}
	const language = get('language').toLowerCase() || 'en';
	if (!isLocale(language)) note(`language "${get('language')}" is not one of ar, zh, en, fr, ru, es`);

	const contacts: RegistryContact[] = [];
	const slots: [Column, Column, Column | null, string][] = [
		['contact_name', 'contact_email', 'contact_language', 'contact'],
		['contact2_name', 'contact2_email', null, 'contact2'],
		['contact3_name', 'contact3_email', null, 'contact3']
	];
	for (const [n, e, l, label] of slots) {
		const c = parseContact(get(n), get(e), l ? get(l).toLowerCase() : '', label, note);
		if (c && contacts.some((x) => x.email === c.email)) note(`${c.email} is listed twice for this entity`);
		else if (c) contacts.push(c);
	}
	if (before.count > 0) return null;
	return {
		row: r.row,
		code,
		kind: kind as RegistryKind,
		name,
		countryIso3,
		region: regionText || countryRegion,
		language: language as Locale,
		sectors,
		contacts
	};
}

/**
 * Checks every row of a registry file and reports every problem by row, so that one
 * correction round fixes the whole file. Blank rows are skipped. A code that appears
 * twice is an error on the second row (the file is one state of the registry, not a log).
 */
export function validateRegistryRows(header: string[], rows: RegistryRow[], ref: RegistryReference): RegistryValidation {
	const { index, problems } = mapHeader(header);
	if (problems.length > 0) return { records: [], problems };
	const records: RegistryRecord[] = [];
	const firstRowOfCode = new Map<string, number>();
	for (const r of rows) {
		if (r.cells.every((c) => c.trim() === '')) continue;
		const get = (c: Column) => {
			const i = index.get(c);
			return i === undefined ? '' : (r.cells[i] ?? '').trim();
		};
		const say = (m: string) => problems.push(`row ${r.row}: ${m}`);
		const record = validateRow(r, get, ref, say);
		const code = get('code').toUpperCase();
		if (code) {
			const first = firstRowOfCode.get(code);
			if (first !== undefined) say(`duplicate code ${code} (already on row ${first})`);
			else firstRowOfCode.set(code, r.row);
		}
		if (record) records.push(record);
	}
	if (records.length === 0 && problems.length === 0) problems.push('the file has no data rows');
	return { records, problems };
}
