import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Db } from '../db/create-db.ts';
import type { AppUser, UserSession } from '../db/schema/database.ts';
import { nowIso } from '../db/ids.ts';

/**
 * Sessions after the lucia-auth.com recipe: a random token in the cookie, only its
 * SHA-256 in the database, a 30-day lifetime that slides when less than half remains.
 */
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
const SESSION_RENEW_BEFORE_MS = 15 * DAY_MS;
export const SESSION_COOKIE = 'rps_session';

export type SessionUser = Pick<AppUser, 'id' | 'email' | 'display_name' | 'role' | 'region_code' | 'language'>;

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

function sessionId(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(db: Db, token: string, userId: string, meta: { userAgent?: string | null; ip?: string | null } = {}): Promise<UserSession> {
	const session = {
		id: sessionId(token),
		user_id: userId,
		created_at: nowIso(),
		expires_at: new Date(Date.now() + SESSION_LIFETIME_MS).toISOString(),
		user_agent: meta.userAgent?.slice(0, 300) ?? null,
		ip: meta.ip ?? null
	};
	await db.insertInto('user_session').values(session).execute();
	return session;
}

export interface ValidatedSession {
	session: UserSession;
	user: SessionUser;
	/** The second factor: 'none' (the user has no TOTP), 'pending' (not yet passed in this session) or 'verified' (also: signed in through the identity provider). */
	mfa: 'none' | 'pending' | 'verified';
}

export async function validateSessionToken(db: Db, token: string): Promise<ValidatedSession | null> {
	if (!/^[a-z2-7]{32}$/.test(token)) return null;
	const row = await db
		.selectFrom('user_session as s')
		.innerJoin('app_user as u', 'u.id', 's.user_id')
		.leftJoin('access_totp as t', 't.user_id', 'u.id')
		.leftJoin('access_session_mfa as f', 'f.session_id', 's.id')
		.leftJoin('access_oidc_session as o', 'o.session_id', 's.id')
		.selectAll('s')
		.select([
			'u.email',
			'u.display_name',
			'u.role',
			'u.region_code',
			'u.language',
			'u.disabled_at',
			't.enabled_at as totp_enabled_at',
			'f.verified_at as mfa_verified_at',
			'o.issuer as oidc_issuer'
		])
		.where('s.id', '=', sessionId(token))
		.executeTakeFirst();
	if (!row) return null;
	const now = Date.now();
	if (now >= Date.parse(row.expires_at) || row.disabled_at) {
		await invalidateSession(db, row.id);
		return null;
	}
	let expiresAt = row.expires_at;
	if (Date.parse(row.expires_at) - now < SESSION_RENEW_BEFORE_MS) {
		expiresAt = new Date(now + SESSION_LIFETIME_MS).toISOString();
		await db.updateTable('user_session').set({ expires_at: expiresAt }).where('id', '=', row.id).execute();
	}
	return {
		session: { id: row.id, user_id: row.user_id, created_at: row.created_at, expires_at: expiresAt, user_agent: row.user_agent, ip: row.ip },
		user: { id: row.user_id, email: row.email, display_name: row.display_name, role: row.role, region_code: row.region_code, language: row.language },
		// A session opened through single sign-on passed the provider's own second factor (docs/sso.md).
		mfa: row.oidc_issuer ? 'verified' : !row.totp_enabled_at ? 'none' : row.mfa_verified_at ? 'verified' : 'pending'
	};
}

export async function invalidateSession(db: Db, id: string): Promise<void> {
	await db.deleteFrom('user_session').where('id', '=', id).execute();
}

export async function invalidateUserSessions(db: Db, userId: string): Promise<void> {
	await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
}

/** One's own sessions, newest first (for the account page). */
export async function listUserSessions(db: Db, userId: string): Promise<UserSession[]> {
	return db.selectFrom('user_session').selectAll().where('user_id', '=', userId).where('expires_at', '>', nowIso()).orderBy('created_at', 'desc').execute();
}

/** Revokes one session, only if it belongs to `userId`; true when one was removed. */
export async function revokeUserSession(db: Db, userId: string, id: string): Promise<boolean> {
	const result = await db.deleteFrom('user_session').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}
