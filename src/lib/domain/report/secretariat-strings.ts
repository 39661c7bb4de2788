import { LOCALES, type Locale } from '../locales.ts';
import { cellOf, isComplete, type CellStatus, sourceHash, stateKey, type StateIndex, type StoredState, type StoredStatus } from '../translation/status.ts';
import type { TranslatableString } from '../translation/strings.ts';
import {
	isQuotationKey,
	SECRETARIAT_TEXT_FIELDS,
	sortQuotationKeys,
	type SecretariatKey,
	type SecretariatTextField,
	type SecretariatTexts
} from './secretariat-texts.ts';

/**
 * The Secretariat's texts of one report as the translation workbench sees them: eight
 * strings (one per field), English the source, each other language with a review state
 * and the hash of the English it was made from, exactly like a questionnaire's strings.
 * So the questionnaire's XLIFF/XLSX export, import check and completeness apply unchanged.
 */
export interface StoredSecretariatTexts {
	/** field or quotation → locale → text (absent or '' = not written). */
	texts: Partial<Record<SecretariatKey, Partial<Record<Locale, string>>>>;
	/** locale → field or quotation → review state (English has none: written means done). */
	states: Partial<Record<Locale, Partial<Record<SecretariatKey, StoredState>>>>;
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

export function isSecretariatKey(value: unknown): value is SecretariatKey {
	return isSecretariatField(value) || isQuotationKey(value);
}

/** The quotations written in English (the source): a quotation exists once it has its English text. */
export function quotationKeys(stored: StoredSecretariatTexts): SecretariatKey[] {
	return sortQuotationKeys(Object.keys(stored.texts)).filter((k) => stored.texts[k]?.en);
}

/** The eight fields, then the quotations in the order they were added. */
export function secretariatKeys(stored: StoredSecretariatTexts): SecretariatKey[] {
	return [...SECRETARIAT_TEXT_FIELDS, ...quotationKeys(stored)];
}

const QUOTATION_CONTEXT =
	'Council report, section 9: a quotation from an open answer, chosen and edited by an analyst (translate it; add no name, entity or place)';

export function secretariatStrings(stored: StoredSecretariatTexts): TranslatableString[] {
	return secretariatKeys(stored).map((field) => ({
		key: field,
		context: isQuotationKey(field) ? QUOTATION_CONTEXT : CONTEXT[field],
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
export function textsForLanguage(stored: StoredSecretariatTexts, locale: Locale): { texts: SecretariatTexts; quotations: string[]; complete: boolean } {
	const states = secretariatStateIndex(stored);
	const cells = secretariatStrings(stored).map((s) => ({ field: s.key as SecretariatKey, ...cellOf(s, locale, states) }));
	return {
		texts: Object.fromEntries(cells.filter((c) => isSecretariatField(c.field)).map((c) => [c.field, c.text ?? ''])) as SecretariatTexts,
		quotations: cells.filter((c) => isQuotationKey(c.field)).map((c) => c.text ?? ''),
		complete: cells.every((c) => isComplete(c.status))
	};
}

export interface SecretariatEdit {
	field: SecretariatKey;
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
		// A quotation removed in English is removed with its translations.
		if (locale === 'en' && !text && isQuotationKey(edit.field)) {
			delete next.texts[edit.field];
			for (const l of LOCALES) delete next.states[l]?.[edit.field];
		}
		if (locale === 'en') continue;
		const states = (next.states[locale] ??= {});
		if (text) states[edit.field] = { status: edit.status, sourceHash: sourceHash(next.texts[edit.field]?.en ?? '') };
		else delete states[edit.field];
	}
	return next;
}

/** Same content (texts and states), whatever the key order: a save that changes nothing makes no version. */
/** The status of each field in each language (missing, needs review, machine, draft, reviewed). */
export function secretariatCells(stored: StoredSecretariatTexts): Record<Locale, Partial<Record<SecretariatKey, CellStatus>>> {
	const states = secretariatStateIndex(stored);
	const strings = secretariatStrings(stored);
	return Object.fromEntries(LOCALES.map((l) => [l, Object.fromEntries(strings.map((s) => [s.key, cellOf(s, l, states).status]))])) as Record<
		Locale,
		Partial<Record<SecretariatKey, CellStatus>>
	>;
}

export function sameStoredTexts(a: StoredSecretariatTexts, b: StoredSecretariatTexts): boolean {
	const keys = [...new Set([...secretariatKeys(a), ...secretariatKeys(b)])];
	const canon = (s: StoredSecretariatTexts) =>
		JSON.stringify(keys.map((f) => LOCALES.map((l) => [s.texts[f]?.[l] || '', s.states[l]?.[f]?.status ?? '', s.states[l]?.[f]?.sourceHash ?? ''])));
	return canon(a) === canon(b);
}
