import type { Kysely } from 'kysely';

/**
 * Issue 15 item 3: the Secretariat's own text in an edition's Council report (cover fields,
 * summary addition, conclusions, recommendations), in six languages, versioned: every save
 * inserts the next version (1, 2, ...) holding the whole content, and rows are never
 * updated, so any earlier wording can be read again. texts_json: field → locale → text;
 * states_json: locale → field → { status, sourceHash } (the review state of a translation
 * and the hash of the English it was made from, as translation_state keeps for questionnaires).
 * The document's date and original language are set per report with the texts. Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('report_secretariat_text')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('edition_id', 'text', (c) => c.notNull().references('edition.id'))
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('texts_json', 'text', (c) => c.notNull())
		.addColumn('states_json', 'text', (c) => c.notNull())
		.addColumn('document_date', 'text')
		.addColumn('original_language', 'text')
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addUniqueConstraint('report_secretariat_text_edition_version', ['edition_id', 'version'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('report_secretariat_text').ifExists().execute();
}
