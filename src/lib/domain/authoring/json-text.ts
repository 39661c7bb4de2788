import { InvalidInputError } from '../errors.ts';

/** A questionnaire file larger than this is refused before parsing (ours is ~60 KB). */
export const MAX_QUESTIONNAIRE_BYTES = 2 * 1024 * 1024;
/** Deeper nesting than this is no questionnaire; it would only cost the server stack and time. */
export const MAX_JSON_DEPTH = 32;

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
	const before = text.slice(0, offset);
	return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
}

function depthOf(value: unknown, limit: number, depth = 1): number {
	if (depth > limit) return depth;
	if (Array.isArray(value)) return Math.max(depth, ...value.map((v) => depthOf(v, limit, depth + 1)));
	if (isObject(value)) return Math.max(depth, ...Object.values(value).map((v) => depthOf(v, limit, depth + 1)));
	return depth - 1;
}

/** Whether V8's JSON parser, given only `prefix`, ran out of text before it found an error. */
function endsBeforeError(prefix: string): boolean {
	try {
		JSON.parse(prefix);
		return true;
	} catch (error) {
		const message = error instanceof Error ? error.message : '';
		if (message === 'Unexpected end of JSON input') return true;
		const position = /at position (\d+)/.exec(message);
		return position !== null && Number(position[1]) >= prefix.length;
	}
}

/**
 * The offset of the first syntax error of a JSON text, or -1 when there is none. We use
 * V8's own parser (no strict JSON parser with positions is installed: json5 and
 * comment-json accept trailing commas and comments). Its message names a position for
 * most errors but not for an unexpected token, so we bisect: a prefix that ends before
 * the error fails only for want of text, a prefix that holds it fails on it. About
 * log2(length) parses, each iterative inside V8 (no recursion however deep the text).
 */
export function jsonErrorOffset(text: string): number {
	if (endsBeforeError(text)) {
		try {
			JSON.parse(text);
			return -1;
		} catch {
			return text.length;
		}
	}
	let good = 0;
	let bad = text.length;
	while (bad - good > 1) {
		const middle = (good + bad) >>> 1;
		if (endsBeforeError(text.slice(0, middle))) good = middle;
		else bad = middle;
	}
	return good;
}

/**
 * Parses a questionnaire's JSON text. A syntax error is reported at its line and
 * column (from the position V8 gives); too large or too deep input is refused whole.
 */
export function parseQuestionnaireText(text: string): JsonObject {
	if (new TextEncoder().encode(text).length > MAX_QUESTIONNAIRE_BYTES) {
		throw new InvalidInputError(`The questionnaire is larger than ${MAX_QUESTIONNAIRE_BYTES / 1024 / 1024} MB.`, [], 'too_large');
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const offset = jsonErrorOffset(text);
		const where = offset < 0 ? '' : (({ line, column }) => ` at line ${line}, column ${column}`)(lineColumn(text, offset));
		throw new InvalidInputError(`The questionnaire is not valid JSON${where}: ${message}`, [], 'malformed_json');
	}
	if (!isObject(value)) throw new InvalidInputError('The questionnaire must be a JSON object with "pages".', [], 'malformed_json');
	if (depthOf(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
		throw new InvalidInputError(`The questionnaire is nested deeper than ${MAX_JSON_DEPTH} levels.`, [], 'too_deep');
	}
	return value;
}
