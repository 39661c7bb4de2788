import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { guardActions, requirePermission } from '$lib/server/access/guard.ts';
import { previewDraft } from '$lib/server/authoring/preview.ts';
import { NotFoundError } from '$lib/domain/errors';
import { MAX_QUESTIONNAIRE_BYTES } from '$lib/domain/authoring/json-text';
import { pageNumber, previewPost, rememberPreviewLang } from '../../preview-post';

/**
 * The editor's preview pane: the preview page without the admin bar (`+page@.svelte`),
 * the only page our own origin may frame (src/hooks.server.ts). The editor's JSON form
 * posts its unsaved text here (target = the frame) to preview it without storing it.
 */

/** The answers, plus the unsaved JSON text (up to 2 MB, which URL-encoding can triple). */
const MAX_FORM_BYTES = 256 * 1024 + 3 * MAX_QUESTIONNAIRE_BYTES;

export const load: PageServerLoad = async ({ locals, params, url, cookies }) => {
	const user = requirePermission(locals, 'questionnaires.author');
	try {
		const view = await previewDraft(getDb(), user, params.slug, { lang: url.searchParams.get('lang'), page: pageNumber(url.searchParams.get('page')) });
		locals.lang = view.locale;
		locals.dir = view.dir;
		rememberPreviewLang(cookies, view.locale);
		return { slug: params.slug, view };
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: e.message });
		throw e;
	}
};

const unguarded = {
	/** The respondent form's buttons, or the editor's JSON form (its unsaved text). Nothing is stored. */
	default: async (event) => {
		const result = await previewPost(event, MAX_FORM_BYTES);
		if ('view' in result) rememberPreviewLang(event.cookies, result.view.locale);
		return result;
	}
} satisfies Actions;

export const actions: Actions = guardActions(unguarded, 'questionnaires.author');
