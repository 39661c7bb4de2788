import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { postRespondentPage, resolveRespondentLink, showRespondentPage } from '$lib/server/respondent/service.ts';
import { resolveGuarded } from '$lib/server/respondent/link-guard.ts';
import { InvalidInputError } from '$lib/domain/errors';
import { textDirection, toLocale } from '$lib/domain/locales';

/** Respondent pages are plain HTML forms: no JavaScript is needed or shipped. */
export const csr = false;

/** Form posts larger than this are refused before parsing (the largest page is far smaller). */
const MAX_FORM_BYTES = 256 * 1024;

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
	const result = await resolveGuarded(db, addressOf(event), () => resolveRespondentLink(db, event.params.token));
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
		if (length > MAX_FORM_BYTES) {
			return fail(413, { problem: { code: 'too_large', message: 'the form is too large' } });
		}
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			return fail(400, { problem: { code: 'malformed_form', message: 'the form could not be read' } });
		}
		try {
			const outcome = await postRespondentPage(getDb(), ctx, form);
			if (outcome.kind === 'redirect') {
				if (outcome.page === 'review') redirect(303, `${url.pathname}?review`);
				const saved = form.get('_action') === 'save' ? '&saved' : '';
				redirect(303, `${url.pathname}?page=${outcome.page}${saved}`);
			}
			if (outcome.kind === 'submitted') redirect(303, url.pathname);
			locals.lang = outcome.view.locale;
			locals.dir = outcome.view.dir;
			// A conflict or newly revealed questions were saved (200, with a notice); an invalid page was saved but must be corrected.
			const page = outcome.view.page;
			const asking = outcome.view.notice === 'conflict' || (page?.revealed.length ?? 0) > 0;
			return asking && page?.questions.every((q) => q.errors.length === 0) ? { view: outcome.view } : fail(422, { view: outcome.view });
		} catch (e) {
			if (e instanceof InvalidInputError) {
				const locale = toLocale(locals.lang);
				locals.dir = textDirection(locale);
				return fail(400, { problem: { code: e.code, message: e.message } });
			}
			throw e;
		}
	}
};
