import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { requirePermission } from '$lib/server/access/guard.ts';
import {
	createWebhookEndpoint,
	deleteWebhookEndpoint,
	listWebhookEndpoints,
	replaceWebhookSecret,
	retryWebhookDelivery,
	sendWebhookTest,
	setWebhookEndpointState
} from '$lib/server/distribution/webhooks/endpoints.ts';
import { failFrom } from '$lib/server/http/errors';
import { field, parseForm } from '$lib/server/http/form';
import { guarded } from '$lib/server/http/guarded';
import { isConfirmed } from '$lib/ui/confirm';
import { m } from '$lib/paraglide/messages.js';

/** Webhook endpoints and their recent deliveries (docs/webhooks.md): administrators only (settings.manage). */
export const load: PageServerLoad = async ({ locals }) => {
	const actor = requirePermission(locals, 'settings.manage');
	return { endpoints: await listWebhookEndpoints(getDb(), actor) };
};

const createForm = z.object({ url: field.trimmed(), description: field.trimmed(), events: field.list(), secret: field.trimmed() });
const endpointForm = z.object({ endpoint: field.trimmed(z.string().min(1)) });
const stateForm = endpointForm.extend({ state: field.text(z.enum(['active', 'paused'])) });
const secretForm = endpointForm.extend({ secret: field.trimmed() });
const deliveryForm = z.object({ delivery: field.trimmed(z.string().min(1)) });

/** Each action: parse, one service call (which checks the permission again), say what was done. */
export const actions = {
	create: guarded('settings.manage', async ({ request }, user) => {
		const parsed = await parseForm(request, createForm);
		if (!parsed.ok) return parsed.failure;
		try {
			const { id, secret } = await createWebhookEndpoint(getDb(), user, parsed.data);
			// The secret is shown this once: it is not on the page afterwards.
			return { done: 'create' as const, endpoint: id, secret };
		} catch (e) {
			return failFrom(e);
		}
	}),
	state: guarded('settings.manage', async ({ request }, user) => {
		const parsed = await parseForm(request, stateForm);
		if (!parsed.ok) return parsed.failure;
		try {
			await setWebhookEndpointState(getDb(), user, parsed.data.endpoint, parsed.data.state);
			return { done: parsed.data.state === 'paused' ? ('pause' as const) : ('resume' as const) };
		} catch (e) {
			return failFrom(e);
		}
	}),
	secret: guarded('settings.manage', async ({ request }, user) => {
		const parsed = await parseForm(request, secretForm);
		if (!parsed.ok) return parsed.failure;
		try {
			const secret = await replaceWebhookSecret(getDb(), user, parsed.data.endpoint, parsed.data.secret);
			return { done: 'secret' as const, endpoint: parsed.data.endpoint, secret };
		} catch (e) {
			return failFrom(e);
		}
	}),
	delete: guarded('settings.manage', async ({ request }, user) => {
		const parsed = await parseForm(request, endpointForm);
		if (!parsed.ok) return parsed.failure;
		if (!isConfirmed(parsed.form)) return fail(400, { message: m.webhooks_confirm_needed() });
		try {
			await deleteWebhookEndpoint(getDb(), user, parsed.data.endpoint);
			return { done: 'delete' as const };
		} catch (e) {
			return failFrom(e);
		}
	}),
	test: guarded('settings.manage', async ({ request }, user) => {
		const parsed = await parseForm(request, endpointForm);
		if (!parsed.ok) return parsed.failure;
		try {
			await sendWebhookTest(getDb(), user, parsed.data.endpoint);
			return { done: 'test' as const };
		} catch (e) {
			return failFrom(e);
		}
	}),
	retry: guarded('settings.manage', async ({ request }, user) => {
		const parsed = await parseForm(request, deliveryForm);
		if (!parsed.ok) return parsed.failure;
		try {
			await retryWebhookDelivery(getDb(), user, parsed.data.delivery);
			return { done: 'retry' as const };
		} catch (e) {
			return failFrom(e);
		}
	})
} satisfies Actions;
