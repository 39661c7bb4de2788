import { Model } from 'survey-core';
import { lintSurvey } from 'survey-core/linter';
import { registerCustomProperties } from './custom-properties.ts';
import { InvalidInputError } from '../errors.ts';
import { MATRIX_CELL_TYPES } from './page-view.ts';
import { mailTemplateFindings } from '../mail/mail-lint.ts';
import { bidiControlFindings } from './bidi-controls.ts';
import type { Finding } from './finding.ts';

/**
 * The question types our server-side renderer draws. Anything else is refused at
 * import, with a message, rather than rendered half-broken to a respondent.
 */
export const SUPPORTED_QUESTION_TYPES = [
	'radiogroup',
	'checkbox',
	'dropdown',
	'rating',
	'boolean',
	'text',
	'comment',
	'matrix',
	'matrixdropdown',
	'multipletext',
	'ranking',
	'tagbox',
	'expression',
	'panel',
	'html'
] as const;
export type SupportedQuestionType = (typeof SUPPORTED_QUESTION_TYPES)[number];

/** Names become form fields, report columns and wave-comparison keys: keep them plain. */
const QUESTION_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

export type { Finding } from './finding.ts';

export interface CheckedQuestionnaire {
	json: Record<string, unknown>;
	title: string;
	findings: Finding[];
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every element (question or panel) with its JSON path, depth first. */
function* walkElements(json: JsonObject): Generator<{ element: JsonObject; path: string }> {
	const pages = Array.isArray(json.pages) ? json.pages : [];
	for (const [p, page] of pages.entries()) {
		if (!isObject(page)) continue;
		yield* walkList(page.elements ?? page.questions, `pages[${p}].elements`);
	}
}

function* walkList(list: unknown, path: string): Generator<{ element: JsonObject; path: string }> {
	if (!Array.isArray(list)) return;
	for (const [i, element] of list.entries()) {
		if (!isObject(element)) continue;
		const here = `${path}[${i}]`;
		yield { element, path: here };
		yield* walkList(element.elements, `${here}.elements`);
	}
}

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
			if (!isObject(element)) findings.push({ severity: 'error', rule: 'survey/shape', path: `${path}[${i}]`, message: 'an element must be an object with a "type" and a "name".' });
			else list(element.elements, `${path}[${i}].elements`);
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
	if (!Array.isArray(json.pages) || json.pages.length === 0) {
		findings.push({ severity: 'error', rule: 'survey/no-pages', message: 'The questionnaire has no pages.' });
	}
	for (const { element, path } of walkElements(json)) {
		const type = String(element.type ?? '');
		const name = String(element.name ?? '');
		if (!(SUPPORTED_QUESTION_TYPES as readonly string[]).includes(type)) {
			findings.push({
				severity: 'error',
				rule: 'renderer/unsupported-type',
				path,
				message: `"${name}" has type "${type}", which the respondent renderer does not support (supported: ${SUPPORTED_QUESTION_TYPES.join(', ')}).`
			});
		}
		if (!QUESTION_NAME_PATTERN.test(name)) {
			findings.push({
				severity: 'error',
				rule: 'name/format',
				path,
				message: `"${name}" is not a valid question name: use letters, digits and underscores, starting with a letter.`
			});
		}
		if (type === 'matrixdropdown') {
			const matrixCell = String(element.cellType ?? 'dropdown');
			for (const column of Array.isArray(element.columns) ? element.columns : []) {
				const cell = isObject(column) && column.cellType && column.cellType !== 'default' ? String(column.cellType) : matrixCell;
				if (!(MATRIX_CELL_TYPES as readonly string[]).includes(cell)) {
					findings.push({ severity: 'error', rule: 'renderer/unsupported-cell-type', path, message: `"${name}" has a column of cell type "${cell}"; the renderer draws ${MATRIX_CELL_TYPES.join(', ')} cells.` });
				}
			}
		}
		if (element.showOtherItem || element.hasOther) {
			findings.push({
				severity: 'error',
				rule: 'renderer/other-item',
				path,
				message: `"${name}" uses an "Other" item, which the renderer does not support yet: add a separate comment question.`
			});
		}
	}
	return findings;
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

/** survey-core's linter plus our rules over parsed JSON, without throwing (the authoring editor shows them). */
export function lintQuestionnaireJson(json: JsonObject): Finding[] {
	registerCustomProperties();
	return [
		...lintSurvey(json)
			.findings.filter((f) => f.severity === 'error' || f.severity === 'warning')
			.map((f) => ({
				severity: f.severity as 'error' | 'warning',
				rule: f.ruleId,
				message: f.message,
				path: f.path
			})),
		...ourRules(json),
		...bidiControlFindings(json),
		...mailTemplateFindings(json)
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
	const errors = findings.filter((f) => f.severity === 'error');
	if (errors.length > 0) {
		throw new InvalidInputError(
			`The questionnaire has ${errors.length} error(s); nothing was imported.`,
			errors.map((f) => `${f.path ? f.path + ': ' : ''}${f.message} [${f.rule}]`),
			'questionnaire_lint'
		);
	}
	const title = new Model(json).title || 'Untitled questionnaire';
	return { json, title, findings };
}
