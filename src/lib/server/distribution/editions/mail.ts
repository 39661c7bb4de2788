import type { Db } from '../../db/create-db.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { findEditionBySlug } from './editions-repository.ts';
import { findQuestionnaireById } from '../../authoring/questionnaires.ts';
import { outboxCounts } from '../mail/outbox-store.ts';
import { listOutbox, type OutboxState } from '../mail/outbox-list.ts';
import { mailPreviews, PREVIEW_FIELDS } from '../../../domain/mail/mail-preview.ts';
import { listReminderSchedules } from '../invitations/reminder-schedule.ts';
import { SEGMENT_STATES, type Segment } from '../invitations/bulk.ts';
import { listRegions } from '../reference-repository.ts';
import { REGISTRY_KINDS } from '../../../domain/registry/registry-rows.ts';

/**
 * What the edition's "Invitations and e-mail" page shows: the outbox's counts and one page of
 * its messages, and the e-mails as recipients get them (the pinned version's texts, this
 * edition's closing date) in every language.
 */
export async function editionMail(db: Db, slug: string, filter: { state?: OutboxState; page: number }) {
	const edition = await findEditionBySlug(db, slug);
	if (!edition) throw new NotFoundError(`no edition "${slug}"`);
	const [counts, outbox, questionnaire] = await Promise.all([
		outboxCounts(db, { editionId: edition.id }),
		listOutbox(db, slug, filter),
		findQuestionnaireById(db, edition.questionnaire_id)
	]);
	const previews = questionnaire
		? mailPreviews(JSON.parse(questionnaire.definition_json) as Record<string, unknown>, { ...PREVIEW_FIELDS, closesAt: edition.closes_at })
		: [];
	return { counts, outbox, previews };
}

/** The reminders page: the edition's planned reminders and the choices of a segment (regions by name in every language). */
export async function editionReminders(db: Db, slug: string) {
	const edition = await findEditionBySlug(db, slug);
	if (!edition) throw new NotFoundError(`no edition "${slug}"`);
	const [schedules, regions] = await Promise.all([listReminderSchedules(db, edition.id), listRegions(db)]);
	return {
		schedules: schedules.map((s) => ({
			id: s.id,
			daysBefore: s.days_before,
			segment: JSON.parse(s.segment_json) as Segment,
			queuedAt: s.queued_at,
			queuedCount: s.queued_count
		})),
		regions: Object.fromEntries(regions.map((r) => [r.code, r.name])),
		kinds: [...REGISTRY_KINDS],
		states: [...SEGMENT_STATES]
	};
}
