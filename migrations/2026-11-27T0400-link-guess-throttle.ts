import type { Kysely } from 'kysely';

/**
 * Counters of respondent-link lookups that found nothing, per client address and
 * for the whole service, shared by every server process through the database.
 * key: 'address:<ip>' or 'global'.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('link_guess_throttle')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('misses', 'integer', (c) => c.notNull())
		.addColumn('window_start', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('link_guess_throttle').ifExists().execute();
}
