import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { requireUser, failFromError } from '$lib/server/access/guard.ts';
import { listUserSessions, revokeUserSession } from '$lib/server/access/session.ts';
import { setSessionCookie } from '$lib/server/access/cookies.ts';
import { changeOwnPassword, setOwnLanguage } from '$lib/server/access/user-service.ts';
import { beginTotpEnrolment, confirmTotpEnrolment, disableTotp, totpRequiredForAdmins, totpStatus } from '$lib/server/access/second-factor.ts';
import { totpKeyUri } from '$lib/server/access/totp.ts';
import { appendAudit } from '$lib/server/access/audit/audit-repository.ts';
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
		sessions: sessions.map((s) => ({ id: s.id, createdAt: s.created_at, expiresAt: s.expires_at, userAgent: s.user_agent, ip: s.ip, current: s.id === locals.sessionId }))
	};
};

const field = (form: FormData, name: string) => String(form.get(name) ?? '');

export const actions: Actions = {
	language: async ({ locals, request }) => {
		const user = requireUser(locals);
		try {
			await setOwnLanguage(getDb(), user, field(await request.formData(), 'language'));
		} catch (e) {
			return failFromError(e);
		}
		redirect(303, '/account');
	},
	password: async ({ locals, request, cookies, getClientAddress }) => {
		const user = requireUser(locals);
		const form = await request.formData();
		try {
			const { token, expiresAt } = await changeOwnPassword(
				getDb(),
				user,
				{ current: field(form, 'current'), next: field(form, 'next'), confirm: field(form, 'confirm') },
				{ ip: getClientAddress(), userAgent: request.headers.get('user-agent') }
			);
			setSessionCookie(cookies, token, new Date(expiresAt));
		} catch (e) {
			return failFromError(e);
		}
		return { done: 'password' as const };
	},
	totp_begin: async ({ locals }) => {
		const user = requireUser(locals);
		try {
			await beginTotpEnrolment(getDb(), user);
		} catch (e) {
			return failFromError(e);
		}
		return { done: 'totp_begin' as const };
	},
	totp_confirm: async ({ locals, request }) => {
		const user = requireUser(locals);
		try {
			await confirmTotpEnrolment(getDb(), user, locals.sessionId!, field(await request.formData(), 'code').slice(0, 20));
		} catch (e) {
			return failFromError(e);
		}
		return { done: 'totp_on' as const };
	},
	totp_disable: async ({ locals, request }) => {
		const user = requireUser(locals);
		try {
			await disableTotp(getDb(), user, field(await request.formData(), 'code').slice(0, 20));
		} catch (e) {
			return failFromError(e);
		}
		return { done: 'totp_off' as const };
	},
	revoke: async ({ locals, request, getClientAddress }) => {
		const user = requireUser(locals);
		const id = field(await request.formData(), 'session');
		if (!(await revokeUserSession(getDb(), user.id, id))) return fail(404, { message: 'no such session', code: 'session_unknown' });
		await appendAudit(getDb(), { actor: user.email, actorUserId: user.id, action: 'auth.session_revoke', targetType: 'user', targetId: user.id, ip: getClientAddress() });
		if (id === locals.sessionId) redirect(303, '/login');
		return { done: 'revoke' as const };
	}
};
