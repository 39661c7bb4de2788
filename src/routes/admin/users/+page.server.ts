import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { failFrom } from '$lib/server/http/errors';
import { field, parseForm } from '$lib/server/http/form';
import { guarded } from '$lib/server/http/guarded';
import { changeRole, createUserAs, removeSecondFactorAs, setDisabled, setPasswordAs, usersPage } from '$lib/server/access/users.ts';

export const load: PageServerLoad = guarded('users.manage', (_event, actor) => usersPage(getDb(), actor));

/** Empty optional fields mean "none" (no display name, no region). */
const orNull = field.trimmed().transform((v) => v || null);
// The password is taken as typed: spaces are part of it.
const createForm = z.object({
	email: field.trimmed(),
	display_name: field.trimmed().transform((v) => v || undefined),
	role: field.trimmed(),
	region: orNull,
	language: field.trimmed().transform((v) => v || 'en'),
	password: field.text()
});
const roleForm = z.object({ user: field.trimmed(), role: field.trimmed(), region: orNull });
const disableForm = z.object({ user: field.trimmed(), disabled: field.trimmed() });
const userForm = z.object({ user: field.trimmed() });
const passwordForm = z.object({ user: field.trimmed(), password: field.text() });

/** Each action: parse the form, one service call (which checks the role again), report. */
export const actions: Actions = {
	create: guarded('users.manage', async ({ request }, actor) => {
		const parsed = await parseForm(request, createForm, { status: 400 });
		if (!parsed.ok) return parsed.failure;
		const { display_name, region, ...rest } = parsed.data;
		try {
			const user = await createUserAs(getDb(), actor, { ...rest, displayName: display_name, regionCode: region });
			return { done: 'create' as const, email: user.email };
		} catch (e) {
			return failFrom(e);
		}
	}),
	role: guarded('users.manage', async ({ request }, actor) => {
		const parsed = await parseForm(request, roleForm, { status: 400 });
		if (!parsed.ok) return parsed.failure;
		try {
			await changeRole(getDb(), actor, parsed.data.user, parsed.data.role, parsed.data.region);
			return { done: 'role' as const };
		} catch (e) {
			return failFrom(e);
		}
	}),
	disable: guarded('users.manage', async ({ request }, actor) => {
		const parsed = await parseForm(request, disableForm, { status: 400 });
		if (!parsed.ok) return parsed.failure;
		try {
			await setDisabled(getDb(), actor, parsed.data.user, parsed.data.disabled !== '0');
			return { done: 'disable' as const };
		} catch (e) {
			return failFrom(e);
		}
	}),
	totp_remove: guarded('users.manage', async ({ request }, actor) => {
		const parsed = await parseForm(request, userForm, { status: 400 });
		if (!parsed.ok) return parsed.failure;
		try {
			await removeSecondFactorAs(getDb(), actor, parsed.data.user);
			return { done: 'totp_remove' as const };
		} catch (e) {
			return failFrom(e);
		}
	}),
	password: guarded('users.manage', async ({ request }, actor) => {
		const parsed = await parseForm(request, passwordForm, { status: 400 });
		if (!parsed.ok) return parsed.failure;
		try {
			await setPasswordAs(getDb(), actor, parsed.data.user, parsed.data.password);
			return { done: 'password' as const };
		} catch (e) {
			return failFrom(e);
		}
	})
};
