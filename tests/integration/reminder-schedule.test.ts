import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../helpers/db.ts';
import { bootstrappedDb } from '../helpers/bootstrapped-db.ts';
import { createEdition } from '../../src/lib/server/distribution/editions/editions.ts';
import { importRegistry } from '../../src/lib/server/distribution/registry/import.ts';
import { inviteAllEntities } from '../../src/lib/server/distribution/invitations/bulk.ts';
import { listReminderSchedules, runDueReminderSchedules, scheduleReminder } from '../../src/lib/server/distribution/invitations/reminder-schedule.ts';
import { ConflictError, InvalidInputError } from '../../src/lib/domain/errors.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
let t: TestDb;
beforeEach(async () => {
	t = await bootstrappedDb({ DEMO: '0' });
	await importRegistry(
		t.db,
		'r.csv',
		new TextEncoder().encode(
			'code,kind,name,country,contact_email\nMS-SEN,member_state,Senegal,SEN,awa@example.org\nMS-FRA,member_state,France,FRA,anne@example.org\n'
		)
	);
});
afterEach(async () => {
	await t.close();
});

const reminders = async () =>
	(await t.db.selectFrom('outbox_message').select('to_email').where('kind', '=', 'reminder').orderBy('to_email').execute()).map((r) => r.to_email);

describe('scheduled reminders', () => {
	it("queues a planned reminder once, when due before the closing, to the segment's non-responders", async () => {
		const closes = new Date(Date.now() + 10 * DAY_MS);
		const edition = await createEdition(t.db, { questionnaireFile: 'surveys/regional-presence-2026.json', slug: 'rp-plan', closes: closes.toISOString() });
		await inviteAllEntities(t.db, 'rp-plan', 'test');

		await expect(scheduleReminder(t.db, 'rp-2026', 14, {}, 'test')).rejects.toThrow(/no closing time/);
		await expect(scheduleReminder(t.db, 'rp-plan', 0, {}, 'test')).rejects.toBeInstanceOf(InvalidInputError);
		await scheduleReminder(t.db, 'rp-plan', 14, { region: 'AFR' }, 'test');
		await scheduleReminder(t.db, 'rp-plan', 3, {}, 'test');
		await expect(scheduleReminder(t.db, 'rp-plan', 3, {}, 'test')).rejects.toBeInstanceOf(ConflictError);

		expect(await runDueReminderSchedules(t.db)).toBe(1); // 14 days before: already due, Africa only
		expect(await reminders()).toEqual(['awa@example.org']);
		expect(await runDueReminderSchedules(t.db)).toBe(0); // once

		// Senegal's first reminder is still waiting (no SMTP here): it is not queued twice.
		expect(await runDueReminderSchedules(t.db, new Date(closes.getTime() - 2 * DAY_MS))).toBe(1);
		expect(await reminders()).toEqual(['anne@example.org', 'awa@example.org']);
		const done = await listReminderSchedules(t.db, edition.id);
		expect(done.map((s) => [s.days_before, s.queued_count])).toEqual([
			[14, 1],
			[3, 1]
		]);
	});
});
