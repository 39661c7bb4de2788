import { error, fail } from '@sveltejs/kit';
import { guardActions } from '$lib/server/access/guard.ts';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { clearBounce, entityDetails, updateEntity } from '$lib/server/distribution/registry/edit.ts';
import { addEntityContact } from '$lib/server/distribution/invitations.ts';
import { REGISTRY_KINDS } from '$lib/domain/registry/registry-rows';
import { ConflictError, InvalidInputError, NotFoundError } from '$lib/domain/errors';

export const load: PageServerLoad = async ({ params }) => {
	try {
		return { entity: await entityDetails(getDb(), params.code), kinds: [...REGISTRY_KINDS] };
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: e.message });
		throw e;
	}
};

const field = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v.trim() : '';
};

async function attempt(run: () => Promise<unknown>) {
	try {
		await run();
		return { saved: true };
	} catch (e) {
		if (e instanceof InvalidInputError) return fail(400, { message: e.message, problems: [...e.details] });
		if (e instanceof NotFoundError) return fail(404, { message: e.message, problems: [] as string[] });
		if (e instanceof ConflictError) return fail(409, { message: e.message, problems: [] as string[] });
		throw e;
	}
}

// Every action here should require the coordinator role once the access issue lands.
const unguarded: Actions = {
	update: async ({ params, request, locals }) => {
		const form = await request.formData();
		const edit = { kind: field(form, 'kind'), name: field(form, 'name'), country: field(form, 'country'), region: field(form, 'region'), language: field(form, 'language'), sectors: form.getAll('sectors').join(' ') };
		return attempt(() => updateEntity(getDb(), params.code, edit, locals.user?.email ?? 'unknown'));
	},
	addContact: async ({ params, request, locals }) => {
		const form = await request.formData();
		return attempt(() => addEntityContact(getDb(), params.code, { name: field(form, 'name'), email: field(form, 'email'), language: field(form, 'language') || null }, locals.user?.email ?? 'unknown'));
	},
	clearBounce: async ({ params, request, locals }) => {
		const form = await request.formData();
		return attempt(() => clearBounce(getDb(), params.code, field(form, 'email'), locals.user?.email ?? 'unknown'));
	}
};


/** Each action needs its permission (docs/access.md): the hooks only check the page's prefix. */
export const actions: Actions = guardActions(unguarded, 'registry.manage');
