import { fail, type Cookies } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db/instance';
import { previewDraft } from '$lib/server/authoring/preview.ts';
import type { SessionUser } from '$lib/server/access/session.ts';
import { edgeFailure, errorFrom } from '$lib/server/http/errors';
import { field, parseForm } from '$lib/server/http/form';

/** The preview's own fields, never answers. */
const CONTROL_FIELDS = new Set(['_action', '_page', '_revision', '_shown', '_answers', '_json']);

/** The control fields this post reads; the answers are every other text field. */
const previewForm = z.object({ _action: field.text(), _page: field.optional(), _answers: field.text(), _json: field.optional(), json: field.optional() });

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
export async function previewPost(event: { request: Request; locals: App.Locals; params: { slug: string }; url: URL }, user: SessionUser, maxBytes: number) {
	const { request, locals, params, url } = event;
	if (Number(request.headers.get('content-length') ?? 0) > maxBytes) return fail(413, { problem: 'the form is too large' });
	const parsed = await parseForm(request, previewForm);
	if (!parsed.ok) return parsed.failure;
	const { _action: action, _page, _answers, _json, json } = parsed.data;
	const fromRespondentForm = _page !== undefined;
	const posted = pageNumber(_page ?? '');
	const lang = /^lang:(.+)$/.exec(action)?.[1] ?? url.searchParams.get('lang');
	const page = action === 'next' ? posted + 1 : action === 'previous' ? Math.max(0, posted - 1) : posted;
	const text = _json ?? (fromRespondentForm ? undefined : json);
	const entries = [...parsed.form].filter(([k, v]) => !CONTROL_FIELDS.has(k) && typeof v === 'string') as [string, string][];
	try {
		const view = await previewDraft(getDb(), user, params.slug, {
			lang,
			page,
			answersJson: _answers,
			...(fromRespondentForm ? { posted: { page: posted, entries } } : {}),
			...(text !== undefined ? { jsonText: text } : {})
		});
		locals.lang = view.locale;
		locals.dir = view.dir;
		return { view };
	} catch (e) {
		// A refused answer or text is shown on the page; anything else is the error page.
		const { status, message, details } = edgeFailure(e);
		if (status !== 400) errorFrom(e);
		return fail(400, { problem: message, details });
	}
}
