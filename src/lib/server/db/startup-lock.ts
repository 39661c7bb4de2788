import { sql } from 'kysely';
import { dialectOf, type Db } from './create-db.ts';

/** Any fixed number: the key of the PostgreSQL advisory lock that start-ups take in turn. */
const STARTUP_LOCK_KEY = 725_2026;

/**
 * Runs `work` while no other process runs it on the same database. Several nodes
 * started together on PostgreSQL would otherwise all see "no edition yet" and race to
 * create it (unique violation, a node that does not start). A session advisory lock
 * held on one pooled connection makes them take turns; `work` uses the other
 * connections, hence a pool of at least two. SQLite: one file, one machine, and its
 * single writer already serialises; nothing to do.
 */
export async function withStartupLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
	if (dialectOf(db) !== 'postgres') return work();
	return db.connection().execute(async (conn) => {
		await sql`select pg_advisory_lock(${STARTUP_LOCK_KEY})`.execute(conn);
		try {
			return await work();
		} finally {
			await sql`select pg_advisory_unlock(${STARTUP_LOCK_KEY})`.execute(conn);
		}
	});
}
