import { error } from '@sveltejs/kit';
import { guardedAll } from '$lib/server/http/guarded';
import { requirePermission } from '$lib/server/access/guard.ts';
import { getDb } from '$lib/server/db/instance';
import { editionReminders } from '$lib/server/distribution/editions/mail.ts';
import { queueReminders, type Segment } from '$lib/server/distribution/invitations/bulk.ts';
import { scheduleReminder } from '$lib/server/distribution/invitations/reminder-schedule.ts';
import { attempt, parseForm, remindForm } from '$lib/server/http/edition-forms';
import { NotFoundError } from '$lib/domain/errors';
import type { Actions, PageServerLoad } from './$types';

const actor = (locals: App.Locals) => locals.user?.email ?? 'unknown';

export const load: PageServerLoad = async ({ params, locals }) => {
	requirePermission(locals, 'invitations.send');
	try {
		return await editionReminders(getDb(), params.slug);
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: e.message });
		throw e;
	}
};

const unguarded = {
	// A segment sent now, or (with days before closing) planned for later.
	remind: async ({ params, locals, request }) =>
		attempt(async () => {
			const form = await parseForm(request, remindForm);
			const segment: Segment = { region: form.region, kind: form.kind, state: form.state as Segment['state'] };
			if (form.daysBefore !== undefined) {
				await scheduleReminder(getDb(), params.slug, Number(form.daysBefore), segment, actor(locals));
				return { done: 'scheduled' };
			}
			return { done: 'queued', queued: (await queueReminders(getDb(), params.slug, segment, actor(locals))).queued };
		})
} satisfies Actions;

export const actions: Actions = guardedAll('invitations.send', unguarded);
