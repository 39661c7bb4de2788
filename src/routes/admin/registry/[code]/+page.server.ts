import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { clearBounce, entityDetails, updateEntity } from '$lib/server/distribution/registry/edit.ts';
import { addEntityContact } from '$lib/server/distribution/invitations/invitations.ts';
import { REGISTRY_KINDS } from '$lib/domain/registry/registry-rows';
import { errorFrom, failFrom } from '$lib/server/http/errors';
import { field, parseForm } from '$lib/server/http/form';
import { guarded } from '$lib/server/http/guarded';

export const load: PageServerLoad = async ({ params }) => {
	try {
		return { entity: await entityDetails(getDb(), params.code), kinds: [...REGISTRY_KINDS] };
	} catch (e) {
		errorFrom(e);
	}
};

const entityForm = z.object({
	kind: field.trimmed(),
	name: field.trimmed(),
	country: field.trimmed(),
	region: field.trimmed(),
	language: field.trimmed(),
	sectors: field.list()
});
const contactForm = z.object({ name: field.trimmed(), email: field.trimmed(), language: field.trimmed() });
const bounceForm = z.object({ email: field.trimmed() });

/** Runs one change: `{ saved }`, or the service's refusal with its details. */
async function attempt(run: () => Promise<unknown>) {
	try {
		await run();
		return { saved: true };
	} catch (e) {
		return failFrom(e);
	}
}

/** Each action needs its permission (docs/access.md): the hooks only check the page's prefix. */
export const actions = {
	update: guarded('registry.manage', async ({ params, request }, user) => {
		const parsed = await parseForm(request, entityForm);
		if (!parsed.ok) return parsed.failure;
		return attempt(() => updateEntity(getDb(), params.code, { ...parsed.data, sectors: parsed.data.sectors.join(' ') }, user.email));
	}),
	addContact: guarded('registry.manage', async ({ params, request }, user) => {
		const parsed = await parseForm(request, contactForm);
		if (!parsed.ok) return parsed.failure;
		return attempt(() => addEntityContact(getDb(), params.code, { ...parsed.data, language: parsed.data.language || null }, user.email));
	}),
	clearBounce: guarded('registry.manage', async ({ params, request }, user) => {
		const parsed = await parseForm(request, bounceForm);
		if (!parsed.ok) return parsed.failure;
		return attempt(() => clearBounce(getDb(), params.code, parsed.data.email, user.email));
	})
} satisfies Actions;
