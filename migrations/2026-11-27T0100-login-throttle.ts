import type { Kysely } from 'kysely';

/**
 * Sign-in throttle counters, shared by every server process through the database.
 * key: 'address:<ip>', 'pair:<email>|<ip>' or 'account:<email>'.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('access_login_throttle')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('failures', 'integer', (c) => c.notNull())
		.addColumn('last_failure_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('access_login_throttle_expires_idx').on('access_login_throttle').column('expires_at').execute();
	// The audit viewer filters by target as well as by time and action (the foundation's indexes).
	await db.schema.createIndex('audit_log_target_idx').on('audit_log').column('target_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('audit_log_target_idx').ifExists().execute();
	await db.schema.dropTable('access_login_throttle').ifExists().execute();
}
