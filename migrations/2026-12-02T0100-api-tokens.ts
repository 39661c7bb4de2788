import type { Kysely } from 'kysely';

/**
 * API tokens (docs/api.md): a script reads the JSON API under /api/v1 with a bearer
 * token an administrator created for one role (and, for a regional office, one region).
 * Only the SHA-256 of the token is kept; a revoked token stays listed (revoked_at).
 * api_rate_window: one fixed-window request counter per token, shared by every app
 * process through the database. Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('api_token')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('role', 'text', (c) => c.notNull())
		.addColumn('region_code', 'text', (c) => c.references('region.code'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addColumn('revoked_at', 'text')
		.addColumn('revoked_by', 'text')
		.addColumn('last_used_at', 'text')
		.execute();
	await db.schema
		.createTable('api_rate_window')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('requests', 'integer', (c) => c.notNull())
		.addColumn('window_start', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('api_rate_window').ifExists().execute();
	await db.schema.dropTable('api_token').ifExists().execute();
}
