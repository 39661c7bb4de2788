import { sql } from 'kysely';
import type { Db } from '../db/create-db.ts';
import { API_RATE_WINDOW_MS, rateDecision } from '../../domain/access/api-tokens.ts';

/**
 * Counts one API request for a token and decides (domain/access/api-tokens.ts). The
 * counter is one upsert computed by the database, as the link-guessing throttle's
 * (respondent/link-guard.ts), so several app processes sharing the database count together.
 */
export async function countApiRequest(db: Db, tokenId: string, limit: number, now = Date.now()) {
	const at = new Date(now).toISOString();
	const stale = sql<boolean>`api_rate_window.window_start <= ${new Date(now - API_RATE_WINDOW_MS).toISOString()}`;
	const row = await db
		.insertInto('api_rate_window')
		.values({ key: tokenId, requests: 1, window_start: at })
		.onConflict((oc) =>
			oc.column('key').doUpdateSet({
				requests: sql<number>`case when ${stale} then 1 else api_rate_window.requests + 1 end`,
				window_start: sql<string>`case when ${stale} then ${at} else api_rate_window.window_start end`
			})
		)
		.returning(['requests', 'window_start'])
		.executeTakeFirstOrThrow();
	return rateDecision({ requests: Number(row.requests), windowStart: Date.parse(row.window_start) }, limit, now);
}
