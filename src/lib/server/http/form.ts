import { fail, type ActionFailure } from '@sveltejs/kit';
import { z } from 'zod';
import { InvalidInputError } from '../../domain/errors.ts';
import { m } from '../../paraglide/messages.js';
import { readForm } from './read-form.ts';

/**
 * Form posts parsed by zod schemas, once for every route (docs/architecture.md, "The
 * HTTP edge"):
 *
 *   const parsed = await parseForm(request, z.object({ name: field.trimmed(), sectors: field.list() }));
 *   if (!parsed.ok) return parsed.failure;
 *   await updateEntity(..., parsed.data);
 *
 * A form field arrives as text, several values under one name, a file or nothing;
 * `field.*` turn that into what a schema checks, each as a plain HTML form sends it
 * (a missing text field is '', an unticked checkbox is absent).
 */

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const asText = (v: unknown) => {
	const f = first(v);
	return typeof f === 'string' ? f : '';
};

export const field = {
	/** The first value as sent ('' when absent), then checked by `inner` if given. */
	text: <T extends z.ZodType = z.ZodString>(inner?: T) => z.preprocess(asText, inner ?? z.string()) as z.ZodPipe<z.ZodTransform<unknown, unknown>, T>,
	/** The first value, trimmed. */
	trimmed: <T extends z.ZodType = z.ZodString>(inner?: T) =>
		z.preprocess((v) => asText(v).trim(), inner ?? z.string()) as z.ZodPipe<z.ZodTransform<unknown, unknown>, T>,
	/** The first value, or undefined when the field was not sent (an optional part of a form). */
	optional: () => z.preprocess((v) => (typeof first(v) === 'string' ? first(v) : undefined), z.string().optional()),
	/** Every value sent under the name (checkbox groups, multiple selects). */
	list: () => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => typeof x === 'string'), z.array(z.string())),
	/** A checkbox: ticked when sent as "on". */
	checkbox: () => z.preprocess((v) => first(v) === 'on', z.boolean()),
	/** An uploaded file, or null when none was chosen (browsers send an empty one). */
	file: () => z.preprocess((v) => (first(v) instanceof File && (first(v) as File).size > 0 ? first(v) : null), z.instanceof(File).nullable())
};

/** The text fields of a form, for showing them back after a refusal (repeated names joined by line breaks). */
export function textFields(form: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of form) if (typeof v === 'string') out[k] = k in out ? `${out[k]}\n${v}` : v;
	return out;
}

/** A refused form: the edge's failure shape, each field's message, and what was typed. */
export interface FormRefusal {
	message: string;
	code: string;
	title: string;
	details: string[];
	/** The message of each field that was refused, by field name. */
	fields: Record<string, string>;
	/** What was posted, shown back so nothing typed is lost. */
	input: Record<string, string>;
}

export type Parsed<T, Extra> =
	{ ok: true; data: T; form: FormData; input: Record<string, string> } | { ok: false; failure: ActionFailure<FormRefusal & Extra> };

export interface ParseOptions<Extra> {
	/** 422 (the default): the form was read but a field is wrong. 400 where a page has always answered so. */
	status?: 400 | 422;
	/** The failure's code (default `invalid_form`). */
	code?: string;
	/** Page-specific fields of the failure (e.g. which of a page's forms failed). */
	extra?: Extra;
}

function formEntries(form: FormData): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [k, v] of form) out[k] = k in out ? [...(Array.isArray(out[k]) ? out[k] : [out[k]]), v] : v;
	return out;
}

/**
 * Reads a post (or takes a form already read) and parses it with `schema`. A body that
 * cannot be read is refused 413 (larger than BODY_SIZE_LIMIT) or 400 (cut short,
 * malformed) with nothing typed to show back; a field the schema refuses gives
 * `status` (422) with each field's message and every posted text value. The message
 * is the refused field's own when one field failed, else "some fields need correcting".
 */
export async function parseForm<S extends z.ZodType, Extra extends Record<string, unknown> = Record<never, never>>(
	source: Request | FormData,
	schema: S,
	options: ParseOptions<Extra> = {}
): Promise<Parsed<z.output<S>, Extra>> {
	const extra = (options.extra ?? {}) as Extra;
	let form: FormData;
	try {
		form = source instanceof FormData ? source : await readForm(source);
	} catch (e) {
		if (!(e instanceof InvalidInputError)) throw e;
		const refusal = { message: e.message, code: e.code, title: m.http_invalid_input(), details: [], fields: {}, input: {}, ...extra };
		return { ok: false, failure: fail(e.code === 'too_large' ? 413 : 400, refusal) };
	}
	const input = textFields(form);
	const result = schema.safeParse(formEntries(form));
	if (result.success) return { ok: true, data: result.data, form, input };
	const fields: Record<string, string> = {};
	for (const issue of result.error.issues) fields[String(issue.path[0] ?? '')] ??= issue.message;
	const names = Object.keys(fields);
	const refusal = {
		message: names.length === 1 ? fields[names[0]!]! : m.form_invalid(),
		code: options.code ?? 'invalid_form',
		title: m.http_invalid_input(),
		details: names.map((n) => `${n}: ${fields[n]}`),
		fields,
		input,
		...extra
	};
	return { ok: false, failure: fail(options.status ?? 422, refusal) };
}
