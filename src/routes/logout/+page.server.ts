import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { getDb } from '$lib/server/db/instance';
import { invalidateSession } from '$lib/server/access/session.ts';
import { deleteSessionCookie } from '$lib/server/access/cookies.ts';
import { appendAudit } from '$lib/server/access/audit/audit-repository.ts';

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		if (locals.sessionId) await invalidateSession(getDb(), locals.sessionId);
		if (locals.user) await appendAudit(getDb(), { actor: locals.user.email, actorUserId: locals.user.id, action: 'auth.logout', targetType: 'user', targetId: locals.user.id });
		deleteSessionCookie(cookies);
		redirect(303, '/login');
	}
};
