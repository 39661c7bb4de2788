import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { guardActions, requirePermission } from '$lib/server/access/guard.ts';
import { loadMailTexts, removeMailTexts, saveMailEnglish, useEditableMailTexts } from '$lib/server/authoring/mail.ts';
import { NotFoundError } from '$lib/domain/errors';
import { MERGE_FIELDS } from '$lib/domain/mail/mail-texts';
import { authorFailure, textFields } from '../../../failure';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requirePermission(locals, 'questionnaires.author');
	try {
		return { ...(await loadMailTexts(getDb(), user, params.slug)), mergeFields: [...MERGE_FIELDS], confirmRemove: url.searchParams.has('remove'), saved: url.searchParams.has('saved') };
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: e.message });
		throw e;
	}
};

const str = (form: FormData, name: string) => String(form.get(name) ?? '');
const revisionOf = (form: FormData) => Number(str(form, 'revision') || NaN);

/** Runs one change; on success back to the page, else the report with the author's input. */
async function change(event: { request: Request; locals: App.Locals; params: { slug: string } }, formName: string, run: (form: FormData) => Promise<void>) {
	const form = await event.request.formData();
	try {
		await run(form);
	} catch (e) {
		return authorFailure(e, formName, textFields(form));
	}
	redirect(303, `/admin/questionnaires/${event.params.slug}/edit/mail?saved`);
}

const unguarded = {
	use: (e) => change(e, 'use', (f) => useEditableMailTexts(getDb(), e.locals.user!, e.params.slug, revisionOf(f))),
	save: (e) => change(e, 'save', (f) => saveMailEnglish(getDb(), e.locals.user!, e.params.slug, revisionOf(f), str(f, 'kind'), { subject: str(f, 'subject'), body: str(f, 'body'), bodyUndated: f.has('bodyUndated') ? str(f, 'bodyUndated') : undefined, button: str(f, 'button') })),
	remove: (e) => change(e, 'remove', (f) => removeMailTexts(getDb(), e.locals.user!, e.params.slug, revisionOf(f)))
} satisfies Actions;

export const actions: Actions = guardActions(unguarded, 'questionnaires.author');
