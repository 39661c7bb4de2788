import type { Db } from '../db/create-db.ts';
import { guessDecision, current, ADDRESS_WINDOW_MS, GLOBAL_WINDOW_MS, type GuessCounter } from '../../domain/invitation/guess-throttle.ts';

const GLOBAL_KEY = 'global';
const addressKey = (address: string | null) => `address:${address ?? 'unknown'}`;

async function read(db: Db, key: string): Promise<GuessCounter | undefined> {
	const row = await db.selectFrom('link_guess_throttle').select(['misses', 'window_start']).where('key', '=', key).executeTakeFirst();
	return row ? { misses: row.misses, windowStart: Date.parse(row.window_start) } : undefined;
}

/** Whether this address may look a token up now; retry-after in seconds when not. */
export async function linkLookupAllowed(db: Db, address: string | null, now = Date.now()): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
	const [own, all] = await Promise.all([read(db, addressKey(address)), read(db, GLOBAL_KEY)]);
	const decision = guessDecision(own, all, now);
	return decision.allowed ? { allowed: true, retryAfterSeconds: 0 } : { allowed: false, retryAfterSeconds: Math.ceil(decision.retryAfterMs / 1000) };
}

/** Counts one lookup that found nothing, for the address and for the service. */
export async function recordLinkMiss(db: Db, address: string | null, now = Date.now()): Promise<void> {
	for (const [key, windowMs] of [[addressKey(address), ADDRESS_WINDOW_MS], [GLOBAL_KEY, GLOBAL_WINDOW_MS]] as const) {
		const counter = current(await read(db, key), windowMs, now);
		const row = { key, misses: counter.misses + 1, window_start: new Date(counter.windowStart).toISOString() };
		await db
			.insertInto('link_guess_throttle')
			.values(row)
			.onConflict((oc) => oc.column('key').doUpdateSet({ misses: row.misses, window_start: row.window_start }))
			.execute();
	}
}

export type GuardedLink<T> = { kind: 'found'; context: T } | { kind: 'gone' } | { kind: 'refused'; retryAfterSeconds: number };

/**
 * Resolves a respondent token behind the guessing throttle: an address that missed
 * too often is refused before any lookup; a lookup that finds nothing is counted.
 */
export async function resolveGuarded<T>(db: Db, address: string | null, resolve: () => Promise<T | null>): Promise<GuardedLink<T>> {
	const gate = await linkLookupAllowed(db, address);
	if (!gate.allowed) return { kind: 'refused', retryAfterSeconds: gate.retryAfterSeconds };
	const context = await resolve();
	if (context) return { kind: 'found', context };
	await recordLinkMiss(db, address);
	return { kind: 'gone' };
}
