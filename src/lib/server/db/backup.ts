import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { isPostgresUrl } from './create-db.ts';

/** The file behind an SQLite DATABASE_URL; backup and restore are SQLite operations. */
export function sqlitePath(url: string): string {
	if (isPostgresUrl(url)) throw new Error('backup and restore here are for SQLite; on PostgreSQL use pg_dump and pg_restore (see docs/postgresql.md)');
	return resolve(url.replace(/^(sqlite|file):(\/\/)?/, ''));
}

/**
 * A consistent copy of a live database through SQLite's online backup API: the
 * server may keep writing meanwhile. The copy is checked before it is kept.
 */
export async function backupDatabase(url: string, target: string): Promise<{ pages: number }> {
	const source = sqlitePath(url);
	if (!existsSync(source)) throw new Error(`no database at ${source}`);
	const destination = resolve(target);
	if (existsSync(destination)) throw new Error(`${destination} exists: choose a new file name`);
	const partial = `${destination}.partial`;
	rmSync(partial, { force: true });
	const db = new SQLite(source, { readonly: true, fileMustExist: true });
	try {
		const { totalPages } = await db.backup(partial);
		checkIntegrity(partial);
		renameSync(partial, destination);
		return { pages: totalPages };
	} finally {
		db.close();
		rmSync(partial, { force: true });
	}
}

function checkIntegrity(file: string): void {
	const db = new SQLite(file, { readonly: true, fileMustExist: true });
	try {
		const result = db.pragma('integrity_check', { simple: true });
		if (result !== 'ok') throw new Error(`${file} fails SQLite's integrity check: ${String(result)}`);
		const migrated = db.prepare(`select count(*) as n from sqlite_master where name = 'kysely_migration'`).get() as { n: number };
		if (migrated.n === 0) throw new Error(`${file} is not a database of this application (no migration table)`);
	} finally {
		db.close();
	}
}

/**
 * Replaces the database with a backup. The server must be stopped. The backup is
 * checked first; the current file is kept beside it as `<name>.before-restore`.
 */
export function restoreDatabase(url: string, backup: string): { previous: string | null } {
	const target = sqlitePath(url);
	const source = resolve(backup);
	if (!existsSync(source)) throw new Error(`no backup at ${source}`);
	checkIntegrity(source);
	const staged = resolve(dirname(target), `.restore-${process.pid}.db`);
	copyFileSync(source, staged);
	let previous: string | null = null;
	if (existsSync(target)) {
		previous = `${target}.before-restore`;
		rmSync(previous, { force: true });
		renameSync(target, previous);
	}
	for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
	renameSync(staged, target);
	return { previous };
}
