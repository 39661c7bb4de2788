import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileMigrationProvider, Migrator, type MigrationResultSet } from 'kysely/migration';
import type { Db } from './create-db.ts';
import { getConfig } from '../platform/config.ts';

/** Where the frozen migration files live; the CLI and the server both run from the repository. */
export function migrationsFolder(): string {
	return path.resolve(getConfig().migrationsDir);
}

function createMigrator(db: Db): Migrator {
	return new Migrator({
		db,
		provider: new FileMigrationProvider({
			fs,
			path,
			migrationFolder: migrationsFolder(),
			import: (file: string) => import(/* @vite-ignore */ pathToFileURL(file).href)
		})
	});
}

/** Brings the schema to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<string[]> {
	const { error, results }: MigrationResultSet = await createMigrator(db).migrateToLatest();
	const failed = results?.find((r) => r.status === 'Error');
	if (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
	}
	return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of migrations present in migrations/ but not yet applied. */
export async function pendingMigrations(db: Db): Promise<string[]> {
	return (await createMigrator(db).getMigrations()).filter((m) => !m.executedAt).map((m) => m.name);
}
