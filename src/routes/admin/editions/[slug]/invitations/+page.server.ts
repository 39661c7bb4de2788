import { error } from '@sveltejs/kit';
import { guardedAll } from '$lib/server/http/guarded';
import { requirePermission } from '$lib/server/access/guard.ts';
import { getConfig, getDb } from '$lib/server/db/instance';
import { editionMail } from '$lib/server/distribution/editions/mail.ts';
import { inviteAllEntities, queueInvitationEmails } from '$lib/server/distribution/invitations/bulk.ts';
import { OUTBOX_STATES, retryOutboxMessage, type OutboxState } from '$lib/server/distribution/mail/outbox-list';
import { attempt, parseForm, retryForm } from '$lib/server/http/edition-forms';
import { NotFoundError } from '$lib/domain/errors';
import type { Actions, PageServerLoad } from './$types';

const actor = (locals: App.Locals) => locals.user?.email ?? 'unknown';

/** Sending and the outbox are the coordinator's (edition-wide): `invitations.send`. */
export const load: PageServerLoad = async ({ params, locals, url }) => {
	requirePermission(locals, 'invitations.send');
	const stateParam = url.searchParams.get('state');
	const state = (OUTBOX_STATES as readonly string[]).includes(stateParam ?? '') ? (stateParam as OutboxState) : undefined;
	const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
	try {
		const mail = await editionMail(getDb(), params.slug, { state, page });
		return { ...mail, state: state ?? null, smtpConfigured: Boolean(getConfig().mail.smtpUrl) };
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: e.message });
		throw e;
	}
};

const unguarded = {
	inviteAll: async ({ params, locals }) => attempt(async () => ({ done: 'invited', ...(await inviteAllEntities(getDb(), params.slug, actor(locals))) })),
	sendInvitations: async ({ params, locals }) =>
		attempt(async () => ({ done: 'queued', queued: (await queueInvitationEmails(getDb(), params.slug, actor(locals))).queued })),
	retry: async ({ params, locals, request }) =>
		attempt(async () => {
			const { message } = await parseForm(request, retryForm);
			await retryOutboxMessage(getDb(), params.slug, message, actor(locals));
			return { done: 'retried' };
		})
} satisfies Actions;

/** Each action needs its permission (docs/access.md): the hooks only check the page's prefix. */
export const actions: Actions = guardedAll('invitations.send', unguarded);
