import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getConfig, getDb } from '$lib/server/db/instance';
import { passwordResetAvailable, requestPasswordReset } from '$lib/server/access/reset.ts';
import { failFromError } from '$lib/server/access/guard.ts';

export const load: PageServerLoad = () => ({ available: passwordResetAvailable() });

export const actions: Actions = {
	default: async ({ request, getClientAddress }) => {
		const email = String((await request.formData()).get('email') ?? '').trim();
		if (!email || email.length > 320) return fail(400, { message: 'missing', code: 'missing' });
		try {
			await requestPasswordReset(getDb(), email, { ip: getClientAddress(), baseUrl: getConfig().publicUrl });
		} catch (e) {
			return failFromError(e);
		}
		// The same answer whether or not the address has an account.
		return { sent: true };
	}
};
