import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { guardActions, requirePermission } from '$lib/server/access/guard.ts';
import { slugOverview, publishDraft, createEditionForVersion } from '$lib/server/authoring/publish.ts';
import { diffChoices, diffRefs } from '$lib/server/authoring/diff.ts';
import { startNextDraft } from '$lib/server/authoring/library.ts';
import { DomainError, NotFoundError } from '$lib/domain/errors';
import { authorFailure, textFields } from '../failure';

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
		return { overview, choices, diff, diffError, from, to, lang, published: url.searchParams.get('published'), edition: url.searchParams.get('edition') };
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: e.message });
		throw e;
	}
};

const str = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

const unguarded = {
	startDraft: async ({ locals, params }) => {
		try {
			await startNextDraft(getDb(), locals.user!, params.slug);
		} catch (e) {
			return authorFailure(e, 'startDraft');
		}
		redirect(303, `/admin/questionnaires/${params.slug}/edit`);
	},
	publish: async ({ request, locals, params }) => {
		const form = await request.formData();
		let version;
		try {
			version = await publishDraft(getDb(), locals.user!, params.slug, Number(str(form, 'revision')));
		} catch (e) {
			return authorFailure(e, 'publish');
		}
		redirect(303, `/admin/questionnaires/${params.slug}?published=v${version.version}`);
	},
	createEdition: async ({ request, locals, params }) => {
		const form = await request.formData();
		let edition;
		try {
			edition = await createEditionForVersion(getDb(), locals.user!, {
				questionnaireSlug: params.slug,
				version: str(form, 'version'),
				slug: str(form, 'slug'),
				title: str(form, 'title'),
				opens: str(form, 'opens'),
				closes: str(form, 'closes')
			});
		} catch (e) {
			return authorFailure(e, 'createEdition', textFields(form));
		}
		redirect(303, `/admin/questionnaires/${params.slug}?edition=${edition.slug}`);
	}
} satisfies Actions;

export const actions: Actions = guardActions(unguarded, 'questionnaires.author');
