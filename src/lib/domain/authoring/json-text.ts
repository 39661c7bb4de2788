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

/**
 * The offset of the first syntax error of a JSON text: V8's messages no longer carry
 * a position for every error, so after a failed JSON.parse we scan once to find it.
 */
export function jsonErrorOffset(text: string): number {
	let i = 0;
	const fail = (): never => {
		throw i;
	};
	const ws = () => {
		while (i < text.length && ' \t\n\r'.includes(text[i] ?? 'x')) i++;
	};
	const literal = (word: string) => {
		for (const ch of word)
			if (text[i++] !== ch) {
				i--;
				fail();
			}
	};
	const string = () => {
		i++;
		while (i < text.length && text[i] !== '"') {
			if (text.charCodeAt(i) < 0x20) fail();
			if (text[i] === '\\') {
				i++;
				if (text[i] === 'u') {
					if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
					i += 4;
				} else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
			}
			i++;
		}
		if (i >= text.length) fail();
		i++;
	};
	const value = (): void => {
		ws();
		const ch = text[i];
		if (ch === '{') {
			i++;
			ws();
			if (text[i] === '}') return void i++;
			for (;;) {
				ws();
				if (text[i] !== '"') fail();
				string();
				ws();
				if (text[i] !== ':') fail();
				i++;
				value();
				ws();
				if (text[i] === ',') i++;
				else if (text[i] === '}') return void i++;
				else fail();
			}
		}
		if (ch === '[') {
			i++;
			ws();
			if (text[i] === ']') return void i++;
			for (;;) {
				value();
				ws();
				if (text[i] === ',') i++;
				else if (text[i] === ']') return void i++;
				else fail();
			}
		}
		if (ch === '"') return string();
		if (ch === 't') return literal('true');
		if (ch === 'f') return literal('false');
		if (ch === 'n') return literal('null');
		const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
		if (!number) fail();
		i += number![0].length;
	};
	try {
		value();
		ws();
		if (i < text.length) fail();
		return -1;
	} catch (offset) {
		if (typeof offset !== 'number') throw offset;
		return Math.min(offset, text.length);
	}
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
