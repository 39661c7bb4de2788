import { sql } from 'kysely';
import type { Db } from '../db/create-db.ts';
import { guessDecision, ADDRESS_WINDOW_MS, GLOBAL_WINDOW_MS, type GuessCounter } from '../../domain/invitation/guess-throttle.ts';
import { hashToken, isWellFormedToken } from '../../domain/invitation/token.ts';
import { findLinkContext, linkContextQuery, type LinkContext } from '../distribution/invitations/invitations.ts';
import { isAcceptingAnswers } from '../distribution/editions/editions.ts';

export const GLOBAL_KEY = 'global';
export const addressKey = (address: string | null) => `address:${address ?? 'unknown'}`;

/** Both counters (this address's and the service's) in one query: it runs before every respondent request. */
async function readCounters(db: Db, address: string | null): Promise<{ own?: GuessCounter; all?: GuessCounter }> {
	const own = addressKey(address);
	const rows = await db.selectFrom('link_guess_throttle').select(['key', 'misses', 'window_start']).where('key', 'in', [own, GLOBAL_KEY]).execute();
	const counter = (key: string) => {
		const row = rows.find((r) => r.key === key);
		return row ? { misses: row.misses, windowStart: Date.parse(row.window_start) } : undefined;
	};
	return { own: counter(own), all: counter(GLOBAL_KEY) };
}

/** Whether this address may look a token up now; retry-after in seconds when not. */
export async function linkLookupAllowed(db: Db, address: string | null, now = Date.now()): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
	const { own, all } = await readCounters(db, address);
	return gateOf(guessDecision(own, all, now));
}

function gateOf(decision: ReturnType<typeof guessDecision>): { allowed: boolean; retryAfterSeconds: number } {
	return decision.allowed ? { allowed: true, retryAfterSeconds: 0 } : { allowed: false, retryAfterSeconds: Math.ceil(decision.retryAfterMs / 1000) };
}

/**
 * Counts one lookup that found nothing, for the address and for the service. One
 * upsert each, computed by the database (not read, add one, write back): several
 * requests or app processes counting at once must not lose each other's misses.
 */
export async function recordLinkMiss(db: Db, address: string | null, now = Date.now()): Promise<void> {
	const at = new Date(now).toISOString();
	for (const [key, windowMs] of [
		[addressKey(address), ADDRESS_WINDOW_MS],
		[GLOBAL_KEY, GLOBAL_WINDOW_MS]
	] as const) {
		// The window is over (see `current`): start a new one at this miss.
		const stale = sql<boolean>`link_guess_throttle.window_start <= ${new Date(now - windowMs).toISOString()}`;
		await db
			.insertInto('link_guess_throttle')
			.values({ key, misses: 1, window_start: at })
			.onConflict((oc) =>
				oc.column('key').doUpdateSet({
					misses: sql<number>`case when ${stale} then 1 else link_guess_throttle.misses + 1 end`,
					window_start: sql<string>`case when ${stale} then ${at} else link_guess_throttle.window_start end`
				})
			)
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

/** A lookup that read the throttle's counters in its own statement (their columns null when absent). */
export interface CountedLookup<T> {
	context: T | null;
	own: { misses: number | null; window_start: string | null };
	all: { misses: number | null; window_start: string | null };
}

const counterOf = (c: { misses: number | null; window_start: string | null }): GuessCounter | undefined =>
	c.misses === null || c.window_start === null ? undefined : { misses: c.misses, windowStart: Date.parse(c.window_start) };

/**
 * As resolveGuarded, with the throttle's counters read by the lookup itself (`lookup` gets
 * the two counter keys): a link that exists costs one statement instead of two, before
 * every respondent request. The decision is the same: an address over its limit is refused
 * whether or not the token exists, and that is decided before anything found is used.
 * When no row comes back there were no counters to carry: they are read as before.
 */
export async function resolveGuardedCounted<T>(
	db: Db,
	address: string | null,
	lookup: (ownKey: string, globalKey: string) => Promise<CountedLookup<T> | null>,
	now = Date.now()
): Promise<GuardedLink<T>> {
	const row = await lookup(addressKey(address), GLOBAL_KEY);
	const gate = row ? gateOf(guessDecision(counterOf(row.own), counterOf(row.all), now)) : await linkLookupAllowed(db, address, now);
	if (!gate.allowed) return { kind: 'refused', retryAfterSeconds: gate.retryAfterSeconds };
	if (row?.context) return { kind: 'found', context: row.context };
	await recordLinkMiss(db, address, now);
	return { kind: 'gone' };
}

/**
 * The invitation behind a token, or null when the link cannot be used: unknown,
 * malformed, revoked, or its edition not taking answers. Callers show one and the
 * same page for all of these, so the answer reveals nothing about the token.
 */
export async function resolveRespondentLink(db: Db, token: string, now = new Date()): Promise<LinkContext | null> {
	if (!isWellFormedToken(token)) return null;
	const context = await findLinkContext(db, hashToken(token));
	return context && usable(context, now) ? context : null;
}

/** Whether a link found may be used now: not revoked, its invitation active, its edition taking answers. */
function usable(context: LinkContext, now: Date): boolean {
	if (context.link_revoked_at || context.invitation_state !== 'active') return false;
	const edition = { state: context.edition_state, opens_at: context.opens_at, closes_at: context.closes_at };
	return isAcceptingAnswers(edition, now, context.extended_until);
}

/**
 * resolveRespondentLink behind the guessing throttle (above), in one statement when
 * the token exists: the throttle's two counters are read with the link. It runs before every
 * respondent request, and the separate counter read was a statement per request.
 */
export async function guardedRespondentLink(db: Db, address: string | null, token: string, now = new Date()): Promise<GuardedLink<LinkContext>> {
	return resolveGuardedCounted(
		db,
		address,
		async (ownKey, globalKey) => {
			if (!isWellFormedToken(token)) return null;
			const row = await linkContextQuery(db, hashToken(token))
				.select((eb) => [
					eb.selectFrom('link_guess_throttle').select('misses').where('key', '=', ownKey).as('own_misses'),
					eb.selectFrom('link_guess_throttle').select('window_start').where('key', '=', ownKey).as('own_window_start'),
					eb.selectFrom('link_guess_throttle').select('misses').where('key', '=', globalKey).as('all_misses'),
					eb.selectFrom('link_guess_throttle').select('window_start').where('key', '=', globalKey).as('all_window_start')
				])
				.executeTakeFirst();
			if (!row) return null;
			const { own_misses, own_window_start, all_misses, all_window_start, ...context } = row;
			return {
				context: usable(context, now) ? context : null,
				own: { misses: own_misses, window_start: own_window_start },
				all: { misses: all_misses, window_start: all_window_start }
			};
		},
		now.getTime()
	);
}
