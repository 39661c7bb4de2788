import { z } from 'zod';
import { CONFIRM_VALUE } from '../../ui/confirm.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { failFrom } from './errors.ts';

/**
 * The edge of the edition workspace's actions (src/routes/admin/editions/[slug]/**): the zod
 * schemas of their forms (the mapping of refusals is errors.ts's).
 */

/** Runs an action; a domain error becomes its form failure through the one mapping (errors.ts), anything else is rethrown. */
export async function attempt<T>(run: () => Promise<T>) {
	try {
		return await run();
	} catch (e) {
		return failFrom(e);
	}
}

/** A text field: trimmed, an empty one is absent. */
const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined), z.string().max(500).optional());
const entityCode = z.preprocess((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v), z.string().min(1, 'enter an entity code').max(40));
const checkbox = z.preprocess((v) => v === 'on', z.boolean());

/** A datetime-local field's value (no zone) is read as UTC, as the edition's dates are. */
const utcLocal = (v: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v) ? `${v}Z` : v);

export const entityForm = z.object({ entity: entityCode });
/** The edition's title (length and blanks are the use case's rules: distribution/editions/title.ts). */
export const titleForm = z.object({ title: z.string({ message: 'enter a title' }).max(1000) });
/** Revoking is destructive: the ConfirmAction checkbox must come with it ($lib/ui/confirm). */
export const revokeForm = z.object({ entity: entityCode, confirm: z.literal(CONFIRM_VALUE, { message: 'tick the confirmation box to revoke the links' }) });
export const reissueForm = z.object({ entity: entityCode, send: checkbox });
export const extendForm = z.object({
	entity: z.preprocess(
		(v) => (typeof v === 'string' && v.trim() ? v.trim().toUpperCase() : undefined),
		z.string({ message: 'enter an entity code and a date' })
	),
	until: z.preprocess((v) => (typeof v === 'string' && v.trim() ? utcLocal(v.trim()) : undefined), z.string({ message: 'enter an entity code and a date' }))
});
export const contactForm = z.object({
	entity: z.preprocess(
		(v) => (typeof v === 'string' && v.trim() ? v.trim().toUpperCase() : undefined),
		z.string({ message: 'enter an entity code and an e-mail address' })
	),
	email: z.preprocess((v) => (typeof v === 'string' && v.trim() ? v.trim() : undefined), z.string({ message: 'enter an entity code and an e-mail address' })),
	name: optionalText,
	language: optionalText
});
export const remindForm = z.object({ region: optionalText, kind: optionalText, state: optionalText, daysBefore: optionalText });
export const stateForm = z.object({ to: optionalText, override_translations: checkbox, reason: optionalText });
export const datesForm = z.object({
	opens: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string()),
	closes: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string())
});
export const retryForm = z.object({ message: z.string({ message: 'choose a message' }).min(1, 'choose a message').max(64) });

/** The form's fields checked by `schema`; the first problem becomes an `InvalidInputError` (a 400 via `attempt`). */
export async function parseForm<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
	const form = await request.formData();
	const fields: Record<string, FormDataEntryValue> = {};
	for (const [k, v] of form.entries()) if (!(k in fields)) fields[k] = v;
	const parsed = schema.safeParse(fields);
	if (!parsed.success) throw new InvalidInputError(parsed.error.issues[0]?.message ?? 'the form could not be read');
	return parsed.data;
}
