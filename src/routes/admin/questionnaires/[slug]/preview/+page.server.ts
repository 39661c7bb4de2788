import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { guardActions, requirePermission } from '$lib/server/access/guard.ts';
import { previewDraft } from '$lib/server/authoring/preview.ts';
import { NotFoundError } from '$lib/domain/errors';
import { pageNumber, previewPost } from '../../preview-post';

/** Form posts larger than this are refused before parsing (as on the respondent page). */
const MAX_FORM_BYTES = 256 * 1024;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const user = requirePermission(locals, 'questionnaires.author');
	try {
		const view = await previewDraft(getDb(), user, params.slug, { lang: url.searchParams.get('lang'), page: pageNumber(url.searchParams.get('page')) });
		locals.lang = view.locale;
		locals.dir = view.dir;
		return { slug: params.slug, view };
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: e.message });
		throw e;
	}
};

const unguarded = {
	/** The respondent form's buttons: next, previous, save (stay), lang:<xx>. Nothing is stored. */
	default: (event) => previewPost(event, MAX_FORM_BYTES)
} satisfies Actions;

export const actions: Actions = guardActions(unguarded, 'questionnaires.author');
