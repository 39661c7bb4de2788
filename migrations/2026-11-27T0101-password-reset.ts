import type { Kysely } from 'kysely';

/** Single-use, expiring password-reset links; only the SHA-256 of the token is kept. */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('access_password_reset')
		.addColumn('token_hash', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.addColumn('ip', 'text')
		.execute();
	await db.schema.createIndex('access_password_reset_user_idx').on('access_password_reset').columns(['user_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('access_password_reset').ifExists().execute();
}
