import type { Kysely } from 'kysely';

/**
 * Single sign-on (issue 17 item 5, docs/sso.md). access_oidc_identity links a local
 * user to an identity at a provider by (issuer, subject): the subject never changes,
 * an e-mail address may. access_oidc_session marks the sessions opened through the
 * provider (their second factor was the provider's) and keeps the ID token that
 * signing out hands back to the provider's end-session endpoint.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('access_oidc_identity')
		.addColumn('issuer', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('last_login_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('access_oidc_identity_pk', ['issuer', 'subject'])
		.execute();
	await db.schema.createIndex('access_oidc_identity_user').on('access_oidc_identity').column('user_id').execute();
	await db.schema
		.createTable('access_oidc_session')
		.addColumn('session_id', 'text', (c) => c.primaryKey().references('user_session.id').onDelete('cascade'))
		.addColumn('issuer', 'text', (c) => c.notNull())
		.addColumn('id_token', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('access_oidc_session').ifExists().execute();
	await db.schema.dropTable('access_oidc_identity').ifExists().execute();
}
