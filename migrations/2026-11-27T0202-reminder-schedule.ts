import type { Kysely } from 'kysely';

/**
 * Distribution: reminders planned relative to an edition's closing (e.g. 14 and 3 days
 * before), queued by the server when due, each once.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('reminder_schedule')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('edition_id', 'text', (c) => c.notNull().references('edition.id'))
		.addColumn('days_before', 'integer', (c) => c.notNull())
		.addColumn('segment_json', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('queued_at', 'text')
		.addColumn('queued_count', 'integer')
		.addUniqueConstraint('reminder_schedule_uq', ['edition_id', 'days_before', 'segment_json'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('reminder_schedule').ifExists().execute();
}
