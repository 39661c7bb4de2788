/**
 * Which pages can an autosave parse without loading the respondent's answers into
 * survey-core? Setting answers on a model re-runs every condition of the
 * questionnaire (~3 ms per changed answer, bench/RESULTS.md); an autosave needs none
 * of that when the page's form fields and their allowed values cannot depend on the
 * answers. This decides it from the definition alone, conservatively: anything that
 * could make the page's index, its fields' choices, or a field's read-only state
 * depend on answers sends that page down the full path (src/lib/domain/response/page-post.ts).
 *
 * Data-dependent features (survey-core JSON keys):
 * - a page index among *visible* pages: page `visibleIf`/`visible: false`, or a page
 *   whose every element is conditional (survey-core hides a page with nothing visible);
 * - read-only state: `enableIf`, `readOnly` on the page, a panel or a question
 *   (a disabled question keeps its stored value, page-post.ts restores it);
 * - choices, rows, columns or rate values that come and go: any `...VisibleIf`,
 *   `...EnableIf`, item-level `visibleIf`/`enableIf`, `choicesFromQuestion`, `choicesByUrl`,
 *   `hideIfChoicesEmpty`/`hideIfRowsEmpty`.
 * A question's own `visibleIf` is fine: hidden questions' fields are parsed the same
 * way on both paths (page.questions includes them) and submission drops their answers.
 */

type Json = Record<string, unknown>;

const CONDITIONAL_KEY = /visibleif$|enableif$|^readonly$|^choicesfromquestion|^choicesbyurl$|^hideif/i;

function isObject(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function elementsOf(container: Json): Json[] {
	return Array.isArray(container.elements) ? container.elements.filter(isObject) : [];
}

/** Any conditional key anywhere below `value` (choices, rows, columns, cell templates...). */
function hasNestedCondition(value: unknown): boolean {
	if (Array.isArray(value)) return value.some(hasNestedCondition);
	if (!isObject(value)) return false;
	return Object.entries(value).some(([key, inner]) => (CONDITIONAL_KEY.test(key) && isSet(inner)) || hasNestedCondition(inner));
}

/** `readOnly: false` or an empty expression are the same as absent. */
function isSet(value: unknown): boolean {
	return !(value === undefined || value === null || value === false || value === '');
}

function questionIsStatic(q: Json): boolean {
	// A dynamic panel's or matrix's fields are as many as its stored panels (rows).
	if (q.type === 'paneldynamic' || q.type === 'matrixdynamic') return false;
	// A file's references are checked against the response's stored files (respondent/uploads.ts).
	if (q.type === 'file') return false;
	for (const [key, value] of Object.entries(q)) {
		if (key === 'visibleIf' || key === 'elements') continue;
		if (CONDITIONAL_KEY.test(key) && isSet(value)) return false;
		if (hasNestedCondition(value)) return false;
	}
	return true;
}

/** A container (page or panel) whose fields never depend on answers. */
function containerIsStatic(container: Json): boolean {
	if (isSet(container.enableIf) || isSet(container.readOnly)) return false;
	// A panel's own visibleIf is fine for the same reason as a question's.
	return elementsOf(container).every((el) => (el.type === 'panel' ? containerIsStatic(el) : questionIsStatic(el)));
}

/** An element that is always visible keeps its page visible. */
function hasAnchor(container: Json): boolean {
	return elementsOf(container).some((el) => {
		if (isSet(el.visibleIf) || el.visible === false) return false;
		return el.type === 'panel' ? hasAnchor(el) : true;
	});
}

/** Per page of `definition`: true when an autosave of that page may skip survey-core's data flow. */
export function dataIndependentPages(definition: object): boolean[] {
	const survey = definition as Json;
	const pages = Array.isArray(survey.pages) ? survey.pages.filter(isObject) : [];
	const standardMode = survey.questionsOnPageMode === undefined || survey.questionsOnPageMode === 'standard';
	const editable = survey.mode === undefined || survey.mode === 'edit';
	const pagesFixed = pages.every((p) => !isSet(p.visibleIf) && p.visible !== false && hasAnchor(p));
	return pages.map((page) => standardMode && editable && pagesFixed && containerIsStatic(page));
}
