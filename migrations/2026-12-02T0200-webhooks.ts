import { sql, type Kysely } from 'kysely';

/**
 * Issue 17 item 4: webhooks. An endpoint is a URL, its signing secret and the events it
 * subscribes to. A delivery is a row of the existing outbox (kind `webhook`), so it is
 * claimed, leased, retried with backoff and picked up by any node exactly as e-mail is.
 * A webhook row has no invitation, contact, address or edition (the edition it concerns
 * is in its payload; keeping edition_id empty keeps it out of every edition's e-mail
 * counts), so those columns become nullable: the table is rebuilt, in portable steps
 * (SQLite cannot drop NOT NULL or change a CHECK in place).
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('webhook_endpoint')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('url', 'text', (c) => c.notNull())
		.addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
		// Kept as such: signing needs it (a hash would not do). Rotated by setting a new one.
		.addColumn('secret', 'text', (c) => c.notNull())
		// The subscribed event types as a JSON array, sorted.
		.addColumn('events_json', 'text', (c) => c.notNull())
		.addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('active', 'paused')`))
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('outbox_message_next')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('invitation', 'reminder', 'webhook')`))
		.addColumn('edition_id', 'text', (c) => c.references('edition.id'))
		.addColumn('invitation_id', 'text', (c) => c.references('invitation.id'))
		.addColumn('contact_id', 'text', (c) => c.references('contact.id'))
		.addColumn('to_email', 'text')
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('queued', 'sending', 'sent', 'failed', 'cancelled')`))
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('next_attempt_at', 'text', (c) => c.notNull())
		.addColumn('last_error', 'text')
		.addColumn('batch_id', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('sent_at', 'text')
		// Webhook deliveries only: the endpoint, the event (its id is the receiver's idempotency key), the exact body, the last HTTP status.
		.addColumn('endpoint_id', 'text', (c) => c.references('webhook_endpoint.id').onDelete('cascade'))
		.addColumn('event_id', 'text')
		.addColumn('event_type', 'text')
		.addColumn('payload_json', 'text')
		.addColumn('last_status', 'integer')
		.addCheckConstraint(
			'outbox_message_kind_fields',
			sql`(kind = 'webhook' and endpoint_id is not null and event_id is not null and payload_json is not null)
				or (kind <> 'webhook' and edition_id is not null and invitation_id is not null and contact_id is not null and to_email is not null)`
		)
		.execute();
	await sql`insert into outbox_message_next (id, kind, edition_id, invitation_id, contact_id, to_email, locale, state, attempts, next_attempt_at, last_error, batch_id, created_by, created_at, sent_at)
		select id, kind, edition_id, invitation_id, contact_id, to_email, locale, state, attempts, next_attempt_at, last_error, batch_id, created_by, created_at, sent_at from outbox_message`.execute(
		db
	);
	await db.schema.dropTable('outbox_message').execute();
	await db.schema.alterTable('outbox_message_next').renameTo('outbox_message').execute();
	await db.schema.createIndex('outbox_message_due_idx').on('outbox_message').columns(['state', 'next_attempt_at']).execute();
	await db.schema.createIndex('outbox_message_batch_idx').on('outbox_message').column('batch_id').execute();
	await db.schema.createIndex('outbox_message_invitation_idx').on('outbox_message').column('invitation_id').execute();
	await db.schema.createIndex('outbox_message_endpoint_idx').on('outbox_message').columns(['endpoint_id', 'created_at']).execute();
}

/** Removes the webhooks; the outbox keeps its wider shape (its mail rows are unchanged by it). */
export async function down(db: Kysely<any>): Promise<void> {
	await db.deleteFrom('outbox_message').where('kind', '=', 'webhook').execute();
	await db.deleteFrom('webhook_endpoint').execute();
}
