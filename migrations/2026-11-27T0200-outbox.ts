import { sql, type Kysely } from 'kysely';

/**
 * Distribution: the e-mail outbox. A row is one message to one contact; it holds no
 * secret: the respondent link is issued (and only its hash stored) at the moment the
 * message is sent, so neither this table nor a backup of it can open a questionnaire.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('outbox_message')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('invitation', 'reminder')`))
		.addColumn('edition_id', 'text', (c) => c.notNull().references('edition.id'))
		.addColumn('invitation_id', 'text', (c) => c.notNull().references('invitation.id'))
		.addColumn('contact_id', 'text', (c) => c.notNull().references('contact.id'))
		.addColumn('to_email', 'text', (c) => c.notNull())
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('queued', 'sending', 'sent', 'failed', 'cancelled')`))
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('next_attempt_at', 'text', (c) => c.notNull())
		.addColumn('last_error', 'text')
		.addColumn('batch_id', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('sent_at', 'text')
		.execute();
	await db.schema.createIndex('outbox_message_due_idx').on('outbox_message').columns(['state', 'next_attempt_at']).execute();
	await db.schema.createIndex('outbox_message_batch_idx').on('outbox_message').column('batch_id').execute();
	await db.schema.createIndex('outbox_message_invitation_idx').on('outbox_message').column('invitation_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('outbox_message').ifExists().execute();
}
