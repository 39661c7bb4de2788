import { error, fail } from '@sveltejs/kit';
import { guardedAll } from '$lib/server/http/guarded';
import { failFrom } from '$lib/server/http/errors';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/access/guard.ts';
import { getDb } from '$lib/server/db/instance';
import { readForm } from '$lib/server/http/read-form';
import { addQuotation, importSecretariatTexts, saveSecretariatTexts, secretariatTextsOverview } from '$lib/server/analysis/report-secretariat-edit';
import { quotableAnswers } from '$lib/server/analysis/report/quotable-answers';
import { NotFoundError } from '$lib/domain/errors';
import { isLocale, type Locale } from '$lib/domain/locales';
import { isSecretariatKey } from '$lib/domain/report/secretariat-strings';

/** The Secretariat's texts of an edition's Council report, one language at a time (?lang=, English first). */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	requirePermission(locals, 'analysis.manage');
	const lang = url.searchParams.get('lang');
	const locale: Locale = isLocale(lang) ? lang : 'en';
	try {
		const overview = await secretariatTextsOverview(getDb(), params.slug);
		// The open answers to quote from, on the English page only (quotations are written in English, then translated).
		const theme = url.searchParams.get('theme');
		const answers = locale === 'en' ? await quotableAnswers(getDb(), params.slug, locals.user!, theme) : null;
		return { locale, answers, overview: { ...overview, edition: { slug: overview.edition.slug, title: overview.edition.title } } };
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: e.message });
		throw e;
	}
};

const field = (form: FormData, name: string) => String(form.get(name) ?? '');
const actor = (locals: App.Locals) => locals.user?.email ?? 'unknown';

const unguarded = {
	save: async ({ params, locals, request }) => {
		const form = await request.formData();
		const locale = field(form, 'locale');
		const pick = (prefix: string) =>
			Object.fromEntries(
				[...form.keys()].filter((k) => k.startsWith(prefix) && isSecretariatKey(k.slice(prefix.length))).map((k) => [k.slice(prefix.length), field(form, k)])
			);
		try {
			const version = await saveSecretariatTexts(getDb(), actor(locals), params.slug, {
				locale,
				version: Number(field(form, 'version')),
				texts: pick('text.'),
				statuses: pick('status.'),
				...(form.has('documentDate') ? { documentDate: field(form, 'documentDate') } : {}),
				...(form.has('originalLanguage') ? { originalLanguage: field(form, 'originalLanguage') } : {})
			});
			return { done: 'save' as const, version };
		} catch (e) {
			return failFrom(e);
		}
	},
	quote: async ({ params, locals, request }) => {
		const form = await request.formData();
		try {
			const version = await addQuotation(getDb(), actor(locals), params.slug, { version: Number(field(form, 'version')), text: field(form, 'text') });
			return { done: 'quote' as const, version };
		} catch (e) {
			return failFrom(e);
		}
	},
	import: async ({ params, locals, request }) => {
		try {
			const form = await readForm(request);
			const file = form.get('file');
			const data = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
			const report = await importSecretariatTexts(getDb(), actor(locals), params.slug, field(form, 'locale'), field(form, 'format'), data);
			if (!report.ok) return fail(422, { problems: report.problems });
			return { done: 'import' as const, applied: report.applied };
		} catch (e) {
			return failFrom(e);
		}
	}
} satisfies Actions;

export const actions: Actions = guardedAll('analysis.manage', unguarded);
