import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema/database.ts';
import { counterLifetimeMs, throttleKeys, type Counter, type Counters } from '../../domain/access/throttle.ts';

/**
 * The throttle counters in the database. A failure is one atomic upsert per counter
 * (portable INSERT ... ON CONFLICT DO UPDATE), so concurrent processes never lose a count.
 */
const KINDS = ['address', 'pair', 'account'] as const;

export async function readCounters(db: Kysely<Database>, email: string, address: string | null): Promise<Counters> {
	const keys = throttleKeys(email, address);
	const rows = await db.selectFrom('access_login_throttle').selectAll().where('key', 'in', Object.values(keys)).execute();
	const counters: Counters = {};
	for (const kind of KINDS) {
		const row = rows.find((r) => r.key === keys[kind]);
		if (row) counters[kind] = { failures: Number(row.failures), lastFailureAt: row.last_failure_at, expiresAt: row.expires_at } satisfies Counter;
	}
	return counters;
}

export async function recordFailure(db: Kysely<Database>, email: string, address: string | null, now: Date): Promise<void> {
	const keys = throttleKeys(email, address);
	const at = now.toISOString();
	for (const kind of KINDS) {
		const { ms, sliding } = counterLifetimeMs(kind);
		const expires = new Date(now.getTime() + ms).toISOString();
		const stale = sql<boolean>`access_login_throttle.expires_at <= ${at}`;
		await db
			.insertInto('access_login_throttle')
			.values({ key: keys[kind], failures: 1, last_failure_at: at, expires_at: expires })
			.onConflict((oc) =>
				oc.column('key').doUpdateSet({
					failures: sql<number>`case when ${stale} then 1 else access_login_throttle.failures + 1 end`,
					last_failure_at: at,
					expires_at: sliding ? expires : sql<string>`case when ${stale} then ${expires} else access_login_throttle.expires_at end`
				})
			)
			.execute();
	}
}

/** A success clears the account's counters; the address counter stays (see domain/access/throttle.ts). */
export async function clearAccountCounters(db: Kysely<Database>, email: string, address: string | null): Promise<void> {
	const keys = throttleKeys(email, address);
	await db.deleteFrom('access_login_throttle').where('key', 'in', [keys.pair, keys.account]).execute();
}

/** Forgets expired counters; called now and then so the table stays small. */
export async function purgeExpiredCounters(db: Kysely<Database>, now: Date): Promise<void> {
	await db.deleteFrom('access_login_throttle').where('expires_at', '<=', now.toISOString()).execute();
}
