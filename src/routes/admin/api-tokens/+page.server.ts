import { z } from 'zod';
import { getDb } from '$lib/server/db/instance';
import { apiTokensPage, createApiToken, revokeApiToken } from '$lib/server/api/tokens';
import { failFrom } from '$lib/server/http/errors';
import { field, parseForm } from '$lib/server/http/form';
import { guarded } from '$lib/server/http/guarded';
import { CONFIRM_FIELD, CONFIRM_VALUE } from '$lib/ui/confirm';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

/** API tokens (docs/api.md): an administrator creates one (shown once), sees them all, revokes one. */
export const load: PageServerLoad = guarded('users.manage', () => apiTokensPage(getDb()));

const createForm = z.object({ name: field.trimmed(), role: field.trimmed(), region: field.trimmed() });
// A revoked token cannot be brought back: the form carries ConfirmAction's checkbox.
const revokeForm = z.object({ token: field.trimmed(), [CONFIRM_FIELD]: field.text(z.literal(CONFIRM_VALUE, { error: () => m.ui_confirm_needed() })) });

export const actions = {
	create: guarded('users.manage', async ({ request, getClientAddress }, user) => {
		const parsed = await parseForm(request, createForm, { extra: { form: 'create' } });
		if (!parsed.ok) return parsed.failure;
		try {
			const { token, info } = await createApiToken(
				getDb(),
				{ ...parsed.data, region: parsed.data.region || null },
				{ email: user.email, id: user.id, ip: getClientAddress() }
			);
			return { created: { token, name: info.name } };
		} catch (e) {
			return failFrom(e, { form: 'create', input: parsed.input });
		}
	}),
	revoke: guarded('users.manage', async ({ request, getClientAddress }, user) => {
		const parsed = await parseForm(request, revokeForm);
		if (!parsed.ok) return parsed.failure;
		try {
			const revoked = await revokeApiToken(getDb(), parsed.data.token, { email: user.email, id: user.id, ip: getClientAddress() });
			return { revoked: revoked.name };
		} catch (e) {
			return failFrom(e);
		}
	})
} satisfies Actions;
