import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { readdir } from 'node:fs/promises';
import { getConfig, getDb } from '$lib/server/db/instance';
import { z } from 'zod';
import { requirePermission } from '$lib/server/access/guard.ts';
import { createEmptyDraft, duplicateToDraft, importDraft, importDraftFromSurveys, listLibrary } from '$lib/server/authoring/library.ts';
import { MAX_QUESTIONNAIRE_BYTES } from '$lib/domain/authoring/json-text';
import { InvalidInputError } from '$lib/domain/errors';
import { authorFailure } from './failure';
import { readForm } from '$lib/server/http/read-form';
import { field, parseForm } from '$lib/server/http/form';
import { guarded } from '$lib/server/http/guarded';

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

const createForm = z.object({ slug: field.trimmed(), title: field.trimmed() });
const importForm = z.object({ slug: field.trimmed(), surveysFile: field.trimmed(), file: field.file() });
const duplicateForm = z.object({ source: field.trimmed(), slug: field.trimmed() });

export const actions = {
	create: guarded('questionnaires.author', async ({ request }, user) => {
		const parsed = await parseForm(request, createForm, { extra: { form: 'create' } });
		if (!parsed.ok) return parsed.failure;
		try {
			const draft = await createEmptyDraft(getDb(), user, parsed.data);
			redirect(303, `/admin/questionnaires/${draft.slug}/edit`);
		} catch (e) {
			return authorFailure(e, 'create', parsed.input);
		}
	}),
	import: guarded('questionnaires.author', async ({ request }, user) => {
		// Refused before reading when plainly too large; the service checks the text again.
		if (Number(request.headers.get('content-length') ?? 0) > MAX_QUESTIONNAIRE_BYTES + 64 * 1024) {
			return authorFailure(
				new InvalidInputError(`The file is larger than ${MAX_QUESTIONNAIRE_BYTES / 1024 / 1024} MB; nothing was stored.`, [], 'too_large'),
				'import'
			);
		}
		// Read here rather than by parseForm: a body over the server's limit is this form's 400, as it always was.
		let form: FormData;
		try {
			form = await readForm(request);
		} catch (e) {
			return authorFailure(e, 'import');
		}
		const parsed = await parseForm(form, importForm, { extra: { form: 'import' } });
		if (!parsed.ok) return parsed.failure;
		const { slug, surveysFile, file } = parsed.data;
		try {
			const draft = file
				? await importDraft(getDb(), user, { slug, text: await file.text(), source: `upload ${file.name}` })
				: surveysFile
					? await importDraftFromSurveys(getDb(), user, { slug, file: surveysFile, surveysDir: getConfig().surveysDir })
					: (() => {
							throw new InvalidInputError('Choose a JSON file to upload or a file of surveys/.', [], 'no_file');
						})();
			redirect(303, `/admin/questionnaires/${draft.slug}/edit`);
		} catch (e) {
			return authorFailure(e, 'import', { slug });
		}
	}),
	duplicate: guarded('questionnaires.author', async ({ request }, user) => {
		const parsed = await parseForm(request, duplicateForm, { extra: { form: 'duplicate' } });
		if (!parsed.ok) return parsed.failure;
		const [fromSlug, from] = parsed.data.source.split('@');
		try {
			const draft = await duplicateToDraft(getDb(), user, { fromSlug: fromSlug ?? '', from: from ?? '', slug: parsed.data.slug });
			redirect(303, `/admin/questionnaires/${draft.slug}/edit`);
		} catch (e) {
			return authorFailure(e, 'duplicate', parsed.input);
		}
	})
} satisfies Actions;
