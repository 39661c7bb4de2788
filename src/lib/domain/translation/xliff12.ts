import type { Locale } from '../locales.ts';
import { cellOf, type CellStatus, type StateIndex } from './status.ts';
import type { TranslatableString } from './strings.ts';
import type { FileEntry, ParsedFile } from './file-import.ts';
import { buildXml } from './xml-text.ts';
import { asArray, elementLines, localeFromTag, textOf, xliffLang } from './xliff-common.ts';

/**
 * XLIFF 1.2, for the tools that still prefer it. States: draft = translated, reviewed =
 * signed-off, machine = needs-review-translation + state-qualifier mt-suggestion,
 * "needs review" (English changed) = needs-review-translation.
 */
function targetAttrs(status: CellStatus): Record<string, string> {
	switch (status) {
		case 'reviewed':
			return { '@_state': 'signed-off' };
		case 'machine':
			return { '@_state': 'needs-review-translation', '@_state-qualifier': 'mt-suggestion' };
		case 'needs_review':
			return { '@_state': 'needs-review-translation' };
		default:
			return { '@_state': 'translated' };
	}
}

export function toXliff12(strings: readonly TranslatableString[], states: StateIndex, locale: Locale, original: string): string {
	const unit = strings.map((s) => {
		const cell = cellOf(s, locale, states);
		return {
			'@_id': s.key,
			source: s.texts.en ?? '',
			...(cell.text ? { target: { ...targetAttrs(cell.status), '#text': cell.text } } : {}),
			note: s.context
		};
	});
	return buildXml({
		xliff: {
			'@_xmlns': 'urn:oasis:names:tc:xliff:document:1.2',
			'@_version': '1.2',
			file: {
				'@_original': original,
				'@_source-language': 'en',
				'@_target-language': xliffLang(locale),
				'@_datatype': 'plaintext',
				body: { 'trans-unit': unit }
			}
		}
	});
}

function statusOf(target: unknown): CellStatus {
	const attrs = (typeof target === 'object' && target !== null ? target : {}) as Record<string, unknown>;
	if (attrs['@_state-qualifier'] === 'mt-suggestion') return 'machine';
	if (attrs['@_state'] === 'needs-review-translation') return 'needs_review';
	return attrs['@_state'] === 'signed-off' || attrs['@_state'] === 'final' ? 'reviewed' : 'draft';
}

export function parseXliff12(root: Record<string, unknown>, xml: string): ParsedFile {
	const problems: ParsedFile['problems'] = [];
	const files = asArray(root.file);
	if (files.length !== 1 || typeof files[0] !== 'object')
		return { locale: null, entries: [], problems: [{ where: null, key: null, message: 'expected one <file>' }] };
	const file = files[0];
	if (file['@_source-language'] !== 'en')
		problems.push({ where: null, key: null, message: `the source language is "${String(file['@_source-language'])}", not "en"` });
	const locale = localeFromTag(file['@_target-language'] as string | undefined);
	const body = (typeof file.body === 'object' && file.body !== null ? file.body : {}) as Record<string, unknown>;
	if (body.group !== undefined) problems.push({ where: null, key: null, message: '<group> elements are not supported: keep the units directly in <body>' });
	const lines = elementLines(xml, 'trans-unit');
	const entries: FileEntry[] = [];
	asArray(body['trans-unit']).forEach((unit, i) => {
		const where = `line ${lines[i] ?? '?'}`;
		if (typeof unit !== 'object') return;
		const key = unit['@_id'];
		if (typeof key !== 'string' || key === '') return problems.push({ where, key: null, message: 'a trans-unit has no id' });
		const source = textOf(unit.source);
		const target = textOf(unit.target);
		if (source === null || target === null)
			return problems.push({ where, key, message: 'inline markup in <source> or <target> is not supported: plain text only' });
		entries.push({ key, where, source, target, status: statusOf(unit.target) });
	});
	return { locale, entries, problems };
}
