import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { readdir } from 'node:fs/promises';
import { getConfig, getDb } from '$lib/server/db/instance';
import { guardActions, requirePermission } from '$lib/server/access/guard.ts';
import { createEmptyDraft, duplicateToDraft, importDraft, importDraftFromSurveys, listLibrary } from '$lib/server/authoring/library.ts';
import { MAX_QUESTIONNAIRE_BYTES } from '$lib/domain/authoring/json-text';
import { InvalidInputError } from '$lib/domain/errors';
import { authorFailure, textFields } from './failure';
import { readForm } from '$lib/server/http/read-form';

async function surveyFiles(dir: string): Promise<string[]> {
	try {
		return (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
	} catch {
		return [];
	}
}

export const load: PageServerLoad = async ({ locals }) => {
	const user = requirePermission(locals, 'questionnaires.author');
	const [library, files] = await Promise.all([listLibrary(getDb(), user), surveyFiles(getConfig().surveysDir)]);
	return { library, files };
};

const str = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

const unguarded = {
	create: async ({ request, locals }) => {
		const form = await request.formData();
		try {
			const draft = await createEmptyDraft(getDb(), locals.user!, { slug: str(form, 'slug'), title: str(form, 'title') });
			redirect(303, `/admin/questionnaires/${draft.slug}/edit`);
		} catch (e) {
			return authorFailure(e, 'create', textFields(form));
		}
	},
	import: async ({ request, locals }) => {
		// Refused before reading when plainly too large; the service checks the text again.
		if (Number(request.headers.get('content-length') ?? 0) > MAX_QUESTIONNAIRE_BYTES + 64 * 1024) {
			return authorFailure(new InvalidInputError(`The file is larger than ${MAX_QUESTIONNAIRE_BYTES / 1024 / 1024} MB; nothing was stored.`, [], 'too_large'), 'import');
		}
		let form: FormData;
		try {
			form = await readForm(request);
		} catch (e) {
			return authorFailure(e, 'import');
		}
		const slug = str(form, 'slug');
		try {
			const file = form.get('file');
			const surveysFile = str(form, 'surveysFile');
			const draft =
				file instanceof File && file.size > 0
					? await importDraft(getDb(), locals.user!, { slug, text: await file.text(), source: `upload ${file.name}` })
					: surveysFile
						? await importDraftFromSurveys(getDb(), locals.user!, { slug, file: surveysFile, surveysDir: getConfig().surveysDir })
						: (() => {
								throw new InvalidInputError('Choose a JSON file to upload or a file of surveys/.', [], 'no_file');
							})();
			redirect(303, `/admin/questionnaires/${draft.slug}/edit`);
		} catch (e) {
			return authorFailure(e, 'import', { slug });
		}
	},
	duplicate: async ({ request, locals }) => {
		const form = await request.formData();
		const [fromSlug, from] = str(form, 'source').split('@');
		try {
			const draft = await duplicateToDraft(getDb(), locals.user!, { fromSlug: fromSlug ?? '', from: from ?? '', slug: str(form, 'slug') });
			redirect(303, `/admin/questionnaires/${draft.slug}/edit`);
		} catch (e) {
			return authorFailure(e, 'duplicate', textFields(form));
		}
	}
} satisfies Actions;

export const actions: Actions = guardActions(unguarded, 'questionnaires.author');
