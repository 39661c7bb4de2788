import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { failFromError, requirePermission } from '$lib/server/access/guard.ts';
import { changeRole, createUserAs, listUsersFor, removeSecondFactorAs, setDisabled, setPasswordAs } from '$lib/server/access/users.ts';
import { listRegions } from '$lib/server/distribution/reference-repository.ts';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requirePermission(locals, 'users.manage');
	const [users, regions] = await Promise.all([listUsersFor(getDb(), actor), listRegions(getDb())]);
	return { users, regions: regions.map((r) => r.code), me: actor.id };
};

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** Each action: parse the form, one service call (which checks the role again), report. */
export const actions: Actions = {
	create: async ({ locals, request }) => {
		const actor = requirePermission(locals, 'users.manage');
		const form = await request.formData();
		try {
			const user = await createUserAs(getDb(), actor, {
				email: text(form, 'email'),
				displayName: text(form, 'display_name') || undefined,
				role: text(form, 'role'),
				regionCode: text(form, 'region') || null,
				language: text(form, 'language') || 'en',
				password: String(form.get('password') ?? '')
			});
			return { done: 'create' as const, email: user.email };
		} catch (e) {
			return failFromError(e);
		}
	},
	role: async ({ locals, request }) => {
		const actor = requirePermission(locals, 'users.manage');
		const form = await request.formData();
		try {
			await changeRole(getDb(), actor, text(form, 'user'), text(form, 'role'), text(form, 'region') || null);
			return { done: 'role' as const };
		} catch (e) {
			return failFromError(e);
		}
	},
	disable: async ({ locals, request }) => {
		const actor = requirePermission(locals, 'users.manage');
		const form = await request.formData();
		try {
			await setDisabled(getDb(), actor, text(form, 'user'), text(form, 'disabled') !== '0');
			return { done: 'disable' as const };
		} catch (e) {
			return failFromError(e);
		}
	},
	totp_remove: async ({ locals, request }) => {
		const actor = requirePermission(locals, 'users.manage');
		const form = await request.formData();
		try {
			await removeSecondFactorAs(getDb(), actor, text(form, 'user'));
			return { done: 'totp_remove' as const };
		} catch (e) {
			return failFromError(e);
		}
	},
	password: async ({ locals, request }) => {
		const actor = requirePermission(locals, 'users.manage');
		const form = await request.formData();
		try {
			await setPasswordAs(getDb(), actor, text(form, 'user'), String(form.get('password') ?? ''));
			return { done: 'password' as const };
		} catch (e) {
			return failFromError(e);
		}
	}
};
