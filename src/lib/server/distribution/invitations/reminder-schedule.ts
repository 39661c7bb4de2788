import type { Db } from '../../db/create-db.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../../domain/errors.ts';
import { findEditionBySlug } from '../editions/editions-repository.ts';
import { appendAudit } from '../../access/audit/audit-repository.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { queueReminders, type Segment } from './bulk.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_DAYS_BEFORE = 120;

function segmentJson(s: Segment): string {
	const clean: Record<string, string> = {};
	for (const k of ['kind', 'region', 'state'] as const) if (s[k]) clean[k] = s[k]!;
	return JSON.stringify(clean);
}

/** Plans a reminder `daysBefore` days before the edition closes (the edition needs a closing time). */
export async function scheduleReminder(db: Db, slug: string, daysBefore: number, segment: Segment, actor: string): Promise<void> {
	const edition = await findEditionBySlug(db, slug);
	if (!edition) throw new NotFoundError(`no edition "${slug}"`);
	if (!Number.isInteger(daysBefore) || daysBefore < 1 || daysBefore > MAX_DAYS_BEFORE)
		throw new InvalidInputError(`days before closing must be a whole number from 1 to ${MAX_DAYS_BEFORE}`);
	if (!edition.closes_at) throw new ConflictError(`edition ${slug} has no closing time: a reminder cannot be planned before it`);
	const json = segmentJson(segment);
	const exists = await db
		.selectFrom('reminder_schedule')
		.select('id')
		.where('edition_id', '=', edition.id)
		.where('days_before', '=', daysBefore)
		.where('segment_json', '=', json)
		.executeTakeFirst();
	if (exists) throw new ConflictError(`a reminder ${daysBefore} days before closing is already planned for this segment`);
	await db.transaction().execute(async (trx) => {
		const id = newId();
		await trx
			.insertInto('reminder_schedule')
			.values({
				id,
				edition_id: edition.id,
				days_before: daysBefore,
				segment_json: json,
				created_by: actor,
				created_at: nowIso(),
				queued_at: null,
				queued_count: null
			})
			.execute();
		await appendAudit(trx, {
			actor,
			action: 'reminder.schedule',
			targetType: 'edition',
			targetId: edition.id,
			details: { daysBefore, segment: JSON.parse(json) }
		});
	});
}

export async function listReminderSchedules(db: Db, editionId: string) {
	return db.selectFrom('reminder_schedule').selectAll().where('edition_id', '=', editionId).orderBy('days_before', 'desc').execute();
}

/**
 * Queues every planned reminder that is due at `now` (open editions only), each once.
 * One whose moment passed after the closing is marked done with nothing queued.
 */
export async function runDueReminderSchedules(db: Db, now = new Date()): Promise<number> {
	const pending = await db
		.selectFrom('reminder_schedule as s')
		.innerJoin('edition as e', 'e.id', 's.edition_id')
		.select(['s.id', 's.days_before', 's.segment_json', 'e.slug', 'e.state', 'e.closes_at'])
		.where('s.queued_at', 'is', null)
		.where('e.state', '=', 'open')
		.execute();
	let queued = 0;
	for (const s of pending) {
		if (!s.closes_at) continue;
		const closes = new Date(s.closes_at).getTime();
		if (now.getTime() < closes - s.days_before * DAY_MS) continue;
		// Every node runs this planner: claim the schedule first (conditional update), so
		// that only the node whose update changed the row queues its reminders.
		const claim = await db
			.updateTable('reminder_schedule')
			.set({ queued_at: now.toISOString(), queued_count: 0 })
			.where('id', '=', s.id)
			.where('queued_at', 'is', null)
			.executeTakeFirst();
		if (Number(claim.numUpdatedRows) === 0) continue;
		let count: number;
		try {
			count = now.getTime() >= closes ? 0 : (await queueReminders(db, s.slug, JSON.parse(s.segment_json) as Segment, `schedule:${s.days_before}d`)).queued;
		} catch (error) {
			// Not queued after all: give the schedule back for the next round.
			await db.updateTable('reminder_schedule').set({ queued_at: null, queued_count: null }).where('id', '=', s.id).execute();
			throw error;
		}
		await db.updateTable('reminder_schedule').set({ queued_count: count }).where('id', '=', s.id).execute();
		queued += count;
	}
	return queued;
}
