import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type Db } from '../../src/lib/server/db/create-db.ts';
import { createTestDatabase, postgresMode } from './pg.ts';
import type { TestDb } from './db.ts';

/**
 * A database prepared once (migrations, bootstrap, a registry: whatever `prepare` does) and
 * copied for each test that needs it fresh: a file copy on SQLite, `create database ...
 * template` on PostgreSQL. Preparing a bootstrapped database costs seconds of CPU (migrations,
 * reference data, the demo registry); a copy costs milliseconds. Make it in beforeAll, copy in
 * beforeEach, close in afterAll.
 */
export interface DbTemplate {
	/** A fresh, independent database with the template's content. */
	copy(): Promise<TestDb>;
	/** Removes the template (the copies close themselves). */
	close(): Promise<void>;
}

/** Prepares the template with `prepare(t)` on a database from `make` (e.g. bootstrappedDb), then closes it so it can be copied. */
export async function dbTemplate(make: () => Promise<TestDb>, prepare: (db: Db) => Promise<void> = async () => {}): Promise<DbTemplate> {
	const template = await make();
	await prepare(template.db);
	// Closing checkpoints SQLite's write-ahead log into the file, and PostgreSQL copies
	// only a database nobody is connected to.
	await template.db.destroy();
	const pg = postgresMode();
	const templateName = pg ? new URL(template.path).pathname.slice(1) : '';
	return {
		async copy() {
			const dir = mkdtempSync(join(tmpdir(), 'rps-test-'));
			const copied = pg ? await createTestDatabase(templateName) : undefined;
			const path = copied?.url ?? join(dir, 'survey.db');
			if (!copied) copyFileSync(template.path, path);
			const db = createDb(path);
			return {
				db,
				path,
				dir,
				async close() {
					await db.destroy();
					await copied?.drop();
					rmSync(dir, { recursive: true, force: true });
				}
			};
		},
		async close() {
			// TestDb.close() destroys its db again: Kysely's destroy is idempotent.
			await template.close();
		}
	};
}
