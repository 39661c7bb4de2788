import { LOCALES, type Locale } from '../locales.ts';
import { cellOf, isComplete, type CellStatus, sourceHash, stateKey, type StateIndex, type StoredState, type StoredStatus } from '../translation/status.ts';
import type { TranslatableString } from '../translation/strings.ts';
import { SECRETARIAT_TEXT_FIELDS, type SecretariatTextField, type SecretariatTexts } from './secretariat-texts.ts';

/**
 * The Secretariat's texts of one report as the translation workbench sees them: eight
 * strings (one per field), English the source, each other language with a review state
 * and the hash of the English it was made from, exactly like a questionnaire's strings.
 * So the questionnaire's XLIFF/XLSX export, import check and completeness apply unchanged.
 */
export interface StoredSecretariatTexts {
	/** field → locale → text (absent or '' = not written). */
	texts: Partial<Record<SecretariatTextField, Partial<Record<Locale, string>>>>;
	/** locale → field → review state (English has none: written means done). */
	states: Partial<Record<Locale, Partial<Record<SecretariatTextField, StoredState>>>>;
}

export const emptyStoredTexts = (): StoredSecretariatTexts => ({ texts: {}, states: {} });

/** Where a translator finds each string, in words (the XLIFF note, the XLSX context column). */
const CONTEXT: Record<SecretariatTextField, string> = {
	councilSession: 'Council report, cover: Council session',
	documentSymbol: 'Council report, cover: document symbol',
	purpose: 'Council report, cover: Purpose',
	actionRequired: 'Council report, cover: Action required',
	references: 'Council report, cover: References (one per line)',
	summaryAddition: 'Council report, executive summary: the Secretariat’s addition',
	conclusions: 'Council report, section 10: conclusions',
	recommendations: 'Council report, section 10: recommendations'
};

export function isSecretariatField(value: unknown): value is SecretariatTextField {
	return typeof value === 'string' && (SECRETARIAT_TEXT_FIELDS as readonly string[]).includes(value);
}

export function secretariatStrings(stored: StoredSecretariatTexts): TranslatableString[] {
	return SECRETARIAT_TEXT_FIELDS.map((field) => ({
		key: field,
		context: CONTEXT[field],
		texts: Object.fromEntries(LOCALES.map((l) => [l, stored.texts[field]?.[l] || null])) as Record<Locale, string | null>,
		path: [],
		prop: field
	}));
}

export function secretariatStateIndex(stored: StoredSecretariatTexts): StateIndex {
	const index = new Map<string, StoredState>();
	for (const l of LOCALES) for (const [field, state] of Object.entries(stored.states[l] ?? {})) if (state) index.set(stateKey(field, l), state);
	return index;
}

/**
 * One language's texts and whether they are complete: every field written, and in a
 * language other than English a human translation of the current English (draft or
 * reviewed; a machine translation or one made from an older English does not count).
 */
export function textsForLanguage(stored: StoredSecretariatTexts, locale: Locale): { texts: SecretariatTexts; complete: boolean } {
	const states = secretariatStateIndex(stored);
	const cells = secretariatStrings(stored).map((s) => ({ field: s.key as SecretariatTextField, ...cellOf(s, locale, states) }));
	return {
		texts: Object.fromEntries(cells.map((c) => [c.field, c.text ?? ''])) as SecretariatTexts,
		complete: cells.every((c) => isComplete(c.status))
	};
}

export interface SecretariatEdit {
	field: SecretariatTextField;
	text: string;
	/** Ignored for English (the source). */
	status: StoredStatus;
}

/**
 * A new copy with the edits applied: a text (CRLF made LF, trimmed; '' removes it) and, in
 * a target language, its state with the hash of the current English.
 */
export function applySecretariatEdits(stored: StoredSecretariatTexts, locale: Locale, edits: readonly SecretariatEdit[]): StoredSecretariatTexts {
	const next = JSON.parse(JSON.stringify(stored)) as StoredSecretariatTexts;
	for (const edit of edits) {
		const text = edit.text.replace(/\r\n?/g, '\n').trim();
		const unchanged = text === (next.texts[edit.field]?.[locale] ?? '') && (locale === 'en' || edit.status === next.states[locale]?.[edit.field]?.status);
		// Saving a page unchanged must not confirm a translation of an older English as current.
		if (unchanged) continue;
		const byLocale = (next.texts[edit.field] ??= {});
		if (text) byLocale[locale] = text;
		else delete byLocale[locale];
		if (locale === 'en') continue;
		const states = (next.states[locale] ??= {});
		if (text) states[edit.field] = { status: edit.status, sourceHash: sourceHash(next.texts[edit.field]?.en ?? '') };
		else delete states[edit.field];
	}
	return next;
}

/** Same content (texts and states), whatever the key order: a save that changes nothing makes no version. */
/** The status of each field in each language (missing, needs review, machine, draft, reviewed). */
export function secretariatCells(stored: StoredSecretariatTexts): Record<Locale, Record<SecretariatTextField, CellStatus>> {
	const states = secretariatStateIndex(stored);
	const strings = secretariatStrings(stored);
	return Object.fromEntries(LOCALES.map((l) => [l, Object.fromEntries(strings.map((s) => [s.key, cellOf(s, l, states).status]))])) as Record<
		Locale,
		Record<SecretariatTextField, CellStatus>
	>;
}

export function sameStoredTexts(a: StoredSecretariatTexts, b: StoredSecretariatTexts): boolean {
	const canon = (s: StoredSecretariatTexts) =>
		JSON.stringify(
			SECRETARIAT_TEXT_FIELDS.map((f) => LOCALES.map((l) => [s.texts[f]?.[l] || '', s.states[l]?.[f]?.status ?? '', s.states[l]?.[f]?.sourceHash ?? '']))
		);
	return canon(a) === canon(b);
}
