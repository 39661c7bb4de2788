import { error, fail, type Cookies } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/instance';
import { previewDraft } from '$lib/server/authoring/preview.ts';
import { InvalidInputError, NotFoundError } from '$lib/domain/errors';

/** The preview's own fields, never answers. */
const CONTROL_FIELDS = new Set(['_action', '_page', '_revision', '_shown', '_answers', '_json']);

/**
 * The preview pane's language, remembered for the editor's next load (a save reloads the
 * page): set by the frame itself, so it works without script too.
 */
export const PREVIEW_LANG_COOKIE = 'rps_preview_lang';
const PREVIEW_LANG_MAX_AGE_S = 30 * 24 * 60 * 60;

export function rememberPreviewLang(cookies: Cookies, lang: string): void {
	cookies.set(PREVIEW_LANG_COOKIE, lang, { path: '/admin/questionnaires', httpOnly: true, sameSite: 'strict', maxAge: PREVIEW_LANG_MAX_AGE_S });
}

export const pageNumber = (raw: string | null) => (raw && /^\d{1,3}$/.test(raw) ? Number(raw) : 0);

/**
 * A post to a preview page (the full page or the editor's frame): the respondent
 * form's buttons (next, previous, save, lang:<xx>) with the answers so far, or the
 * editor's JSON form (a `json` field and no `_page`), whose text is previewed
 * unsaved; the unsaved text travels on as `_json`. Nothing is stored.
 */
export async function previewPost(event: { request: Request; locals: App.Locals; params: { slug: string }; url: URL }, maxBytes: number) {
	const { request, locals, params, url } = event;
	if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return fail(413, { problem: 'the form is too large' });
	const form = await request.formData();
	const action = String(form.get('_action') ?? '');
	const fromRespondentForm = form.has('_page');
	const posted = pageNumber(String(form.get('_page') ?? ''));
	const lang = /^lang:(.+)$/.exec(action)?.[1] ?? url.searchParams.get('lang');
	const page = action === 'next' ? posted + 1 : action === 'previous' ? Math.max(0, posted - 1) : posted;
	const text = form.get('_json') ?? (fromRespondentForm ? null : form.get('json'));
	const entries = [...form].filter(([k, v]) => !CONTROL_FIELDS.has(k) && typeof v === 'string') as [string, string][];
	try {
		const view = await previewDraft(getDb(), locals.user!, params.slug, {
			lang,
			page,
			answersJson: String(form.get('_answers') ?? ''),
			...(fromRespondentForm ? { posted: { page: posted, entries } } : {}),
			...(typeof text === 'string' ? { jsonText: text } : {})
		});
		locals.lang = view.locale;
		locals.dir = view.dir;
		return { view };
	} catch (e) {
		if (e instanceof InvalidInputError) return fail(400, { problem: e.message, details: [...e.details] });
		if (e instanceof NotFoundError) error(404, { message: e.message });
		throw e;
	}
}
