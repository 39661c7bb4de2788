import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { z } from 'zod';
import { requireUser } from '$lib/server/access/guard.ts';
import { listUserSessions } from '$lib/server/access/session.ts';
import { setSessionCookie } from '$lib/server/access/cookies.ts';
import { changeOwnPassword, revokeOwnSession, setOwnLanguage } from '$lib/server/access/user-service.ts';
import { beginTotpEnrolment, confirmTotpEnrolment, disableTotp, totpRequiredForAdmins, totpStatus } from '$lib/server/access/second-factor.ts';
import { totpKeyUri } from '$lib/server/access/totp.ts';
import { failFrom } from '$lib/server/http/errors';
import { field, parseForm } from '$lib/server/http/form';
import { guarded } from '$lib/server/http/guarded';
import { fail, redirect } from '@sveltejs/kit';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	const [sessions, totp] = await Promise.all([listUserSessions(getDb(), user.id), totpStatus(getDb(), user.id)]);
	return {
		totp: {
			enabled: totp.enabled,
			pending: totp.pendingSecret ? { secret: totp.pendingSecret, uri: totpKeyUri(user.email, totp.pendingSecret) } : null,
			required: user.role === 'admin' && totpRequiredForAdmins() && !totp.enabled
		},
		me: { email: user.email, role: user.role, region: user.region_code, language: user.language },
		sessions: sessions.map((s) => ({
			id: s.id,
			createdAt: s.created_at,
			expiresAt: s.expires_at,
			userAgent: s.user_agent,
			ip: s.ip,
			current: s.id === locals.sessionId
		}))
	};
};

const languageForm = z.object({ language: field.text() });
const passwordForm = z.object({ current: field.text(), next: field.text(), confirm: field.text() });
/** A one-time code; anything past 20 characters is no code and is not passed on. */
const codeForm = z.object({ code: field.text(z.string().transform((c) => c.slice(0, 20))) });
const sessionForm = z.object({ session: field.text() });

/** Each action is one's own account: any signed-in user. */
export const actions = {
	language: guarded('signed-in', async ({ request }, user) => {
		const parsed = await parseForm(request, languageForm);
		if (!parsed.ok) return parsed.failure;
		try {
			await setOwnLanguage(getDb(), user, parsed.data.language);
		} catch (e) {
			return failFrom(e);
		}
		redirect(303, '/account');
	}),
	password: guarded('signed-in', async ({ request, cookies, getClientAddress }, user) => {
		const parsed = await parseForm(request, passwordForm);
		if (!parsed.ok) return parsed.failure;
		try {
			const { token, expiresAt } = await changeOwnPassword(getDb(), user, parsed.data, {
				ip: getClientAddress(),
				userAgent: request.headers.get('user-agent')
			});
			setSessionCookie(cookies, token, new Date(expiresAt));
		} catch (e) {
			return failFrom(e);
		}
		return { done: 'password' as const };
	}),
	totp_begin: guarded('signed-in', async (_event, user) => {
		try {
			await beginTotpEnrolment(getDb(), user);
		} catch (e) {
			return failFrom(e);
		}
		return { done: 'totp_begin' as const };
	}),
	totp_confirm: guarded('signed-in', async ({ request, locals }, user) => {
		const parsed = await parseForm(request, codeForm);
		if (!parsed.ok) return parsed.failure;
		try {
			await confirmTotpEnrolment(getDb(), user, locals.sessionId!, parsed.data.code);
		} catch (e) {
			return failFrom(e);
		}
		return { done: 'totp_on' as const };
	}),
	totp_disable: guarded('signed-in', async ({ request }, user) => {
		const parsed = await parseForm(request, codeForm);
		if (!parsed.ok) return parsed.failure;
		try {
			await disableTotp(getDb(), user, parsed.data.code);
		} catch (e) {
			return failFrom(e);
		}
		return { done: 'totp_off' as const };
	}),
	revoke: guarded('signed-in', async ({ request, locals, getClientAddress }, user) => {
		const parsed = await parseForm(request, sessionForm);
		if (!parsed.ok) return parsed.failure;
		const id = parsed.data.session;
		if (!(await revokeOwnSession(getDb(), user, id, getClientAddress()))) return fail(404, { message: 'no such session', code: 'session_unknown' });
		if (id === locals.sessionId) redirect(303, '/login');
		return { done: 'revoke' as const };
	})
} satisfies Actions;
