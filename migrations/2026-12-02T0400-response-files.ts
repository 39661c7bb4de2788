import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Files uploaded by respondents (issue 18 item 3, docs/authoring.md "File upload"):
 * the bytes (blob on SQLite, bytea on PostgreSQL), the name the respondent gave, the
 * type recognised from the content, the size and the SHA-256. A row belongs to one
 * response and one question; deleting the response deletes its files. The answer
 * refers to a row as `rps-file:<id>`. Frozen: change the schema with a new file.
 */
export async function up(db: Kysely<any>): Promise<void> {
	const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
	await db.schema
		.createTable('response_file')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('response_id', 'text', (c) => c.notNull().references('response.id').onDelete('cascade'))
		.addColumn('question', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('type', 'text', (c) => c.notNull())
		.addColumn('size', 'integer', (c) => c.notNull())
		.addColumn('sha256', 'text', (c) => c.notNull())
		.addColumn('content', binary, (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema.createIndex('response_file_response').on('response_file').column('response_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('response_file').ifExists().execute();
}
