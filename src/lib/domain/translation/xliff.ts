import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isLocale, type Locale } from '../locales.ts';
import { cellOf, type CellStatus, type StateIndex } from './status.ts';
import type { TranslatableString } from './strings.ts';
import type { FileEntry, ParsedFile } from './file-import.ts';

const XLIFF2_NS = 'urn:oasis:names:tc:xliff:document:2.0';
/** BCP 47 tags translators' tools expect; our own code for the others. */
const XLIFF_LANG: Record<Locale, string> = { ar: 'ar', zh: 'zh-CN', en: 'en', fr: 'fr', ru: 'ru', es: 'es' };
/** XLIFF 2.0 has four states; machine translation and "needs review" travel as subState. */
const SUBSTATE_PREFIX = 'rps:';

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

function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function stateOf(status: CellStatus): { state: string; subState: string | null } {
	switch (status) {
		case 'reviewed':
			return { state: 'reviewed', subState: null };
		case 'draft':
			return { state: 'translated', subState: null };
		case 'machine':
			return { state: 'initial', subState: 'machine' };
		case 'needs_review':
			return { state: 'translated', subState: 'needs_review' };
		default:
			return { state: 'initial', subState: null };
	}
}

/** XLIFF 2.0 of one target language: unit id = string key, the context as a note. */
export function toXliff(strings: readonly TranslatableString[], states: StateIndex, locale: Locale, original: string): string {
	const units = strings.map((s) => {
		const cell = cellOf(s, locale, states);
		const { state, subState } = stateOf(cell.status);
		const sub = subState ? ` subState="${SUBSTATE_PREFIX}${subState}"` : '';
		const target = cell.text ? `\n        <target>${escapeXml(cell.text)}</target>` : '';
		return `    <unit id="${escapeXml(s.key)}">
      <notes><note category="context">${escapeXml(s.context)}</note></notes>
      <segment state="${state}"${sub}>
        <source>${escapeXml(s.texts.en ?? '')}</source>${target}
      </segment>
    </unit>`;
	});
	return `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="${XLIFF2_NS}" version="2.0" srcLang="en" trgLang="${xliffLang(locale)}">
  <file id="f1" original="${escapeXml(original)}">
${units.join('\n')}
  </file>
</xliff>
`;
}

type Node = string | { [k: string]: unknown };

/** Plain text of a source/target; null when it holds inline markup we do not support. */
function textOf(node: unknown): string | null {
	if (node === undefined) return '';
	if (typeof node === 'string') return node;
	if (typeof node !== 'object' || node === null || Array.isArray(node)) return null;
	const keys = Object.keys(node);
	if (keys.some((k) => k !== '#text' && !k.startsWith('@_'))) return null;
	const t = (node as Record<string, unknown>)['#text'];
	return typeof t === 'string' ? t : '';
}

function statusOf(state: string | undefined, subState: string | undefined): CellStatus {
	if (subState === `${SUBSTATE_PREFIX}machine`) return 'machine';
	if (subState === `${SUBSTATE_PREFIX}needs_review`) return 'needs_review';
	return state === 'reviewed' || state === 'final' ? 'reviewed' : 'draft';
}

/** The line of each `<unit` in document order, so that problems point at the line. */
function unitLines(xml: string): number[] {
	const lines: number[] = [];
	const re = /<unit[\s>]/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(xml))) lines.push(xml.slice(0, m.index).split('\n').length);
	return lines;
}

const asArray = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v === undefined ? [] : [v as Node]);

/** Reads an XLIFF 2.0 file; every problem is reported with its line or unit id. */
export function parseXliff(xml: string): ParsedFile {
	const fail = (message: string, where: string | null = null): ParsedFile => ({ locale: null, entries: [], problems: [{ where, key: null, message }] });
	if (/<!DOCTYPE/i.test(xml)) return fail('a DOCTYPE is not allowed in an XLIFF file');
	const valid = XMLValidator.validate(xml);
	if (valid !== true) return fail(`malformed XML: ${valid.err.msg}`, `line ${valid.err.line}, column ${valid.err.col}`);
	const parser = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '@_',
		parseTagValue: false,
		parseAttributeValue: false,
		trimValues: false,
		isArray: (name) => ['file', 'unit', 'segment', 'note', 'group'].includes(name)
	});
	const doc = parser.parse(xml) as Record<string, Record<string, unknown> | undefined>;
	const root = doc.xliff;
	if (!root) return fail('not an XLIFF file: the root element is not <xliff>');
	if (root['@_version'] !== '2.0' && root['@_version'] !== '2.1') return fail(`XLIFF version "${String(root['@_version'])}" is not supported: use XLIFF 2.0`);
	const problems: ParsedFile['problems'] = [];
	if (root['@_srcLang'] !== 'en') problems.push({ where: null, key: null, message: `the source language is "${String(root['@_srcLang'])}", not "en"` });
	const locale = localeFromTag(root['@_trgLang'] as string | undefined);
	const lines = unitLines(xml);
	const entries: FileEntry[] = [];
	let index = 0;
	for (const file of asArray(root.file)) {
		if (typeof file !== 'object') continue;
		if (file.group !== undefined) problems.push({ where: null, key: null, message: '<group> elements are not supported: keep the units directly in <file>' });
		for (const unit of asArray(file.unit)) {
			const where = `line ${lines[index++] ?? '?'}`;
			if (typeof unit !== 'object') continue;
			const key = unit['@_id'];
			if (typeof key !== 'string' || key === '') {
				problems.push({ where, key: null, message: 'a unit has no id' });
				continue;
			}
			const segments = asArray(unit.segment);
			if (segments.length !== 1 || typeof segments[0] !== 'object') {
				problems.push({ where, key, message: `expected one <segment>, found ${segments.length}` });
				continue;
			}
			const seg = segments[0] as Record<string, unknown>;
			const source = textOf(seg.source);
			const target = textOf(seg.target);
			if (source === null || target === null) {
				problems.push({ where, key, message: 'inline markup in <source> or <target> is not supported: plain text only' });
				continue;
			}
			entries.push({ key, where, source, target, status: statusOf(seg['@_state'] as string | undefined, seg['@_subState'] as string | undefined) });
		}
	}
	return { locale, entries, problems };
}
