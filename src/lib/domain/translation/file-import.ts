import type { Locale } from '../locales.ts';
import { cellOf, isStoredStatus, type CellStatus, type StateIndex, type StoredStatus } from './status.ts';
import type { TranslatableString } from './strings.ts';
import { translationMergeFieldProblem } from '../mail/mail-texts.ts';
import { xmlText } from './xml-text.ts';
import { bidiControlIn, bidiControlMessage } from '../survey/bidi-controls.ts';

/** One problem in an uploaded file, pointing where a translator can find it. */
export interface ImportProblem {
	/** "line 12", "row 7", or null for the whole file. */
	where: string | null;
	/** The string key (XLIFF unit id, XLSX key column) when there is one. */
	key: string | null;
	message: string;
}

/** A translation as read from a file, before it is checked against the questionnaire. */
export interface FileEntry {
	key: string;
	where: string;
	source: string;
	/** null or '' = the translator left it empty: the cell is left as it is. */
	target: string | null;
	/** The status the file gives; 'needs_review' means "as exported, unchanged". */
	status: CellStatus;
}

export interface ParsedFile {
	locale: Locale | null;
	entries: FileEntry[];
	problems: ImportProblem[];
}

export interface ImportChange {
	key: string;
	text: string;
	status: StoredStatus;
}

/**
 * Checks a parsed file against the questionnaire as a whole and returns the changes to
 * apply, or the problems: unknown, missing or duplicate keys, a source that is not the
 * current English (the file is stale), a wrong language, an e-mail text whose merge
 * fields differ from the English ({link} dropped: the e-mail would break). Nothing is applied when there is
 * one problem. An entry equal to the cell as exported (text and status) changes nothing,
 * so importing an untouched export is a no-op.
 */
export function planImport(
	file: ParsedFile,
	expected: Locale,
	strings: readonly TranslatableString[],
	states: StateIndex
): { changes: ImportChange[]; problems: ImportProblem[] } {
	const problems = [...file.problems];
	if (file.locale !== expected) {
		problems.push({ where: null, key: null, message: `the file is for language "${file.locale ?? 'none'}", not "${expected}"` });
	}
	const byKey = new Map(strings.map((s) => [s.key, s]));
	const seen = new Set<string>();
	const changes: ImportChange[] = [];
	for (const e of file.entries) {
		const s = byKey.get(e.key);
		if (seen.has(e.key)) {
			problems.push({ where: e.where, key: e.key, message: 'duplicate id: this string appears twice in the file' });
			continue;
		}
		seen.add(e.key);
		if (!s) {
			problems.push({ where: e.where, key: e.key, message: 'unknown id: the questionnaire has no such string' });
			continue;
		}
		// Compared as XML carries them: an exported text loses the characters XML forbids (xml-text.ts).
		if (xmlText(e.source) !== xmlText(s.texts.en ?? '')) {
			problems.push({ where: e.where, key: e.key, message: "the English source differs from the questionnaire's: the file is out of date, export it again" });
			continue;
		}
		const control = e.target ? bidiControlIn(e.target) : null;
		if (control) {
			problems.push({ where: e.where, key: e.key, message: `the translation ${bidiControlMessage(control)}` });
			continue;
		}
		const broken = e.target ? translationMergeFieldProblem(s.key, s.texts.en ?? '', e.target) : null;
		if (broken) {
			problems.push({ where: e.where, key: e.key, message: broken });
			continue;
		}
		const change = entryChange(e, s, expected, states);
		if (change) changes.push(change);
	}
	for (const s of strings) {
		if (!seen.has(s.key)) problems.push({ where: null, key: s.key, message: 'missing id: the file lacks this string (send back the whole file)' });
	}
	return problems.length ? { changes: [], problems } : { changes, problems: [] };
}

function entryChange(e: FileEntry, s: TranslatableString, locale: Locale, states: StateIndex): ImportChange | null {
	if (!e.target) return null;
	const cell = cellOf(s, locale, states);
	if (xmlText(e.target) === xmlText(cell.text ?? '') && e.status === cell.status) return null;
	// A changed text whose status was left as exported becomes a draft; otherwise the file's status.
	const status: StoredStatus = isStoredStatus(e.status) ? e.status : 'draft';
	return { key: s.key, text: e.target, status };
}
