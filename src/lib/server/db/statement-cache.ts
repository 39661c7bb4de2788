import type SQLite from 'better-sqlite3';

/** Distinct SQL texts kept prepared; the application has a few hundred at most. */
const MAX_STATEMENTS = 1_000;

/**
 * Kysely's SQLite driver prepares every query anew; with better-sqlite3 that was
 * the single largest cost of a respondent's autosave after survey-core (13% of the
 * server's CPU under bench/load.ts). Kysely generates the same SQL text for the same
 * query shape with parameters apart, so prepared statements are reused by text.
 * Safe because the driver runs a statement to completion (`all`/`run`) before the
 * next one on this single connection; only streaming (`iterate`, unused here) could
 * hold one open, and it gets a fresh statement.
 */
export function withStatementCache(db: SQLite.Database): SQLite.Database {
	const statements = new Map<string, SQLite.Statement>();
	const prepare = (source: string): SQLite.Statement => {
		let statement = statements.get(source);
		if (statement) {
			statements.delete(source);
		} else {
			statement = db.prepare(source);
			if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value as string);
		}
		statements.set(source, statement);
		return statement;
	};
	return new Proxy(db, {
		get(target, property) {
			if (property === 'prepare') return prepare;
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		}
	});
}
