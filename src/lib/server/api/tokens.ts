import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { z } from 'zod';
import type { Db } from '../db/create-db.ts';
import { newId, nowIso } from '../db/ids.ts';
import { InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { API_TOKEN_PREFIX, API_TOKEN_ROLES, bearerToken, type ApiTokenRole } from '../../domain/access/api-tokens.ts';
import { appendAudit } from '../access/audit/audit-repository.ts';
import { checkRegionForRole } from '../access/user-service.ts';
import { regionCodes } from '../distribution/reference.ts';
import {
	findApiTokenByHash,
	findApiTokenById,
	insertApiToken,
	listApiTokenRows,
	markApiTokenRevoked,
	touchApiToken,
	type ApiToken
} from './tokens-repository.ts';

/**
 * API tokens: created by an administrator (the Secretariat page /admin/api-tokens or
 * `npm run cli -- api-token:create`), shown once, stored as a SHA-256, revocable, audited.
 */
const TOKEN_BYTES = 20;
/** Writing `last_used_at` on every request would turn each read into a write: once a minute is enough. */
const LAST_USED_GRANULARITY_MS = 60 * 1000;

export function hashApiToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

function generateApiToken(): string {
	const bytes = new Uint8Array(TOKEN_BYTES);
	crypto.getRandomValues(bytes);
	return API_TOKEN_PREFIX + encodeBase32LowerCaseNoPadding(bytes);
}

export interface ApiTokenInfo {
	id: string;
	name: string;
	role: string;
	region: string | null;
	createdAt: string;
	createdBy: string;
	revokedAt: string | null;
	revokedBy: string | null;
	lastUsedAt: string | null;
}

const info = (t: ApiToken): ApiTokenInfo => ({
	id: t.id,
	name: t.name,
	role: t.role,
	region: t.region_code,
	createdAt: t.created_at,
	createdBy: t.created_by,
	revokedAt: t.revoked_at,
	revokedBy: t.revoked_by,
	lastUsedAt: t.last_used_at
});

const createInput = z.object({
	name: z.string().trim().min(1, 'a token needs a name (what uses it)').max(100, 'a token name has at most 100 characters'),
	role: z.enum(API_TOKEN_ROLES, { error: `the role must be one of ${API_TOKEN_ROLES.join(', ')}` }),
	region: z.string().trim().toUpperCase().max(20).nullish()
});

export interface Creator {
	email: string;
	id: string | null;
	ip?: string | null;
}

/** Creates a token; the plain token is in the answer only, never stored. */
export async function createApiToken(
	db: Db,
	input: { name: string; role: string; region?: string | null },
	by: Creator
): Promise<{ token: string; info: ApiTokenInfo }> {
	const parsed = createInput.safeParse(input);
	if (!parsed.success)
		throw new InvalidInputError(
			parsed.error.issues[0]!.message,
			parsed.error.issues.map((i) => i.message)
		);
	const { name, role } = parsed.data;
	if (parsed.data.region && role !== 'regional_office') throw new InvalidInputError(`a region is for a regional_office token only (got role ${role})`);
	const region = await checkRegionForRole(db, role as ApiTokenRole, parsed.data.region);
	const token = generateApiToken();
	const row: ApiToken = {
		id: newId(),
		name,
		token_hash: hashApiToken(token),
		role,
		region_code: region,
		created_at: nowIso(),
		created_by: by.email,
		revoked_at: null,
		revoked_by: null,
		last_used_at: null
	};
	await db.transaction().execute(async (trx) => {
		await insertApiToken(trx, row);
		await appendAudit(trx, {
			actor: by.email,
			actorUserId: by.id,
			action: 'api.token_create',
			targetType: 'api_token',
			targetId: row.id,
			details: { name, role, region },
			ip: by.ip ?? null
		});
	});
	return { token, info: info(row) };
}

export async function listApiTokens(db: Db): Promise<ApiTokenInfo[]> {
	return (await listApiTokenRows(db)).map(info);
}

/** What the page /admin/api-tokens shows: every token (revoked ones too) and the regions to choose from. */
export async function apiTokensPage(db: Db): Promise<{ tokens: ApiTokenInfo[]; regions: string[] }> {
	const [tokens, regions] = await Promise.all([listApiTokens(db), regionCodes(db)]);
	return { tokens, regions };
}

/** Revokes at once: the next request with it gets 401. Revoking a revoked token is refused (409), not repeated. */
export async function revokeApiToken(db: Db, id: string, by: Creator): Promise<ApiTokenInfo> {
	const token = await findApiTokenById(db, id);
	if (!token) throw new NotFoundError(`no API token ${id}`);
	const at = nowIso();
	await db.transaction().execute(async (trx) => {
		if (!(await markApiTokenRevoked(trx, id, by.email, at)))
			throw new InvalidInputError(`the API token "${token.name}" is already revoked`, [], 'already_revoked');
		await appendAudit(trx, {
			actor: by.email,
			actorUserId: by.id,
			action: 'api.token_revoke',
			targetType: 'api_token',
			targetId: id,
			details: { name: token.name, role: token.role, region: token.region_code },
			ip: by.ip ?? null
		});
	});
	return info({ ...token, revoked_at: at, revoked_by: by.email });
}

/** Who calls the API: the token's role and region, as a user's would be checked. */
export interface ApiPrincipal {
	tokenId: string;
	name: string;
	role: string;
	region_code: string | null;
}

/** The token behind an Authorization header, or why not (both refusals are 401). */
export async function authenticateApiToken(
	db: Db,
	authorization: string | null,
	now = Date.now()
): Promise<{ ok: true; principal: ApiPrincipal } | { ok: false; reason: 'missing' | 'invalid' | 'revoked' }> {
	if (!authorization) return { ok: false, reason: 'missing' };
	const token = bearerToken(authorization);
	const row = token ? await findApiTokenByHash(db, hashApiToken(token)) : undefined;
	if (!row) return { ok: false, reason: 'invalid' };
	if (row.revoked_at) return { ok: false, reason: 'revoked' };
	if (!row.last_used_at || Date.parse(row.last_used_at) < now - LAST_USED_GRANULARITY_MS) await touchApiToken(db, row.id, new Date(now).toISOString());
	return { ok: true, principal: { tokenId: row.id, name: row.name, role: row.role, region_code: row.region_code } };
}
