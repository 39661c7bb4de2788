import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isLocale, type Locale } from '../locales.ts';
import type { ParsedFile } from './file-import.ts';

/** BCP 47 tags translators' tools expect; our own code for the others. */
const XLIFF_LANG: Record<Locale, string> = { ar: 'ar', zh: 'zh-CN', en: 'en', fr: 'fr', ru: 'ru', es: 'es' };

export function xliffLang(locale: Locale): string {
	return XLIFF_LANG[locale];
}

export function localeFromTag(tag: string | undefined): Locale | null {
	if (!tag) return null;
	const t = tag.toLowerCase();
	if (t === 'zh' || t.startsWith('zh-')) return 'zh';
	const base = t.split('-')[0];
	return isLocale(base) ? base : null;
}

export type Node = string | { [k: string]: unknown };

/** Plain text of a source/target; null when it holds inline markup we do not support. */
export function textOf(node: unknown): string | null {
	if (node === undefined) return '';
	if (typeof node === 'string') return node;
	if (typeof node !== 'object' || node === null || Array.isArray(node)) return null;
	const keys = Object.keys(node);
	if (keys.some((k) => k !== '#text' && !k.startsWith('@_'))) return null;
	const t = (node as Record<string, unknown>)['#text'];
	return typeof t === 'string' ? t : '';
}

/** The line of each `<element` in document order, so that problems point at the line. */
export function elementLines(xml: string, element: string): number[] {
	const lines: number[] = [];
	const re = new RegExp(`<${element}[\\s>]`, 'g');
	let line = 1;
	let counted = 0;
	let m: RegExpExecArray | null;
	// Lines counted incrementally: a 5 MB file with thousands of units stays linear.
	while ((m = re.exec(xml))) {
		for (let i = counted; i < m.index; i++) if (xml.charCodeAt(i) === 10) line++;
		counted = m.index;
		lines.push(line);
	}
	return lines;
}

/** XLIFF nests a handful of levels; far deeper nesting only serves to exhaust the parser's stack. */
export const MAX_XML_DEPTH = 64;

/** The line where elements first nest deeper than `limit`, or null; a linear scan of the tags. */
export function tooDeepAt(xml: string, limit = MAX_XML_DEPTH): number | null {
	const tag = /<(\/?)[A-Za-z_][^<>]*?(\/?)>/g;
	let depth = 0;
	let m: RegExpExecArray | null;
	while ((m = tag.exec(xml))) {
		if (m[1]) depth--;
		else if (!m[2]) depth++;
		if (depth > limit) return xml.slice(0, m.index).split('\n').length;
	}
	return null;
}

export const asArray = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v === undefined ? [] : [v as Node]);

export const failed = (message: string, where: string | null = null): ParsedFile => ({ locale: null, entries: [], problems: [{ where, key: null, message }] });

/** Parses an XLIFF file of either version, or says where it is malformed. */
export function parseXliffDocument(xml: string, arrays: readonly string[]): { root: Record<string, unknown> } | { failure: ParsedFile } {
	if (/<!DOCTYPE/i.test(xml)) return { failure: failed('a DOCTYPE is not allowed in an XLIFF file') };
	const deep = tooDeepAt(xml);
	if (deep !== null) return { failure: failed(`elements are nested more than ${MAX_XML_DEPTH} levels deep`, `line ${deep}`) };
	const valid = XMLValidator.validate(xml);
	if (valid !== true) return { failure: failed(`malformed XML: ${valid.err.msg}`, `line ${valid.err.line}, column ${valid.err.col}`) };
	const parser = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '@_',
		parseTagValue: false,
		parseAttributeValue: false,
		trimValues: false,
		isArray: (name) => arrays.includes(name)
	});
	const root = (parser.parse(xml) as Record<string, Record<string, unknown> | undefined>).xliff;
	if (!root) return { failure: failed('not an XLIFF file: the root element is not <xliff>') };
	return { root };
}
