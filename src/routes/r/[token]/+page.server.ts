import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { postRespondentPage, guardedRespondentLink, showRespondentPage } from '$lib/server/respondent/service.ts';
import { z } from 'zod';
import { edgeFailure } from '$lib/server/http/errors';
import { field, parseForm } from '$lib/server/http/form';
import { textDirection, toLocale } from '$lib/domain/locales';

/** Respondent pages are plain HTML forms: no JavaScript is needed or shipped. */
export const csr = false;

/** The button pressed (next, previous, save, submit, lang:<xx>); the answers are the page's own fields. */
const respondentForm = z.object({ _action: field.text() });

/** Form posts larger than this are refused before parsing (the largest page is far smaller). */
const MAX_FORM_BYTES = 256 * 1024;
/** A page with a file question posts multipart: its files are checked one by one (respondent/uploads.ts) within BODY_SIZE_LIMIT. */
const isMultipart = (request: Request) => (request.headers.get('content-type') ?? '').startsWith('multipart/form-data');

/** The client's address for the guessing throttle; null where the adapter cannot tell. */
function addressOf(event: { getClientAddress(): string }): string | null {
	try {
		return event.getClientAddress();
	} catch {
		return null;
	}
}

async function contextOrGone(event: { params: { token: string }; getClientAddress(): string; setHeaders(h: Record<string, string>): void }) {
	const db = getDb();
	const result = await guardedRespondentLink(db, addressOf(event), event.params.token);
	if (result.kind === 'refused') {
		event.setHeaders({ 'retry-after': String(result.retryAfterSeconds) });
		error(429, { message: 'too many attempts', code: 'too_many_attempts' });
	}
	// One answer for unknown, revoked and closed: nothing tells them apart.
	if (result.kind === 'gone') error(404, { message: 'invalid link', code: 'invalid_link' });
	return result.context;
}

function parsePage(value: string | null): number | null {
	return value !== null && /^\d{1,3}$/.test(value) ? Number(value) : null;
}

export const load: PageServerLoad = async (event) => {
	const { url, locals, setHeaders } = event;
	setHeaders({ 'cache-control': 'no-store' });
	const ctx = await contextOrGone(event);
	const requested = url.searchParams.has('review') ? ('review' as const) : parsePage(url.searchParams.get('page'));
	const view = await showRespondentPage(getDb(), ctx, requested, url.searchParams.get('lang'));
	locals.lang = view.locale;
	locals.dir = view.dir;
	return { view, saved: url.searchParams.has('saved') };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals, url } = event;
		const ctx = await contextOrGone(event);
		const length = Number(request.headers.get('content-length') ?? 0);
		if (length > MAX_FORM_BYTES && !isMultipart(request)) {
			return fail(413, { problem: { code: 'too_large', message: 'the form is too large' } });
		}
		// The answers are read by the survey's own rules (page-form.ts); here only the button.
		const parsed = await parseForm(request, respondentForm);
		if (!parsed.ok) return fail(parsed.failure.status, { problem: { code: parsed.failure.data.code, message: parsed.failure.data.message } });
		const form = parsed.form;
		try {
			const outcome = await postRespondentPage(getDb(), ctx, form);
			if (outcome.kind === 'redirect') {
				if (outcome.page === 'review') redirect(303, `${url.pathname}?review`);
				const saved = parsed.data._action === 'save' ? '&saved' : '';
				// The element ids are form-field safe (field-names.ts): a fragment as they are.
				const anchor = outcome.anchor ? `#${outcome.anchor}` : '';
				redirect(303, `${url.pathname}?page=${outcome.page}${saved}${anchor}`);
			}
			if (outcome.kind === 'submitted') redirect(303, url.pathname);
			locals.lang = outcome.view.locale;
			locals.dir = outcome.view.dir;
			// A conflict or newly revealed questions were saved (200, with a notice); an invalid page was saved but must be corrected.
			const page = outcome.view.page;
			const asking = outcome.view.notice === 'conflict' || (page?.revealed.length ?? 0) > 0;
			return asking && page?.questions.every((q) => q.errors.length === 0) ? { view: outcome.view } : fail(422, { view: outcome.view });
		} catch (e) {
			const { status, code, message } = edgeFailure(e);
			locals.dir = textDirection(toLocale(locals.lang));
			return fail(status, { problem: { code, message } });
		}
	}
};
