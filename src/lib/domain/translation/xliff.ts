import type { Locale } from '../locales.ts';
import { cellOf, type CellStatus, type StateIndex } from './status.ts';
import type { TranslatableString } from './strings.ts';
import type { FileEntry, ParsedFile } from './file-import.ts';
import { buildXml } from './xml-text.ts';
import { asArray, elementLines, failed, localeFromTag, parseXliffDocument, textOf, xliffLang } from './xliff-common.ts';

import { parseXliff12 } from './xliff12.ts';

export { localeFromTag, xliffLang };

const XLIFF2_NS = 'urn:oasis:names:tc:xliff:document:2.0';
/** XLIFF 2.0 has four states; machine translation and "needs review" travel as subState. */
const SUBSTATE_PREFIX = 'rps:';

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
	const unit = strings.map((s) => {
		const cell = cellOf(s, locale, states);
		const { state, subState } = stateOf(cell.status);
		return {
			'@_id': s.key,
			notes: { note: { '@_category': 'context', '#text': s.context } },
			segment: {
				'@_state': state,
				...(subState ? { '@_subState': `${SUBSTATE_PREFIX}${subState}` } : {}),
				source: s.texts.en ?? '',
				...(cell.text ? { target: cell.text } : {})
			}
		};
	});
	return buildXml({
		xliff: { '@_xmlns': XLIFF2_NS, '@_version': '2.0', '@_srcLang': 'en', '@_trgLang': xliffLang(locale), file: { '@_id': 'f1', '@_original': original, unit } }
	});
}

function statusOf(state: string | undefined, subState: string | undefined): CellStatus {
	if (subState === `${SUBSTATE_PREFIX}machine`) return 'machine';
	if (subState === `${SUBSTATE_PREFIX}needs_review`) return 'needs_review';
	return state === 'reviewed' || state === 'final' ? 'reviewed' : 'draft';
}

/** Reads an XLIFF 2.0 (or 1.2) file; every problem is reported with its line or unit id. */
export function parseXliff(xml: string): ParsedFile {
	const doc = parseXliffDocument(xml, ['file', 'unit', 'segment', 'note', 'group', 'trans-unit']);
	if ('failure' in doc) return doc.failure;
	const root = doc.root;
	if (root['@_version'] === '1.2') return parseXliff12(root, xml);
	if (root['@_version'] !== '2.0' && root['@_version'] !== '2.1')
		return failed(`XLIFF version "${String(root['@_version'])}" is not supported: use XLIFF 2.0 or 1.2`);
	const problems: ParsedFile['problems'] = [];
	if (root['@_srcLang'] !== 'en') problems.push({ where: null, key: null, message: `the source language is "${String(root['@_srcLang'])}", not "en"` });
	const locale = localeFromTag(root['@_trgLang'] as string | undefined);
	const lines = elementLines(xml, 'unit');
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
