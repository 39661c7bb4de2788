import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { requirePermission } from '$lib/server/access/guard.ts';
import { slugOverview, publishDraft, createEditionForVersion } from '$lib/server/authoring/publish.ts';
import { diffChoices, diffRefs } from '$lib/server/authoring/diff.ts';
import { startNextDraft } from '$lib/server/authoring/library.ts';
import { DomainError, NotFoundError } from '$lib/domain/errors';
import { authorFailure } from '../failure';
import { field, parseForm } from '$lib/server/http/form';
import { guarded } from '$lib/server/http/guarded';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requirePermission(locals, 'questionnaires.author');
	const db = getDb();
	try {
		const [overview, choices] = await Promise.all([slugOverview(db, user, params.slug), diffChoices(db, params.slug)]);
		const from = url.searchParams.get('from');
		const to = url.searchParams.get('to');
		const lang = url.searchParams.get('lang');
		let diff = null;
		let diffError = null;
		if (from && to) {
			try {
				diff = await diffRefs(db, user, params.slug, { from, to, locale: lang });
			} catch (e) {
				if (!(e instanceof DomainError)) throw e;
				diffError = e.message;
			}
		}
		return {
			overview,
			choices,
			diff,
			diffError,
			from,
			to,
			lang,
			published: url.searchParams.get('published'),
			edition: url.searchParams.get('edition')
		};
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: e.message });
		throw e;
	}
};

const publishForm = z.object({ revision: field.trimmed(z.string().transform(Number)) });
const editionForm = z.object({ version: field.trimmed(), slug: field.trimmed(), title: field.trimmed(), opens: field.trimmed(), closes: field.trimmed() });

export const actions = {
	startDraft: guarded('questionnaires.author', async ({ params }, user) => {
		try {
			await startNextDraft(getDb(), user, params.slug);
		} catch (e) {
			return authorFailure(e, 'startDraft');
		}
		redirect(303, `/admin/questionnaires/${params.slug}/edit`);
	}),
	publish: guarded('questionnaires.author', async ({ request, params }, user) => {
		const parsed = await parseForm(request, publishForm, { extra: { form: 'publish' } });
		if (!parsed.ok) return parsed.failure;
		let version;
		try {
			version = await publishDraft(getDb(), user, params.slug, parsed.data.revision);
		} catch (e) {
			return authorFailure(e, 'publish');
		}
		redirect(303, `/admin/questionnaires/${params.slug}?published=v${version.version}`);
	}),
	createEdition: guarded('questionnaires.author', async ({ request, params }, user) => {
		const parsed = await parseForm(request, editionForm, { extra: { form: 'createEdition' } });
		if (!parsed.ok) return parsed.failure;
		let edition;
		try {
			edition = await createEditionForVersion(getDb(), user, { questionnaireSlug: params.slug, ...parsed.data });
		} catch (e) {
			return authorFailure(e, 'createEdition', parsed.input);
		}
		redirect(303, `/admin/questionnaires/${params.slug}?edition=${edition.slug}`);
	})
} satisfies Actions;
