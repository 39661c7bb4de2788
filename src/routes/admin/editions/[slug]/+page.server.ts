import { error, fail, redirect } from '@sveltejs/kit';
import { can, guardActions, regionScope, requirePermission } from '$lib/server/access/guard.ts';
import type { Actions, PageServerLoad } from './$types';
import { getConfig, getDb } from '$lib/server/db/instance';
import { editionStatus } from '$lib/server/distribution/editions.ts';
import { editionTracking } from '$lib/server/distribution/tracking.ts';
import { inviteAllEntities, queueInvitationEmails, queueReminders, SEGMENT_STATES, type Segment } from '$lib/server/distribution/invitations-bulk.ts';
import { addEntityContact, extendEntity, reissueEntityLink, revokeEntityLinks } from '$lib/server/distribution/invitations.ts';
import { changeEditionState } from '$lib/server/distribution/editions.ts';
import { setEditionDates } from '$lib/server/distribution/edition-dates.ts';
import { describeGaps, translationGaps } from '$lib/server/translation/gate.ts';
import { startOnBehalfEntry } from '$lib/server/distribution/on-behalf.ts';
import { listReminderSchedules, scheduleReminder } from '$lib/server/distribution/reminder-schedule.ts';
import { nextStates } from '$lib/domain/invitation/edition-lifecycle';
import { outboxCounts } from '$lib/server/distribution/mail/outbox-store.ts';
import { listRegions } from '$lib/server/distribution/reference-repository.ts';
import { REGISTRY_KINDS } from '$lib/domain/registry/registry-rows';
import { findQuestionnaireById } from '$lib/server/authoring/questionnaires-repository.ts';
import { mailPreviews, PREVIEW_FIELDS } from '$lib/domain/mail/mail-preview';
import { ConflictError, DomainError, ForbiddenError, InvalidInputError, NotFoundError } from '$lib/domain/errors';

/** How many non-responders the page lists (the CSV export has them all). */
const NON_RESPONDERS_SHOWN = 200;

export const load: PageServerLoad = async ({ params, locals }) => {
	const user = requirePermission(locals, 'tracking.read');
	// A regional office sees its own region's entities, contacts and figures only (docs/access.md).
	const scope = regionScope(user, 'tracking.read');
	if (scope === null) error(403, { message: 'Your role does not give access to this page.', code: 'forbidden' });
	const canSend = can(user, 'invitations.send');
	try {
		const db = getDb();
		const [status, tracking, regions] = await Promise.all([editionStatus(db, params.slug, scope), editionTracking(db, params.slug, scope), listRegions(db)]);
		// Sending, the outbox and the lifecycle are the coordinator's (edition-wide figures): nothing of them for other roles.
		const [outbox, schedules, translationGapList, questionnaire] = canSend
			? await Promise.all([
					outboxCounts(db, { editionId: tracking.edition.id }),
					listReminderSchedules(db, tracking.edition.id),
					translationGaps(db, tracking.edition.questionnaire_id),
					findQuestionnaireById(db, tracking.edition.questionnaire_id).then((q) => q!)
				])
			: [null, [], [], null];
		const { nonResponders, ...counts } = tracking;
		const shownRegions = regions.filter((r) => scope === 'all' || r.code === scope);
		return {
			status,
			tracking: counts,
			nonResponders: nonResponders.slice(0, NON_RESPONDERS_SHOWN),
			nonRespondersTotal: nonResponders.length,
			canSend,
			canOnBehalf: can(user, 'responses.enter_on_behalf'),
			canManageRegistry: can(user, 'registry.manage'),
			outbox,
			schedules,
			smtpConfigured: Boolean(getConfig().mail.smtpUrl),
			regions: shownRegions.map((r) => ({ code: r.code, name: r.name.en ?? r.code })),
			regionNames: Object.fromEntries(shownRegions.map((r) => [r.code, r.name.en ?? r.code])),
			kinds: [...REGISTRY_KINDS],
			states: [...SEGMENT_STATES],
			nextStates: canSend ? [...nextStates(tracking.edition.state)] : [],
			translationGaps: describeGaps(translationGapList),
			// What the e-mails of this edition say: the pinned version's texts, this edition's closing date.
			mailPreviews: questionnaire ? mailPreviews(JSON.parse(questionnaire.definition_json) as Record<string, unknown>, { ...PREVIEW_FIELDS, closesAt: tracking.edition.closes_at }) : []
		};
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: e.message });
		throw e;
	}
};

/** One mapping from domain errors to a form failure, for every action below. */
async function attempt<T>(run: () => Promise<T>): Promise<T | ReturnType<typeof fail<{ message: string }>>> {
	try {
		return await run();
	} catch (e) {
		if (e instanceof InvalidInputError) return fail(400, { message: e.message });
		if (e instanceof NotFoundError) return fail(404, { message: e.message });
		if (e instanceof ConflictError) return fail(409, { message: e.message });
		if (e instanceof ForbiddenError) return fail(403, { message: e.message });
		if (e instanceof DomainError) return fail(400, { message: e.message });
		throw e;
	}
}

const text = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};
const actor = (locals: App.Locals) => locals.user?.email ?? 'unknown';

// Every action below should require the coordinator role once the access issue lands.
const unguarded: Actions = {
	inviteAll: async ({ params, locals }) =>
		attempt(async () => {
			const r = await inviteAllEntities(getDb(), params.slug, actor(locals));
			return { done: 'invited', ...r };
		}),
	sendInvitations: async ({ params, locals }) =>
		attempt(async () => ({ done: 'queued', queued: (await queueInvitationEmails(getDb(), params.slug, actor(locals))).queued })),
	remind: async ({ params, locals, request }) =>
		attempt(async () => {
			const form = await request.formData();
			const segment: Segment = { region: text(form, 'region'), kind: text(form, 'kind'), state: text(form, 'state') as Segment['state'] };
			const days = text(form, 'daysBefore');
			if (days !== undefined) {
				await scheduleReminder(getDb(), params.slug, Number(days), segment, actor(locals));
				return { done: 'scheduled' };
			}
			return { done: 'queued', queued: (await queueReminders(getDb(), params.slug, segment, actor(locals))).queued };
		}),
	revoke: async ({ params, locals, request }) =>
		attempt(async () => {
			const form = await request.formData();
			const entity = text(form, 'entity');
			if (!entity) throw new InvalidInputError('enter an entity code');
			return { done: 'revoked', revoked: await revokeEntityLinks(getDb(), params.slug, entity.toUpperCase(), actor(locals)) };
		}),
	reissue: async ({ params, locals, request }) =>
		attempt(async () => {
			const form = await request.formData();
			const entity = text(form, 'entity');
			if (!entity) throw new InvalidInputError('enter an entity code');
			const r = await reissueEntityLink(getDb(), params.slug, entity.toUpperCase(), getConfig().publicUrl, actor(locals), form.get('send') === 'on');
			return { done: 'reissued', url: r.url, queued: r.queued };
		}),
	state: async ({ params, locals, request }) =>
		attempt(async () => {
			const form = await request.formData();
			const edition = await changeEditionState(getDb(), params.slug, text(form, 'to') ?? '', actor(locals), {
				overrideTranslations: form.get('override_translations') === 'on',
				reason: text(form, 'reason'),
				actorRole: locals.user?.role
			});
			return { done: 'state', state: edition.state };
		}),
	// The dates form reports its own refusal beside itself (datesMessage), not in the page's action area.
	dates: async ({ params, locals, request }) => {
		const form = await request.formData();
		const r = await attempt(() => setEditionDates(getDb(), params.slug, { opens: String(form.get('opens') ?? ''), closes: String(form.get('closes') ?? '') }, actor(locals)));
		return 'status' in r ? fail(r.status, { datesMessage: r.data.message }) : { done: 'dates' };
	},
	extend: async ({ params, locals, request }) =>
		attempt(async () => {
			const form = await request.formData();
			const entity = text(form, 'entity');
			const until = text(form, 'until');
			if (!entity || !until) throw new InvalidInputError('enter an entity code and a date');
			return { done: 'extended', entity: entity.toUpperCase(), until: await extendEntity(getDb(), params.slug, entity.toUpperCase(), until, actor(locals)) };
		}),
	// Role to require: coordinator. Takes the coordinator to the questionnaire for the entity.
	onBehalf: async ({ params, locals, request }) => {
		const form = await request.formData();
		const entity = text(form, 'entity');
		if (!entity) return fail(400, { message: 'enter an entity code' });
		if (!locals.user) return fail(403, { message: 'sign in first' });
		const url = await attempt(() => startOnBehalfEntry(getDb(), params.slug, entity.toUpperCase(), { id: locals.user!.id, email: locals.user!.email }, getConfig().publicUrl));
		if (typeof url !== 'string') return url;
		redirect(303, new URL(url).pathname);
	},
	addContact: async ({ params, locals, request }) =>
		attempt(async () => {
			const form = await request.formData();
			const entity = text(form, 'entity');
			const email = text(form, 'email');
			if (!entity || !email) throw new InvalidInputError('enter an entity code and an e-mail address');
			const r = await addEntityContact(getDb(), entity.toUpperCase(), { name: text(form, 'name') ?? '', email, language: text(form, 'language') ?? null }, actor(locals), params.slug);
			return { done: 'contact', queued: r.queued };
		})
};


/** Each action needs its permission (docs/access.md): the hooks only check the page's prefix. */
export const actions: Actions = guardActions(unguarded, 'invitations.send', { onBehalf: 'responses.enter_on_behalf' });
