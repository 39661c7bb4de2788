import type { ItemValue } from 'survey-core';
import { InvalidInputError } from '../../errors.ts';
import { formValue } from './kind.ts';

/**
 * Reading posted values, shared by the kinds: anything a genuine form of ours could
 * not have sent (a value outside the choices, a field sent twice, over-long text) is
 * refused, which saves nothing; an incomplete page is left to survey-core's validation.
 */
export function refuse(code: string, message: string): never {
	throw new InvalidInputError(message, [], code);
}

export function choiceLookup(items: ItemValue[]): Map<string, unknown> {
	return new Map(items.map((item) => [formValue(item.value), item.value]));
}

export function single(values: string[], field: string): string | undefined {
	if (values.length > 1) refuse('too_many_values', `"${field}" was sent ${values.length} times`);
	const [value] = values;
	return value === undefined || value === '' ? undefined : value;
}

export function pickChoice(values: string[], field: string, choices: Map<string, unknown>): unknown {
	const value = single(values, field);
	if (value === undefined) return undefined;
	if (!choices.has(value)) refuse('invalid_choice', `"${value}" is not a choice of "${field}"`);
	return choices.get(value);
}

export function pickText(values: string[], field: string, max: number): string | undefined {
	const value = single(values, field);
	if (value === undefined || value.trim() === '') return undefined;
	if (value.length > max) refuse('too_long', `"${field}" is longer than ${max} characters`);
	return value;
}

export function pickMany(values: string[], field: string, choices: Map<string, unknown>): unknown[] | undefined {
	const picked = [...new Set(values.filter((v) => v !== ''))];
	for (const value of picked) if (!choices.has(value)) refuse('invalid_choice', `"${value}" is not a choice of "${field}"`);
	// Keep the questionnaire's order, not the order the browser sent.
	const ordered = [...choices.keys()].filter((k) => picked.includes(k)).map((k) => choices.get(k));
	return ordered.length > 0 ? ordered : undefined;
}

/** Objects with no key are no answer at all. */
export function nonEmpty<T extends object>(value: T): T | undefined {
	return Object.keys(value).length > 0 ? value : undefined;
}
