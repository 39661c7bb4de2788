import type { Kysely } from 'kysely';

/**
 * Council reports as generated: the document itself and the aggregated data it was
 * built from, so that a report read at the Council can be traced to its figures even
 * after more responses arrive. Frozen: change the schema with a new file.
 *
 * The document is kept as base64 text (portable between SQLite and PostgreSQL
 * without a dialect-specific binary type).
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('analysis_report')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('edition_id', 'text', (c) => c.notNull().references('edition.id'))
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('format', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addColumn('min_count', 'integer', (c) => c.notNull())
		.addColumn('respondents', 'integer', (c) => c.notNull())
		.addColumn('last_submitted_at', 'text')
		.addColumn('data_json', 'text', (c) => c.notNull())
		.addColumn('data_sha256', 'text', (c) => c.notNull())
		.addColumn('content_base64', 'text', (c) => c.notNull())
		.addColumn('content_sha256', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('analysis_report_edition_idx').on('analysis_report').columns(['edition_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('analysis_report').ifExists().execute();
}
