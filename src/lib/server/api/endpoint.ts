import { json, type RequestEvent } from '@sveltejs/kit';
import { getConfig, getDb } from '../db/instance.ts';
import type { Db } from '../db/create-db.ts';
import { DomainError } from '../../domain/errors.ts';
import { edgeFailure } from '../http/errors.ts';
import { authenticateApiToken, type ApiPrincipal } from './tokens.ts';
import { countApiRequest } from './rate-limit.ts';

/**
 * The API's edge: every /api/v1 answer but the OpenAPI document goes through `apiEndpoint`,
 * which authenticates the bearer token (401), counts the request against the token's rate
 * (429), runs the one use case and maps a refusal to `{ error, message }` with the status
 * of the one mapping (http/errors.ts: 400, 403, 404, 409). A bug stays a 500.
 */
export function apiError(status: number, error: string, message: string, headers: Record<string, string> = {}): Response {
	return json({ error, message }, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

const UNAUTHORIZED: Record<'missing' | 'invalid' | 'revoked', string> = {
	missing: 'An API token is needed: send "Authorization: Bearer <token>" (docs/api.md).',
	invalid: 'This API token is not valid.',
	revoked: 'This API token has been revoked.'
};

export function apiEndpoint(run: (db: Db, who: ApiPrincipal, event: RequestEvent) => Promise<unknown>) {
	return async (event: RequestEvent): Promise<Response> => {
		const db = getDb();
		const auth = await authenticateApiToken(db, event.request.headers.get('authorization'));
		if (!auth.ok)
			return apiError(401, 'unauthorized', UNAUTHORIZED[auth.reason], {
				'www-authenticate': `Bearer realm="api"${auth.reason === 'missing' ? '' : ', error="invalid_token"'}`
			});
		const limit = getConfig().apiRatePerMinute;
		const rate = await countApiRequest(db, auth.principal.tokenId, limit);
		const rateHeaders = { 'x-ratelimit-limit': String(limit), 'x-ratelimit-remaining': String(rate.remaining) };
		if (!rate.allowed)
			return apiError(429, 'rate_limited', `Too many requests with this token: at most ${limit} a minute. Retry in ${rate.retryAfterSeconds} s.`, {
				...rateHeaders,
				'retry-after': String(rate.retryAfterSeconds)
			});
		try {
			return json(await run(db, auth.principal, event), { headers: { 'cache-control': 'no-store', ...rateHeaders } });
		} catch (e) {
			if (!(e instanceof DomainError)) throw e;
			const { status, code, message } = edgeFailure(e, 'en');
			return apiError(status, code, message, rateHeaders);
		}
	};
}
