import type { Finding } from './finding.ts';

/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069).
 * They are invisible and reorder what is shown: a choice stored as "evil" after U+202E
 * is shown as "live", so a respondent would pick what they did not read and an analyst
 * would read what nobody saw. No questionnaire text needs them: each page sets the
 * direction of its language, and a lone U+200E/U+200F mark (allowed) fixes a
 * neutral character at the end of a phrase.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

const NAMES: Record<string, string> = {
	'\u202A': 'LEFT-TO-RIGHT EMBEDDING',
	'\u202B': 'RIGHT-TO-LEFT EMBEDDING',
	'\u202C': 'POP DIRECTIONAL FORMATTING',
	'\u202D': 'LEFT-TO-RIGHT OVERRIDE',
	'\u202E': 'RIGHT-TO-LEFT OVERRIDE',
	'\u2066': 'LEFT-TO-RIGHT ISOLATE',
	'\u2067': 'RIGHT-TO-LEFT ISOLATE',
	'\u2068': 'FIRST STRONG ISOLATE',
	'\u2069': 'POP DIRECTIONAL ISOLATE'
};

/** The first bidi control in `text`, named ("U+202E RIGHT-TO-LEFT OVERRIDE"), or null. */
export function bidiControlIn(text: string): string | null {
	const found = BIDI_CONTROL.exec(text)?.[0];
	return found ? `U+${found.codePointAt(0)!.toString(16).toUpperCase()} ${NAMES[found]}` : null;
}

/** Why a text with such a character is refused, for the lint and for translation imports. */
export function bidiControlMessage(control: string): string {
	return `contains ${control}, an invisible character that makes the text display differently from what is stored: remove it (each language's direction is set by the page).`;
}

/** Every string of the questionnaire (texts in every language, values, e-mail texts) holding a bidi control. */
export function bidiControlFindings(json: unknown): Finding[] {
	const findings: Finding[] = [];
	const visit = (value: unknown, path: string) => {
		if (typeof value === 'string') {
			const control = bidiControlIn(value);
			if (control) findings.push({ severity: 'error', rule: 'text/bidi-control', path: path || undefined, message: bidiControlMessage(control) });
		} else if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${path}[${i}]`));
		else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) visit(item, path ? `${path}.${key}` : key);
	};
	visit(json, '');
	return findings;
}
