/**
 * The Secretariat's own text in a Council report (issue 15, item 3): cover fields, its additions to the
 * executive summary, conclusions and recommendations. Written in the application per edition's report,
 * versioned, and translated through the translation workbench. The report generator receives one
 * language's texts and whether they are complete: a report whose texts are incomplete in its language is
 * a draft (watermarked); complete, it is final.
 *
 * This file is the contract between the report generator and the place the texts are stored; both sides
 * code to it. Keep it a pure type module.
 */
export const SECRETARIAT_TEXT_FIELDS = [
	'councilSession',
	'documentSymbol',
	'purpose',
	'actionRequired',
	'references',
	'summaryAddition',
	'conclusions',
	'recommendations'
] as const;

export type SecretariatTextField = (typeof SECRETARIAT_TEXT_FIELDS)[number];

/**
 * A quotation for section 9 ("What respondents said"): an open answer an analyst chose and edited
 * (names removed), stored as text under its own key, never as a link to the response, so nothing in
 * the texts leads back to who wrote it. Quotations are numbered in the order they were added and
 * translated like the other texts.
 */
export type QuotationKey = `quote-${number}`;
export type SecretariatKey = SecretariatTextField | QuotationKey;

const QUOTATION_KEY = /^quote-[1-9]\d{0,5}$/;
export function isQuotationKey(value: unknown): value is QuotationKey {
	return typeof value === 'string' && QUOTATION_KEY.test(value);
}

/** Quotation keys in the order they were added. */
export function sortQuotationKeys(keys: Iterable<string>): QuotationKey[] {
	return [...keys].filter(isQuotationKey).sort((a, b) => Number(a.slice(6)) - Number(b.slice(6)));
}

/** The key of the next quotation after `existing`. */
export function nextQuotationKey(existing: Iterable<string>): QuotationKey {
	const numbers = sortQuotationKeys(existing).map((k) => Number(k.slice(6)));
	return `quote-${Math.max(0, ...numbers) + 1}`;
}

/** One language's texts. Paragraphs within a field are separated by a blank line; `references` by newlines. */
export type SecretariatTexts = Record<SecretariatTextField, string>;

export interface SecretariatTextsForLanguage {
	texts: SecretariatTexts;
	/** The selected quotations in this language, in their order ('' where not yet translated). */
	quotations: string[];
	/** Every field and quotation is written in this language (an empty field is not complete). */
	complete: boolean;
	/** Version number of the texts (1 for the first save); 0 when nothing has been written. */
	version: number;
	/** The document's date (ISO yyyy-mm-dd) and original language, set per report by the Secretariat. */
	documentDate: string | null;
	originalLanguage: string | null;
}

export function emptySecretariatTexts(): SecretariatTexts {
	return Object.fromEntries(SECRETARIAT_TEXT_FIELDS.map((f) => [f, ''])) as SecretariatTexts;
}
