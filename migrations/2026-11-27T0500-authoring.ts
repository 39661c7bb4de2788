import { sql, type Kysely } from 'kysely';

/**
 * Issue 5: questionnaire authoring and translation.
 *
 * questionnaire_draft: the one working copy of a questionnaire slug. Publishing it
 * checks it and stores an immutable row in `questionnaire` (the next version);
 * the draft stays, to become the version after. `revision` guards against two
 * authors overwriting each other. `base_questionnaire_id` is the published version
 * it was copied from (diff, and names that changed since: they break wave comparison).
 *
 * translation_state: the review state of one translatable string in one language of
 * a draft or of a published version (owner_id is either id; publishing copies the
 * draft's rows to the new version). "missing" is never stored: a string without text
 * is missing. `source_hash` is the hash of the source (English) text the translation
 * was made from: when the source changes, the translation needs review.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('questionnaire_draft')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('definition_json', 'text', (c) => c.notNull())
		.addColumn('base_questionnaire_id', 'text', (c) => c.references('questionnaire.id'))
		.addColumn('revision', 'integer', (c) => c.notNull())
		.addColumn('created_by', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('translation_state')
		.addColumn('owner_id', 'text', (c) => c.notNull())
		.addColumn('string_key', 'text', (c) => c.notNull())
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) => c.notNull().check(sqlCheck()))
		.addColumn('source_hash', 'text', (c) => c.notNull())
		.addColumn('updated_by', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addPrimaryKeyConstraint('translation_state_pk', ['owner_id', 'string_key', 'locale'])
		.execute();

	// The launch-gate override is recorded in the audit log; the edition only remembers it was given.
	await db.schema.alterTable('edition').addColumn('translation_gate_overridden_by', 'text').execute();
}

/** Portable on SQLite and PostgreSQL. */
function sqlCheck() {
	return sql`status in ('draft', 'machine', 'reviewed')`;
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('edition').dropColumn('translation_gate_overridden_by').execute();
	await db.schema.dropTable('translation_state').ifExists().execute();
	await db.schema.dropTable('questionnaire_draft').ifExists().execute();
}
