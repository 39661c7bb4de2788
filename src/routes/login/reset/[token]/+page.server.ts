import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { checkResetToken, completePasswordReset } from '$lib/server/access/reset.ts';
import { z } from 'zod';
import { failFrom } from '$lib/server/http/errors';
import { field, parseForm } from '$lib/server/http/form';

const newPasswordForm = z.object({ next: field.text(), confirm: field.text() });

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	return { valid: await checkResetToken(getDb(), params.token) };
};

export const actions: Actions = {
	default: async ({ params, request, getClientAddress }) => {
		const parsed = await parseForm(request, newPasswordForm);
		if (!parsed.ok) return parsed.failure;
		try {
			await completePasswordReset(getDb(), params.token, parsed.data, { ip: getClientAddress() });
		} catch (e) {
			return failFrom(e);
		}
		redirect(303, '/login?reset=done');
	}
};
