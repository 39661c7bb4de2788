import { error, fail, redirect } from '@sveltejs/kit';
import { guarded, guardedAll } from '$lib/server/http/guarded';
import { regionScope, requirePermission } from '$lib/server/access/guard.ts';
import { getConfig, getDb } from '$lib/server/db/instance';
import { respondentsView } from '$lib/server/distribution/editions/respondents.ts';
import { addEntityContact, extendEntity, reissueEntityLink, revokeEntityLinks } from '$lib/server/distribution/invitations/invitations.ts';
import { startOnBehalfEntry } from '$lib/server/distribution/invitations/on-behalf.ts';
import { attempt, contactForm, entityForm, extendForm, parseForm, reissueForm, revokeForm } from '$lib/server/http/edition-forms';
import { parseRespondentQuery } from '$lib/domain/invitation/respondent-list';
import { NotFoundError } from '$lib/domain/errors';
import type { Actions, PageServerLoad } from './$types';

const actor = (locals: App.Locals) => locals.user?.email ?? 'unknown';

/** One row per invited entity; search, filters, sort and page come from the query string (works without JavaScript). */
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const user = requirePermission(locals, 'tracking.read');
	// A regional office sees its own region's entities and focal points only (docs/access.md).
	const scope = regionScope(user, 'tracking.read');
	if (scope === null) error(403, { message: 'Your role does not give access to this page.', code: 'forbidden' });
	try {
		return await respondentsView(getDb(), params.slug, scope, parseRespondentQuery(url.searchParams));
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: e.message });
		throw e;
	}
};

const unguarded = {
	reissue: async ({ params, locals, request }) =>
		attempt(async () => {
			const form = await parseForm(request, reissueForm);
			const r = await reissueEntityLink(getDb(), params.slug, form.entity, getConfig().publicUrl, actor(locals), form.send);
			return { done: 'reissued', entity: form.entity, url: r.url, queued: r.queued };
		}),
	revoke: async ({ params, locals, request }) =>
		attempt(async () => {
			const { entity } = await parseForm(request, revokeForm);
			return { done: 'revoked', entity, revoked: await revokeEntityLinks(getDb(), params.slug, entity, actor(locals)) };
		}),
	extend: async ({ params, locals, request }) =>
		attempt(async () => {
			const form = await parseForm(request, extendForm);
			return { done: 'extended', entity: form.entity, until: await extendEntity(getDb(), params.slug, form.entity, form.until, actor(locals)) };
		}),
	// Takes the coordinator to the questionnaire for the entity.
	onBehalf: async ({ params, locals, request }) => {
		const parsed = await attempt(() => parseForm(request, entityForm));
		if ('status' in parsed) return parsed;
		if (!locals.user) return fail(403, { message: 'sign in first' });
		const url = await attempt(() =>
			startOnBehalfEntry(getDb(), params.slug, parsed.entity, { id: locals.user!.id, email: locals.user!.email }, getConfig().publicUrl)
		);
		if (typeof url !== 'string') return url;
		redirect(303, new URL(url).pathname);
	},
	addContact: async ({ params, locals, request }) =>
		attempt(async () => {
			const form = await parseForm(request, contactForm);
			const r = await addEntityContact(
				getDb(),
				form.entity,
				{ name: form.name ?? '', email: form.email, language: form.language ?? null },
				actor(locals),
				params.slug
			);
			return { done: 'contact', entity: form.entity, queued: r.queued };
		})
} satisfies Actions;

/** Each action needs its permission (docs/access.md): the hooks only check the page's prefix. */
export const actions: Actions = {
	...guardedAll('invitations.send', unguarded),
	onBehalf: guarded('responses.enter_on_behalf', unguarded.onBehalf)
};
