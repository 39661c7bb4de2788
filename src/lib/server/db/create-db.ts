import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely } from 'kysely';
import { FifoSqliteDialect } from './sqlite-dialect.ts';
import type { Database } from './schema.ts';
import { withStatementCache } from './statement-cache.ts';

export type Db = Kysely<Database>;

/** How long a writer waits for SQLite's lock before giving up (ms). */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens the database named by a URL: `sqlite:path`, `file:path` or a bare path is
 * the embedded default. A `postgres://` URL is the multi-node option; it is refused
 * here until PostgreSQL support lands, so that nobody runs on a half-done dialect.
 * Repositories only ever see `Kysely<Database>`, so adding a dialect touches this file alone.
 */
export function createDb(url: string): Db {
	if (/^postgres(ql)?:\/\//.test(url)) {
		throw new Error('PostgreSQL is not supported yet: use an SQLite path in DATABASE_URL');
	}
	const path = url.replace(/^(sqlite|file):(\/\/)?/, '');
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const sqlite = new SQLite(path);
	// WAL lets readers (the Secretariat's dashboards) run while respondents write;
	// synchronous=FULL makes every acknowledged save survive a power cut.
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
	return new Kysely<Database>({ dialect: new FifoSqliteDialect({ database: withStatementCache(sqlite) }) });
}
