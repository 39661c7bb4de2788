import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { guardActions, requirePermission } from '$lib/server/auth/guard';
import { previewDraft } from '$lib/server/services/authoring-preview';
import { InvalidInputError, NotFoundError } from '$lib/domain/errors';

/** Form posts larger than this are refused before parsing (as on the respondent page). */
const MAX_FORM_BYTES = 256 * 1024;
const CONTROL_FIELDS = new Set(['_action', '_page', '_revision', '_answers']);

const pageNumber = (raw: string | null) => (raw && /^\d{1,3}$/.test(raw) ? Number(raw) : 0);

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
	default: async ({ request, locals, params, url }) => {
		if (Number(request.headers.get('content-length') ?? 0) > MAX_FORM_BYTES) return fail(413, { problem: 'the form is too large' });
		const form = await request.formData();
		const action = String(form.get('_action') ?? '');
		const posted = pageNumber(String(form.get('_page') ?? ''));
		const lang = /^lang:(.+)$/.exec(action)?.[1] ?? url.searchParams.get('lang');
		const page = action === 'next' ? posted + 1 : action === 'previous' ? Math.max(0, posted - 1) : posted;
		const entries = [...form].filter(([k, v]) => !CONTROL_FIELDS.has(k) && typeof v === 'string') as [string, string][];
		try {
			const view = await previewDraft(getDb(), locals.user!, params.slug, { lang, page, answersJson: String(form.get('_answers') ?? ''), posted: { page: posted, entries } });
			locals.lang = view.locale;
			locals.dir = view.dir;
			return { view };
		} catch (e) {
			if (e instanceof InvalidInputError) return fail(400, { problem: e.message });
			if (e instanceof NotFoundError) error(404, { message: e.message });
			throw e;
		}
	}
} satisfies Actions;

export const actions: Actions = guardActions(unguarded, 'questionnaires.author');
