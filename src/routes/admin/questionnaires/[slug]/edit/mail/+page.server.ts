import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { requirePermission } from '$lib/server/access/guard.ts';
import { loadMailTexts, removeMailTexts, saveMailEnglish, useEditableMailTexts } from '$lib/server/authoring/mail.ts';
import { MERGE_FIELDS } from '$lib/domain/mail/mail-texts';
import { authorFailure } from '../../../failure';
import { errorFrom } from '$lib/server/http/errors';
import { field, parseForm } from '$lib/server/http/form';
import { guarded } from '$lib/server/http/guarded';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requirePermission(locals, 'questionnaires.author');
	try {
		return {
			...(await loadMailTexts(getDb(), user, params.slug)),
			mergeFields: [...MERGE_FIELDS],
			confirmRemove: url.searchParams.has('remove'),
			saved: url.searchParams.has('saved')
		};
	} catch (e) {
		errorFrom(e);
	}
};

const revisionForm = z.object({ revision: field.text(z.string().transform((r) => Number(r || NaN))) });
const saveForm = revisionForm.extend({ kind: field.text(), subject: field.text(), body: field.text(), bodyUndated: field.optional(), button: field.text() });

/** Runs one change; on success back to the page, else the report with the author's input. */
async function change<S extends z.ZodType>(
	event: { request: Request; params: { slug: string } },
	formName: string,
	schema: S,
	run: (data: z.output<S>) => Promise<void>
) {
	const parsed = await parseForm(event.request, schema, { extra: { form: formName } });
	if (!parsed.ok) return parsed.failure;
	try {
		await run(parsed.data);
	} catch (e) {
		return authorFailure(e, formName, parsed.input);
	}
	redirect(303, `/admin/questionnaires/${event.params.slug}/edit/mail?saved`);
}

const author = 'questionnaires.author';

export const actions = {
	use: guarded(author, (e, user) => change(e, 'use', revisionForm, (d) => useEditableMailTexts(getDb(), user, e.params.slug, d.revision))),
	save: guarded(author, (e, user) =>
		change(e, 'save', saveForm, ({ revision, kind, ...text }) => saveMailEnglish(getDb(), user, e.params.slug, revision, kind, text))
	),
	remove: guarded(author, (e, user) => change(e, 'remove', revisionForm, (d) => removeMailTexts(getDb(), user, e.params.slug, d.revision)))
} satisfies Actions;
