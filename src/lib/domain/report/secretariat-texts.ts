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

/** One language's texts. Paragraphs within a field are separated by a blank line; `references` by newlines. */
export type SecretariatTexts = Record<SecretariatTextField, string>;

export interface SecretariatTextsForLanguage {
	texts: SecretariatTexts;
	/** Every field is written in this language (an empty field is not complete). */
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
