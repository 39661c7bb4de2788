import type { Kysely } from 'kysely';

/**
 * Distribution: an extension lets one entity answer after its edition has closed
 * (a ministry that asked for a week more), without reopening the edition for everyone.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('invitation_extension')
		.addColumn('invitation_id', 'text', (c) => c.primaryKey().references('invitation.id').onDelete('cascade'))
		.addColumn('until', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('invitation_extension').ifExists().execute();
}
