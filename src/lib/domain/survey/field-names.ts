/**
 * A SurveyJS name may be any text ("Q1-a", "Your name", "الاسم"): it stays the
 * answer's key, in exports and the codebook. In the respondent's page it becomes a
 * form field, an element id and a part of `q::row` sub-fields, where spaces, `::`
 * or quotes would break labels, anchors and parsing. So a name that is not plain
 * travels as a derived field: `x-` and its code points in hex, which is reversible
 * (the server maps a field back to its name) and never equals a plain name (a plain
 * name has no hyphen). Plain names travel unchanged, so existing pages, tests and
 * the first page's weight stay as they were.
 */
const PLAIN_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const DERIVED = /^x(?:-[0-9a-f]{1,6})+$/;

export function fieldName(name: string): string {
	if (PLAIN_NAME.test(name)) return name;
	return 'x' + [...name].map((c) => '-' + c.codePointAt(0)!.toString(16)).join('');
}

/** The name a field stands for (the inverse of fieldName; a plain field is its own name). */
export function nameOfField(field: string): string {
	if (!DERIVED.test(field)) return field;
	return String.fromCodePoint(
		...field
			.slice(2)
			.split('-')
			.map((h) => parseInt(h, 16))
	);
}

/** A condition variable (`{name}` or `{name.row}`) in the form the browser reads fields. */
export function fieldVariable(variable: string, names: ReadonlySet<string>): string {
	if (names.has(variable)) return fieldName(variable);
	const dot = variable.indexOf('.');
	// A name may itself hold a dot: the longest known name that prefixes the variable wins.
	for (let at = variable.lastIndexOf('.'); at > 0; at = variable.lastIndexOf('.', at - 1)) {
		const head = variable.slice(0, at);
		if (names.has(head)) return `${fieldName(head)}.${variable.slice(at + 1)}`;
	}
	return dot > 0 ? `${fieldName(variable.slice(0, dot))}${variable.slice(dot)}` : fieldName(variable);
}

/** Sub-fields (matrix rows, items, ranks, cells) travel as `question::part[::part]`. */
export function subField(question: string, ...parts: string[]): string {
	return [question, ...parts].join('::');
}
export const matrixField = subField;
