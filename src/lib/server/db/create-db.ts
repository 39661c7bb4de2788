import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect } from 'kysely';
import pg from 'pg';
import { FifoSqliteDialect } from './sqlite-dialect.ts';
import type { Database } from './schema/database.ts';
import { withStatementCache } from './statement-cache.ts';
import { DEFAULT_POOL_SIZE } from '../platform/config.ts';
import { createLogger } from '../platform/log.ts';

export type Db = Kysely<Database>;

/** How long a writer waits for SQLite's lock before giving up (ms). */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;
export { DEFAULT_POOL_SIZE };
/** PostgreSQL type ids whose text form we turn into numbers (see pgTypes). */
const PG_INT8_OID = 20;
const PG_NUMERIC_OID = 1700;

export interface DbOptions {
	/** Most connections one process opens to PostgreSQL (ignored for SQLite). */
	poolSize?: number;
}

/** True for the URLs that select PostgreSQL. */
export function isPostgresUrl(url: string): boolean {
	return /^postgres(ql)?:\/\//.test(url);
}

/** Which engine a handle talks to, for the few places that must differ (backup, readiness). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any handle, whatever its schema type
export function dialectOf(db: Kysely<any>): 'postgres' | 'sqlite' {
	return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * count(*) is bigint and avg()/sum() of integers are numeric on PostgreSQL, which
 * node-postgres hands back as strings (they may exceed 2^53). Ours are counts of
 * respondents and averages of 1..5 scores, so numbers are exact and every query
 * returns the same JavaScript types as on SQLite.
 */
const pgTypes = {
	getTypeParser(oid: number, format?: 'text' | 'binary') {
		if (oid === PG_INT8_OID || oid === PG_NUMERIC_OID) return (value: string) => Number(value);
		return pg.types.getTypeParser(oid, format);
	}
} as pg.CustomTypesConfig;

/**
 * Opens the database named by a URL: `sqlite:path`, `file:path` or a bare path is
 * the embedded default; `postgres://` or `postgresql://` is the multi-node option.
 * Repositories only ever see `Kysely<Database>`, so a dialect difference lives here
 * (or behind `dialectOf`) and nowhere else.
 */
export function createDb(url: string, options: DbOptions = {}): Db {
	if (isPostgresUrl(url)) {
		const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? DEFAULT_POOL_SIZE, types: pgTypes });
		// PostgreSQL may close a connection the pool holds idle (a restart, a failover, an
		// administrator, idle_session_timeout). node-postgres then emits 'error' on the pool,
		// and an 'error' event nobody listens to ends the process: every respondent of this
		// node would lose the page they are on. The pool has already dropped that connection
		// and opens a new one for the next query, so it is worth a log line, not a crash.
		pool.on('error', (error) => createLogger('db').warn('an idle database connection was closed by the server; the next query opens a new one', { error }));
		return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
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
