import type { Kysely } from 'kysely';

/**
 * Optional TOTP second factor. access_totp: one key per user (pending until confirmed
 * with a first code); last_step refuses a code used twice. access_session_mfa: which
 * sessions passed the second factor, and wrong codes tried on a pending one.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('access_totp')
		.addColumn('user_id', 'text', (c) => c.primaryKey().references('app_user.id').onDelete('cascade'))
		.addColumn('secret', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('enabled_at', 'text')
		.addColumn('last_step', 'integer')
		.execute();
	await db.schema
		.createTable('access_session_mfa')
		.addColumn('session_id', 'text', (c) => c.primaryKey().references('user_session.id').onDelete('cascade'))
		.addColumn('verified_at', 'text')
		.addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('access_session_mfa').ifExists().execute();
	await db.schema.dropTable('access_totp').ifExists().execute();
}
