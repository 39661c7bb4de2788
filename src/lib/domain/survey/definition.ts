import { offlineModel } from './offline-model.ts';
import { lintSurvey } from 'survey-core/linter';
import { registerCustomProperties } from './custom-properties.ts';
import { InvalidInputError } from '../errors.ts';
import { MATRIX_CELL_TYPES } from './kinds/matrixdropdown.ts';
import { mailTemplateFindings } from '../mail/mail-lint.ts';
import { bidiControlFindings } from './bidi-controls.ts';
import { planFindings } from './plan/lint.ts';
import { isObject, walkAllElements } from './walk.ts';
import { normalizeQuestionnaire } from './normalize.ts';
import { typeRefusal } from './unsupported.ts';
import { imageLinkFindings } from './kinds/image-link.ts';
import type { Finding } from './finding.ts';

export { SUPPORTED_QUESTION_TYPES, type SupportedQuestionType } from './supported-types.ts';

export type { Finding } from './finding.ts';

export interface CheckedQuestionnaire {
	json: Record<string, unknown>;
	title: string;
	findings: Finding[];
}

type JsonObject = Record<string, unknown>;

/**
 * Pages and elements that are not objects, and element lists that are not lists:
 * survey-core skips them silently, so a questionnaire would lose them unnoticed.
 */
function shapeFindings(json: JsonObject): Finding[] {
	const findings: Finding[] = [];
	const list = (value: unknown, path: string) => {
		if (value === undefined) return;
		if (!Array.isArray(value)) return void findings.push({ severity: 'error', rule: 'survey/shape', path, message: 'must be a list of elements.' });
		for (const [i, element] of value.entries()) {
			if (!isObject(element))
				findings.push({ severity: 'error', rule: 'survey/shape', path: `${path}[${i}]`, message: 'an element must be an object with a "type" and a "name".' });
			else for (const key of ['elements', 'templateElements'] as const) list(element[key], `${path}[${i}].${key}`);
		}
	};
	for (const [p, page] of (Array.isArray(json.pages) ? json.pages : []).entries()) {
		if (!isObject(page)) findings.push({ severity: 'error', rule: 'survey/shape', path: `pages[${p}]`, message: 'a page must be an object with "elements".' });
		else list(page.elements ?? page.questions, `pages[${p}].elements`);
	}
	return findings;
}

function ourRules(json: JsonObject): Finding[] {
	const findings: Finding[] = shapeFindings(json);
	if ((!Array.isArray(json.pages) || json.pages.length === 0) && !Array.isArray(json.elements) && !Array.isArray(json.questions)) {
		findings.push({ severity: 'error', rule: 'survey/no-pages', message: 'The questionnaire has no pages.' });
	}
	for (const { element, path } of walkAllElements(json)) {
		const type = String(element.type ?? '');
		const name = String(element.name ?? '');
		const refusal = typeRefusal(type, name);
		if (refusal) findings.push({ severity: 'error', rule: refusal.rule, path, message: refusal.message });
		for (const cell of matrixCellTypes(element)) {
			if ((MATRIX_CELL_TYPES as readonly string[]).includes(cell)) continue;
			findings.push({
				severity: 'error',
				rule: 'renderer/unsupported-cell-type',
				path,
				message: `"${name}" has a column of cell type "${cell}", which this platform deliberately does not draw in a matrix yet (it draws ${MATRIX_CELL_TYPES.join(', ')} cells).`
			});
		}
	}
	return findings;
}

/** The cell types of a dropdown or dynamic matrix's columns (each column's own, else the matrix's). */
function matrixCellTypes(element: JsonObject): string[] {
	if (element.type !== 'matrixdropdown' && element.type !== 'matrixdynamic') return [];
	const matrixCell = String(element.cellType ?? 'dropdown');
	return (Array.isArray(element.columns) ? element.columns : []).map((column) =>
		isObject(column) && column.cellType && column.cellType !== 'default' ? String(column.cellType) : matrixCell
	);
}

/** JSON.parse's message already carries the position; we add the line and column. */
function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const position = /position (\d+)/.exec(message);
		let where = '';
		if (position) {
			const before = text.slice(0, Number(position[1]));
			const line = before.split('\n').length;
			const column = before.length - before.lastIndexOf('\n');
			where = ` (line ${line}, column ${column})`;
		}
		throw new InvalidInputError(`The questionnaire is not valid JSON${where}: ${message}`, [], 'malformed_json');
	}
}

/**
 * Where survey-core's linter is stricter than survey-core's runtime, we follow the
 * runtime (issue 18, item 2): an unknown `{reference}` is shown as text and is empty
 * in conditions; several questions with one name share one value on purpose.
 */
const SURVEY_CORE_LENIENCY = { 'reference/unknown': 'warning', 'name/duplicate': 'warning' } as const;

/** survey-core's linter plus our rules over parsed JSON, without throwing (the authoring editor shows them). */
export function lintQuestionnaireJson(input: JsonObject): Finding[] {
	registerCustomProperties();
	// Linted as it will be stored: wrapped in a page, every element named (normalize.ts).
	const { json, findings: normalized } = normalizeQuestionnaire(input);
	return [
		...normalized,
		...lintSurvey(json, { rules: SURVEY_CORE_LENIENCY })
			.findings.filter((f) => f.severity === 'error' || f.severity === 'warning')
			.map((f) => ({
				severity: f.severity as 'error' | 'warning',
				rule: f.ruleId,
				message: f.message,
				path: f.path
			})),
		...ourRules(json),
		...imageLinkFindings(json),
		...bidiControlFindings(json),
		...mailTemplateFindings(json),
		...planFindings(json)
	];
}

/**
 * Parses and lints a questionnaire file: survey-core's linter plus our rules.
 * Throws InvalidInputError (with every finding) when anything is an error, so a
 * bad file is refused as a whole and nothing of it is imported.
 */
export function checkQuestionnaire(text: string): CheckedQuestionnaire {
	registerCustomProperties();
	const json = parseJson(text);
	if (!isObject(json)) {
		throw new InvalidInputError('The questionnaire must be a JSON object with "pages".', [], 'malformed_json');
	}
	const findings = lintQuestionnaireJson(json);
	const stored = normalizeQuestionnaire(json).json;
	const errors = findings.filter((f) => f.severity === 'error');
	if (errors.length > 0) {
		throw new InvalidInputError(
			`The questionnaire has ${errors.length} error(s); nothing was imported.`,
			errors.map((f) => `${f.path ? f.path + ': ' : ''}${f.message} [${f.rule}]`),
			'questionnaire_lint'
		);
	}
	const title = offlineModel(stored).title || 'Untitled questionnaire';
	return { json: stored, title, findings };
}
