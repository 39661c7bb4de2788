import type { Kysely } from 'kysely';

/**
 * Whether an edition's aggregated, suppressed results are published for the
 * membership (Resolution 25's regional presence dashboard). One row per published
 * edition; unpublishing deletes the row (the audit log keeps the history). Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('analysis_publication')
		.addColumn('edition_id', 'text', (c) => c.primaryKey().references('edition.id'))
		.addColumn('published_at', 'text', (c) => c.notNull())
		.addColumn('published_by', 'text', (c) => c.notNull())
		.addColumn('min_count', 'integer', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('analysis_publication').ifExists().execute();
}
