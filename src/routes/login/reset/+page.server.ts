import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getConfig, getDb } from '$lib/server/db/instance';
import { passwordResetAvailable, requestPasswordReset } from '$lib/server/access/reset.ts';
import { z } from 'zod';
import { failFrom } from '$lib/server/http/errors';
import { field, parseForm } from '$lib/server/http/form';

const resetForm = z.object({ email: field.trimmed() });

export const load: PageServerLoad = () => ({ available: passwordResetAvailable() });

export const actions: Actions = {
	default: async ({ request, getClientAddress }) => {
		const parsed = await parseForm(request, resetForm);
		if (!parsed.ok) return parsed.failure;
		const { email } = parsed.data;
		if (!email || email.length > 320) return fail(400, { message: 'missing', code: 'missing' });
		try {
			await requestPasswordReset(getDb(), email, { ip: getClientAddress(), baseUrl: getConfig().publicUrl });
		} catch (e) {
			return failFrom(e);
		}
		// The same answer whether or not the address has an account.
		return { sent: true };
	}
};
