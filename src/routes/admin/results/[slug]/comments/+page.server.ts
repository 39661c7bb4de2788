import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { listRegions } from '$lib/server/distribution/reference-repository.ts';
import { viewerFor } from '$lib/server/analysis/results.ts';
import { createTheme, listComments, listThemes, tagComment, themeCounts } from '$lib/server/analysis/comments.ts';
import { loadEditionData } from '$lib/server/analysis/data.ts';
import { localize } from '$lib/domain/analysis/catalogue';
import { LOCALES, LOCALE_NATIVE_NAMES, surveyCoreLocale, toLocale } from '$lib/domain/locales';
import { DomainError } from '$lib/domain/errors';
import { toHttpError } from '../analysis-errors';

const FILTERS = ['question', 'region', 'language', 'theme'] as const;

export const load: PageServerLoad = async ({ params, url, locals }) => {
	if (!locals.user) redirect(303, '/login');
	const locale = toLocale(locals.user.language);
	const filter = Object.fromEntries(FILTERS.map((f) => [f, url.searchParams.get(f) || null])) as Record<(typeof FILTERS)[number], string | null>;
	try {
		const db = getDb();
		const viewer = viewerFor(locals.user);
		const comments = await listComments(db, params.slug, viewer, filter);
		const [themes, counts, regions, data] = await Promise.all([
			listThemes(db, params.slug),
			themeCounts(db, params.slug, viewer),
			listRegions(db),
			loadEditionData(db, params.slug)
		]);
		return {
			locale,
			slug: params.slug,
			title: data.edition.title,
			filter,
			comments,
			themes,
			counts,
			questions: data.catalogue.texts.map((q) => ({ name: q.name, title: localize(q.title, surveyCoreLocale(locale)) })),
			regions: regions.map((r) => ({ code: r.code, name: r.name[locale] ?? r.name.en ?? r.code })),
			languages: LOCALES.map((l) => ({ code: l, name: LOCALE_NATIVE_NAMES[l] })),
			query: url.search
		};
	} catch (e) {
		toHttpError(e);
	}
};

async function run(locals: App.Locals, work: (viewer: ReturnType<typeof viewerFor>, actor: string) => Promise<unknown>) {
	if (!locals.user) redirect(303, '/login');
	try {
		await work(viewerFor(locals.user), locals.user.email);
		return { ok: true };
	} catch (e) {
		if (e instanceof DomainError) return fail(e.code === 'forbidden' ? 403 : 400, { message: e.message });
		throw e;
	}
}

export const actions: Actions = {
	theme: async ({ params, request, locals }) => {
		const form = await request.formData();
		return run(locals, (viewer, actor) => createTheme(getDb(), params.slug, String(form.get('name') ?? ''), viewer, actor));
	},
	tag: async ({ params, request, locals }) => {
		const form = await request.formData();
		const input = {
			responseId: String(form.get('response') ?? ''),
			question: String(form.get('question') ?? ''),
			themeId: String(form.get('theme') ?? ''),
			remove: form.get('remove') === '1'
		};
		return run(locals, (viewer, actor) => tagComment(getDb(), params.slug, input, viewer, actor));
	}
};
