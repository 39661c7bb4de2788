import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { checkResetToken, completePasswordReset } from '$lib/server/access/reset.ts';
import { failFromError } from '$lib/server/access/guard.ts';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	return { valid: await checkResetToken(getDb(), params.token) };
};

export const actions: Actions = {
	default: async ({ params, request, getClientAddress }) => {
		const form = await request.formData();
		try {
			await completePasswordReset(getDb(), params.token, { next: String(form.get('next') ?? ''), confirm: String(form.get('confirm') ?? '') }, { ip: getClientAddress() });
		} catch (e) {
			return failFromError(e);
		}
		redirect(303, '/login?reset=done');
	}
};
