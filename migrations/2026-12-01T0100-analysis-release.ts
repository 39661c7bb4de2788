import type { Kysely } from 'kysely';

/**
 * Results releases: dated, immutable snapshots of an edition's suppressed aggregates.
 * Every reader without raw-data rights (Council, regional office, public dashboard,
 * Council report) reads the latest release instead of a live query, so that two
 * views before and after one submission never differ by one entity's answers.
 * Rows are only ever inserted (number 1, 2, ... per edition). Frozen.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('analysis_release')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('edition_id', 'text', (c) => c.notNull().references('edition.id'))
		.addColumn('number', 'integer', (c) => c.notNull())
		.addColumn('released_at', 'text', (c) => c.notNull())
		.addColumn('released_by', 'text', (c) => c.notNull())
		.addColumn('respondents', 'integer', (c) => c.notNull())
		.addColumn('min_count', 'integer', (c) => c.notNull())
		.addColumn('last_submitted_at', 'text')
		.addColumn('views_json', 'text', (c) => c.notNull())
		.addColumn('views_sha256', 'text', (c) => c.notNull())
		.addColumn('basis_json', 'text', (c) => c.notNull())
		.addUniqueConstraint('analysis_release_edition_number', ['edition_id', 'number'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('analysis_release').ifExists().execute();
}
