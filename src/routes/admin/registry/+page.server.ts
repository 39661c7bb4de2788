import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { importRegistry } from '$lib/server/distribution/registry/import.ts';
import { MAX_REGISTRY_BYTES } from '$lib/server/import-worker/file-limits';
import { REGISTRY_COLUMNS } from '$lib/domain/registry/registry-rows';
import { entityCountsByKind, searchEntities } from '$lib/server/distribution/registry/edit.ts';
import { failFrom } from '$lib/server/http/errors';
import { field, parseForm } from '$lib/server/http/form';
import { guarded } from '$lib/server/http/guarded';

export const load: PageServerLoad = async ({ url }) => {
	const query = url.searchParams.get('q')?.trim() ?? '';
	const [found, byKind] = await Promise.all([query ? searchEntities(getDb(), query) : [], entityCountsByKind(getDb())]);
	return { byKind, columns: [...REGISTRY_COLUMNS], query, found };
};

const importForm = z.object({ file: field.file() });

/** Each action needs its permission (docs/access.md): the hooks only check the page's prefix. */
export const actions = {
	import: guarded('registry.manage', async ({ request }, user) => {
		const parsed = await parseForm(request, importForm);
		if (!parsed.ok) return parsed.failure;
		const { file } = parsed.data;
		if (!file) return fail(400, { message: 'choose a CSV or XLSX file', details: [] as string[] });
		if (file.size > MAX_REGISTRY_BYTES) return fail(413, { message: 'the file is too large', details: [] as string[] });
		try {
			const result = await importRegistry(getDb(), file.name, new Uint8Array(await file.arrayBuffer()), user.email);
			return { result, file: file.name };
		} catch (e) {
			return failFrom(e);
		}
	})
} satisfies Actions;
