import { sql, type Kysely } from 'kysely';

/**
 * Issue 12 item 3: how each respondent link reached its holder. `mailed`: sent by the
 * outbox to one of the entity's focal points; `shown`: displayed to a Secretariat user
 * (reissue on the edition page, `invite`/`reissue` printed by the CLI, on-behalf entry,
 * the demo link). A shown link opens a submitted response as the receipt without its
 * answers: a coordinator must never read submitted answers (docs/access.md).
 * Existing links: those with a contact were mailed (the outbox alone records one).
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('invitation_link')
		.addColumn('delivery', 'text', (c) =>
			c
				.notNull()
				.defaultTo('shown')
				.check(sql`delivery in ('shown', 'mailed')`)
		)
		.execute();
	await db.updateTable('invitation_link').set({ delivery: 'mailed' }).where('contact_id', 'is not', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('invitation_link').dropColumn('delivery').execute();
}
