import type { Kysely } from 'kysely';

/** Themes of open answers and the tags that put a comment under a theme. Frozen. */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('analysis_comment_theme')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('edition_id', 'text', (c) => c.notNull().references('edition.id'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addUniqueConstraint('analysis_comment_theme_name_uq', ['edition_id', 'name'])
		.execute();
	await db.schema
		.createTable('analysis_comment_tag')
		.addColumn('response_id', 'text', (c) => c.notNull().references('response.id').onDelete('cascade'))
		.addColumn('question', 'text', (c) => c.notNull())
		.addColumn('theme_id', 'text', (c) => c.notNull().references('analysis_comment_theme.id').onDelete('cascade'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('analysis_comment_tag_pk', ['response_id', 'question', 'theme_id'])
		.execute();
	await db.schema.createIndex('analysis_comment_tag_theme_idx').on('analysis_comment_tag').column('theme_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('analysis_comment_tag').ifExists().execute();
	await db.schema.dropTable('analysis_comment_theme').ifExists().execute();
}
