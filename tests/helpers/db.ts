import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type Db } from '../../src/lib/server/db/create-db.ts';
import { migrateToLatest } from '../../src/lib/server/db/migrate.ts';
import { createTestDatabase, postgresMode } from './pg.ts';

export interface TestDb {
	db: Db;
	/** The DATABASE_URL of this database: an SQLite file path, or a postgres:// URL in postgres mode. */
	path: string;
	dir: string;
	close(): Promise<void>;
}

/**
 * A fresh database with the real migrations applied: an SQLite file, or (in postgres
 * mode, see helpers/pg.ts) a new PostgreSQL database dropped again by close().
 */
export async function freshDb(): Promise<TestDb> {
	const dir = mkdtempSync(join(tmpdir(), 'rps-test-'));
	const pg = postgresMode() ? await createTestDatabase() : undefined;
	const path = pg?.url ?? join(dir, 'survey.db');
	const db = createDb(path);
	await migrateToLatest(db);
	return {
		db,
		path,
		dir,
		async close() {
			await db.destroy();
			await pg?.drop();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
