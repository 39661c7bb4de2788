import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { requireUser } from '$lib/server/access/guard.ts';
import { errorFrom, failFrom } from '$lib/server/http/errors';
import { field, parseForm } from '$lib/server/http/form';
import { guarded } from '$lib/server/http/guarded';
import { viewerFor } from '$lib/server/analysis/results.ts';
import { createTheme, tagComment } from '$lib/server/analysis/comments.ts';
import { commentsPage } from '$lib/server/analysis/pages.ts';

const FILTERS = ['question', 'region', 'language', 'theme'] as const;

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const user = requireUser(locals);
	const filter = Object.fromEntries(FILTERS.map((f) => [f, url.searchParams.get(f) || null])) as Record<(typeof FILTERS)[number], string | null>;
	try {
		return { ...(await commentsPage(getDb(), params.slug, user, filter)), query: url.search };
	} catch (e) {
		errorFrom(e);
	}
};

const themeForm = z.object({ name: field.text() });
const tagForm = z.object({ response: field.text(), question: field.text(), theme: field.text(), remove: field.text() });

/** The services check raw-data rights; the page has always answered other refusals with 400. */
export const actions: Actions = {
	theme: guarded('signed-in', async ({ params, request }, user) => {
		const parsed = await parseForm(request, themeForm, { status: 400 });
		if (!parsed.ok) return parsed.failure;
		try {
			await createTheme(getDb(), params.slug, parsed.data.name, viewerFor(user), user.email);
			return { ok: true };
		} catch (e) {
			return failFrom(e, {}, { refusal: 400 });
		}
	}),
	tag: guarded('signed-in', async ({ params, request }, user) => {
		const parsed = await parseForm(request, tagForm, { status: 400 });
		if (!parsed.ok) return parsed.failure;
		const { response, question, theme, remove } = parsed.data;
		try {
			await tagComment(getDb(), params.slug, { responseId: response, question, themeId: theme, remove: remove === '1' }, viewerFor(user), user.email);
			return { ok: true };
		} catch (e) {
			return failFrom(e, {}, { refusal: 400 });
		}
	})
};
