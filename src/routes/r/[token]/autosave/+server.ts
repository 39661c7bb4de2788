import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/instance';
import { autosaveRespondentPage, guardedRespondentLink } from '$lib/server/respondent/service.ts';
import { jsonFrom } from '$lib/server/http/errors';
import { readForm } from '$lib/server/http/read-form';

/** Same limit as a page post: an autosave carries one page's fields. */
const MAX_FORM_BYTES = 256 * 1024;

/**
 * Autosave for respondents with JavaScript (src/lib/client/respondent.js): the page's fields,
 * saved without validation or navigation. Answers JSON with the new revision so the
 * next save is not mistaken for someone else's; a conflict is reported, not hidden.
 */
export const POST: RequestHandler = async ({ params, request, getClientAddress }) => {
	let address: string | null;
	try {
		address = getClientAddress();
	} catch {
		address = null;
	}
	const db = getDb();
	const found = await guardedRespondentLink(db, address, params.token);
	if (found.kind === 'refused')
		return json({ ok: false, code: 'too_many_attempts' }, { status: 429, headers: { 'retry-after': String(found.retryAfterSeconds) } });
	if (found.kind === 'gone') return json({ ok: false, code: 'invalid_link' }, { status: 404 });
	const ctx = found.context;
	if (Number(request.headers.get('content-length') ?? 0) > MAX_FORM_BYTES) return json({ ok: false, code: 'too_large' }, { status: 413 });
	let form: FormData;
	try {
		form = await readForm(request);
	} catch (e) {
		return jsonFrom(e);
	}
	form.set('_action', 'save');
	try {
		const outcome = await autosaveRespondentPage(db, ctx, form);
		if (outcome.kind === 'submitted') return json({ ok: false, code: 'already_submitted' }, { status: 409 });
		return json({ ok: true, revision: outcome.revision, conflict: outcome.conflict });
	} catch (e) {
		return jsonFrom(e);
	}
};
