import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type Db } from '../../src/lib/server/db/create-db.ts';
import { migrateToLatest } from '../../src/lib/server/db/migrate.ts';

export interface TestDb {
	db: Db;
	path: string;
	dir: string;
	close(): Promise<void>;
}

/** A fresh SQLite file with the real migrations applied. */
export async function freshDb(): Promise<TestDb> {
	const dir = mkdtempSync(join(tmpdir(), 'rps-test-'));
	const path = join(dir, 'survey.db');
	const db = createDb(path);
	await migrateToLatest(db);
	return {
		db,
		path,
		dir,
		async close() {
			await db.destroy();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
