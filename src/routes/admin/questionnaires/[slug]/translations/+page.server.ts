import { error, fail } from '@sveltejs/kit';
import { guardedAll } from '$lib/server/http/guarded';
import { failFrom } from '$lib/server/http/errors';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { editCell, loadWorkbench, markReviewed, parseWorkbenchFilter } from '$lib/server/translation/service.ts';
import { importTranslations } from '$lib/server/translation/files.ts';
import { NotFoundError } from '$lib/domain/errors';
import { readForm } from '$lib/server/http/read-form';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const filter = parseWorkbenchFilter(url.searchParams);
	try {
		return { filter, lang: locals.lang ?? 'en', workbench: await loadWorkbench(getDb(), params.slug, filter) };
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: e.message });
		throw e;
	}
};

const actor = (locals: App.Locals) => locals.user?.email ?? 'unknown';
const field = (form: FormData, name: string) => String(form.get(name) ?? '');

async function attempt<T>(run: () => Promise<T>) {
	try {
		return await run();
	} catch (e) {
		return failFrom(e);
	}
}

const unguarded = {
	edit: async ({ params, locals, request }) => {
		const form = await request.formData();
		const key = field(form, 'key');
		return attempt(async () => {
			const revision = await editCell(
				getDb(),
				params.slug,
				{ key, locale: field(form, 'locale'), text: field(form, 'text'), status: field(form, 'status'), revision: Number(field(form, 'revision')) },
				actor(locals)
			);
			return { done: 'edit' as const, key, revision };
		});
	},
	review: async ({ params, locals, request }) => {
		const form = await request.formData();
		return attempt(async () => {
			const count = await markReviewed(
				getDb(),
				params.slug,
				{ locale: field(form, 'locale'), keys: form.getAll('key').map(String), revision: Number(field(form, 'revision')) },
				actor(locals)
			);
			return { done: 'review' as const, count };
		});
	},
	import: async ({ params, locals, request }) => {
		const report = await attempt(async () => {
			const form = await readForm(request);
			const file = form.get('file');
			const data = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
			return importTranslations(getDb(), params.slug, field(form, 'locale'), field(form, 'format'), data, actor(locals));
		});
		if ('ok' in report && !report.ok) return fail(422, { problems: report.problems });
		if ('ok' in report) return { done: 'import' as const, applied: report.applied };
		return report;
	}
} satisfies Actions;

export const actions: Actions = guardedAll('questionnaires.author', unguarded);
