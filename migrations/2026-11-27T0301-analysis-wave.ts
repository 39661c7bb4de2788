import type { Kysely } from 'kysely';

/**
 * A previous edition's aggregated results, imported for wave comparison: one row
 * per import, the validated items as JSON (all or nothing). Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('analysis_wave')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('edition_id', 'text', (c) => c.notNull().references('edition.id'))
		.addColumn('label', 'text', (c) => c.notNull())
		.addColumn('source_filename', 'text', (c) => c.notNull())
		.addColumn('source_sha256', 'text', (c) => c.notNull())
		.addColumn('items_json', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('analysis_wave_edition_idx').on('analysis_wave').column('edition_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('analysis_wave').ifExists().execute();
}
