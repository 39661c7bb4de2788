import { error, fail } from '@sveltejs/kit';
import { guardedAll } from '$lib/server/http/guarded';
import { requirePermission } from '$lib/server/access/guard.ts';
import { getDb } from '$lib/server/db/instance';
import { editionSettings } from '$lib/server/distribution/editions/overview.ts';
import { changeEditionState } from '$lib/server/distribution/editions/editions.ts';
import { setEditionDates } from '$lib/server/distribution/editions/dates.ts';
import { renameEdition } from '$lib/server/distribution/editions/title.ts';
import { attempt, datesForm, parseForm, stateForm, titleForm } from '$lib/server/http/edition-forms';
import { NotFoundError } from '$lib/domain/errors';
import type { Actions, PageServerLoad } from './$types';

const actor = (locals: App.Locals) => locals.user?.email ?? 'unknown';

/** Dates and state changes (with the translation gate) are the coordinator's: `invitations.send`. */
export const load: PageServerLoad = async ({ params, locals }) => {
	requirePermission(locals, 'invitations.send');
	try {
		return await editionSettings(getDb(), params.slug);
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: e.message });
		throw e;
	}
};

const unguarded = {
	state: async ({ params, locals, request }) =>
		attempt(async () => {
			const form = await parseForm(request, stateForm);
			const edition = await changeEditionState(getDb(), params.slug, form.to ?? '', actor(locals), {
				overrideTranslations: form.override_translations,
				reason: form.reason,
				actorRole: locals.user?.role
			});
			return { done: 'state', state: edition.state };
		}),
	// The title form reports its refusal beside its field (titleMessage).
	title: async ({ params, locals, request }) => {
		const r = await attempt(async () => renameEdition(getDb(), params.slug, (await parseForm(request, titleForm)).title, actor(locals)));
		return typeof r === 'string' ? { done: 'title' } : fail(r.status, { titleMessage: String(r.data.message) });
	},
	// The dates form reports its own refusal beside itself (datesMessage), not in the page's action area.
	dates: async ({ params, locals, request }) => {
		const r = await attempt(async () => {
			const form = await parseForm(request, datesForm);
			return setEditionDates(getDb(), params.slug, form, actor(locals));
		});
		return r && typeof r === 'object' && 'status' in r ? fail(r.status, { datesMessage: r.data.message }) : { done: 'dates' };
	}
} satisfies Actions;

export const actions: Actions = guardedAll('invitations.send', unguarded);
