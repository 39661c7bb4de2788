import { fail } from '@sveltejs/kit';
import { guardActions } from '$lib/server/access/guard.ts';
import type { Actions, PageServerLoad } from './$types';
import { sql } from 'kysely';
import { getDb } from '$lib/server/db/instance';
import { importRegistry } from '$lib/server/distribution/registry/import.ts';
import { MAX_REGISTRY_BYTES } from '$lib/server/import-worker/file-limits';
import { InvalidInputError } from '$lib/domain/errors';
import { REGISTRY_COLUMNS } from '$lib/domain/registry/registry-rows';
import { searchEntities } from '$lib/server/distribution/registry/edit.ts';
import { readForm } from '$lib/server/http/read-form';

export const load: PageServerLoad = async ({ url }) => {
	const query = url.searchParams.get('q')?.trim() ?? '';
	const found = query ? await searchEntities(getDb(), query) : [];
	const byKind = await getDb()
		.selectFrom('entity')
		.select(['kind', sql<number>`count(*)`.as('n')])
		.groupBy('kind')
		.orderBy('kind')
		.execute();
	return { byKind: byKind.map((k) => ({ kind: k.kind, n: Number(k.n) })), columns: [...REGISTRY_COLUMNS], query, found };
};

const unguarded: Actions = {
	// Role to require (access issue): coordinator.
	import: async ({ request, locals }) => {
		let form: FormData;
		try {
			form = await readForm(request);
		} catch (e) {
			if (e instanceof InvalidInputError) return fail(e.code === 'too_large' ? 413 : 400, { message: e.message, problems: [] as string[] });
			throw e;
		}
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { message: 'choose a CSV or XLSX file', problems: [] as string[] });
		if (file.size > MAX_REGISTRY_BYTES) return fail(413, { message: 'the file is too large', problems: [] as string[] });
		try {
			const result = await importRegistry(getDb(), file.name, new Uint8Array(await file.arrayBuffer()), locals.user?.email ?? 'unknown');
			return { result, file: file.name };
		} catch (e) {
			if (e instanceof InvalidInputError) return fail(400, { message: e.message, problems: [...e.details] });
			throw e;
		}
	}
};


/** Each action needs its permission (docs/access.md): the hooks only check the page's prefix. */
export const actions: Actions = guardActions(unguarded, 'registry.manage');
