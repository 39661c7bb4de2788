import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { requirePermission } from '$lib/server/access/guard.ts';
import { errorFrom } from '$lib/server/http/errors';
import { guarded } from '$lib/server/http/guarded';
import { previewDraft } from '$lib/server/authoring/preview.ts';
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
		errorFrom(e);
	}
};

export const actions = {
	/** The respondent form's buttons: next, previous, save (stay), lang:<xx>. Nothing is stored. */
	default: guarded('questionnaires.author', (event, user) => previewPost(event, user, MAX_FORM_BYTES))
} satisfies Actions;
