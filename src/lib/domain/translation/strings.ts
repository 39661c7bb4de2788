import { LOCALES, questionnaireLocaleKey, type Locale } from '../locales.ts';
import { MAIL_KINDS, MAIL_PARTS, MAIL_TEMPLATES_PROP, mailStringContext, mailStringKey } from '../mail/mail-texts.ts';

/**
 * Every translatable string of a SurveyJS questionnaire, found by an explicit table of
 * localizable properties rather than by walking survey-core's Serializer: the table is
 * what a translator sees, it is stable across survey-core versions, and it keeps this
 * module free of a Model (6 ms each). A property missing here is simply not offered
 * for translation; add it to the table.
 */
const SURVEY_PROPS = [
	'title',
	'description',
	'completedHtml',
	'completedBeforeHtml',
	'loadingHtml',
	'pagePrevText',
	'pageNextText',
	'completeText',
	'previewText',
	'editText',
	'startSurveyText'
] as const;
const PAGE_PROPS = ['title', 'description', 'navigationTitle', 'navigationDescription'] as const;
const ELEMENT_PROPS = [
	'title',
	'description',
	'placeholder',
	'otherText',
	'otherPlaceholder',
	'noneText',
	'selectAllText',
	'commentText',
	'commentPlaceholder',
	'requiredErrorText',
	'otherErrorText',
	'minRateDescription',
	'maxRateDescription',
	'labelTrue',
	'labelFalse',
	'html',
	'addRowText',
	'removeRowText',
	'panelAddText',
	'panelRemoveText',
	'templateTitle',
	'emptyRowsText',
	'keyDuplicationError'
] as const;
/** Lists of {value, text} items: choices of a choice question, rows and (simple matrix) columns. */
const ITEM_LISTS = { choices: 'choice', rateValues: 'rate', rows: 'row' } as const;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export interface TranslatableString {
	/** Stable id: `survey.title`, `page:<name>.title`, `q:<name>.choice:<value>`, ... */
	key: string;
	/** Where a translator finds it, in words: "question sat_x (page p2), choice 5". */
	context: string;
	/** The text per language; null when the language has none. */
	texts: Record<Locale, string | null>;
	/** Path from the root to the object holding the property, and the property. */
	path: readonly (string | number)[];
	prop: string;
}

function isObject(v: Json | undefined): v is JsonObject {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A localizable value is a plain string (English) or `{ default, fr, zh-cn, ... }`. */
export function localizedTexts(value: Json | undefined): Record<Locale, string | null> | null {
	if (typeof value === 'string') return Object.fromEntries(LOCALES.map((l) => [l, l === 'en' && value !== '' ? value : null])) as Record<Locale, string | null>;
	if (!isObject(value)) return null;
	const out = {} as Record<Locale, string | null>;
	for (const l of LOCALES) {
		const t = value[questionnaireLocaleKey(l)] ?? (l === 'en' ? value.en : undefined);
		out[l] = typeof t === 'string' && t !== '' ? t : null;
	}
	return out;
}

class Collector {
	readonly found: TranslatableString[] = [];
	add(owner: JsonObject, path: readonly (string | number)[], prop: string, key: string, context: string) {
		const texts = localizedTexts(owner[prop]);
		if (texts) this.found.push({ key, context, texts, path, prop });
	}
	props(owner: JsonObject, path: readonly (string | number)[], props: readonly string[], prefix: string, context: string) {
		for (const p of props) this.add(owner, path, p, `${prefix}.${p}`, `${context}, ${p}`);
	}
	items(owner: JsonObject, path: readonly (string | number)[], list: string, kind: string, prefix: string, context: string) {
		const items = owner[list];
		if (!Array.isArray(items)) return;
		items.forEach((item, i) => {
			if (isObject(item) && item.value !== undefined && item.value !== null) {
				this.add(item, [...path, list, i], 'text', `${prefix}.${kind}:${String(item.value)}`, `${context}, ${kind} ${String(item.value)}`);
			}
		});
	}
}

function walkElements(c: Collector, elements: Json | undefined, path: readonly (string | number)[], list: string, page: string) {
	if (!Array.isArray(elements)) return;
	elements.forEach((el, i) => {
		if (!isObject(el) || typeof el.name !== 'string') return;
		const here = [...path, list, i];
		const prefix = `q:${el.name}`;
		const context = `${String(el.type ?? 'element')} ${el.name} (page ${page})`;
		c.props(el, here, ELEMENT_PROPS, prefix, context);
		for (const [listName, kind] of Object.entries(ITEM_LISTS)) c.items(el, here, listName, kind, prefix, context);
		walkColumns(c, el, here, prefix, context);
		if (Array.isArray(el.items)) {
			el.items.forEach((item, j) => {
				if (isObject(item) && typeof item.name === 'string')
					c.add(item, [...here, 'items', j], 'title', `${prefix}.item:${item.name}`, `${context}, item ${item.name}`);
			});
		}
		if (Array.isArray(el.validators)) {
			el.validators.forEach((v, j) => {
				if (isObject(v)) c.add(v, [...here, 'validators', j], 'text', `${prefix}.validator:${j}.text`, `${context}, validator ${j + 1} message`);
			});
		}
		walkElements(c, el.elements, here, 'elements', page);
		walkElements(c, el.templateElements, here, 'templateElements', page);
	});
}

/** Simple matrix columns are {value, text}; dropdown/dynamic matrix columns are {name, title, choices}. */
function walkColumns(c: Collector, el: JsonObject, path: readonly (string | number)[], prefix: string, context: string) {
	if (!Array.isArray(el.columns)) return;
	el.columns.forEach((col, i) => {
		if (!isObject(col)) return;
		const here = [...path, 'columns', i];
		if (typeof col.name === 'string') {
			const colPrefix = `${prefix}.col:${col.name}`;
			const colContext = `${context}, column ${col.name}`;
			c.add(col, here, 'title', colPrefix, colContext);
			c.items(col, here, 'choices', 'choice', colPrefix, colContext);
		} else if (col.value !== undefined && col.value !== null) {
			c.add(col, here, 'text', `${prefix}.col:${String(col.value)}`, `${context}, column ${String(col.value)}`);
		}
	});
}

/** The e-mail texts (`mailTemplates`, see domain/mail/mail-texts.ts): `mail.<kind>.<part>`. */
function walkMailTemplates(c: Collector, json: JsonObject) {
	const all = json[MAIL_TEMPLATES_PROP];
	if (!isObject(all)) return;
	for (const kind of MAIL_KINDS) {
		const template = all[kind];
		if (!isObject(template)) continue;
		for (const part of MAIL_PARTS) c.add(template, [MAIL_TEMPLATES_PROP, kind], part, mailStringKey(kind, part), mailStringContext(kind, part));
	}
}

/** Every translatable string of a questionnaire JSON, in document order, keys unique. */
export function extractStrings(json: Json): TranslatableString[] {
	const c = new Collector();
	if (!isObject(json)) return [];
	c.props(json, [], SURVEY_PROPS, 'survey', 'survey');
	if (Array.isArray(json.pages)) {
		json.pages.forEach((p, i) => {
			if (!isObject(p) || typeof p.name !== 'string') return;
			c.props(p, ['pages', i], PAGE_PROPS, `page:${p.name}`, `page ${p.name}`);
			walkElements(c, p.elements, ['pages', i], 'elements', p.name);
		});
	}
	walkMailTemplates(c, json);
	// A duplicate name would give a duplicate key: keep the first (the linter reports the duplicate name).
	const seen = new Set<string>();
	return c.found.filter((s) => (seen.has(s.key) ? false : (seen.add(s.key), true)));
}

function cloneJson<T extends Json>(json: T): T {
	return JSON.parse(JSON.stringify(json)) as T;
}

/**
 * Returns a new JSON in which string `key` has `text` in `locale` (an empty text removes
 * that language). Throws when the key does not exist.
 */
export function setTranslation(json: Json, key: string, locale: Locale, text: string): Json {
	return setTranslations(json, [{ key, locale, text }]);
}

export interface TranslationEdit {
	key: string;
	locale: Locale;
	text: string;
}

export function setTranslations(json: Json, edits: readonly TranslationEdit[]): Json {
	const copy = cloneJson(json);
	const byKey = new Map(extractStrings(copy).map((s) => [s.key, s]));
	for (const edit of edits) {
		const s = byKey.get(edit.key);
		if (!s) throw new Error(`no translatable string "${edit.key}"`);
		let owner = copy as Json;
		for (const step of s.path) owner = (owner as Record<string | number, Json>)[step] as Json;
		const holder = owner as JsonObject;
		const current = holder[s.prop];
		const value: JsonObject = typeof current === 'string' ? { default: current } : isObject(current) ? current : {};
		const lk = questionnaireLocaleKey(edit.locale);
		if (edit.text === '') delete value[lk];
		else value[lk] = edit.text;
		holder[s.prop] = value;
	}
	return copy;
}
