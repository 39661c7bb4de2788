import type { Db } from '../../db/create-db.ts';
import type { AppUser } from '../../db/schema/database.ts';
import { newId, nowIso } from '../../db/ids.ts';

/** Queries on the (issuer, subject) links of single sign-on and the users they name. */

/** A user created by single sign-on has no password: this is no argon2 hash, so no password ever matches it. */
export const NO_PASSWORD = '!sso';

export async function findLinkedUser(db: Db, issuer: string, subject: string): Promise<AppUser | undefined> {
	return db
		.selectFrom('access_oidc_identity as i')
		.innerJoin('app_user as u', 'u.id', 'i.user_id')
		.selectAll('u')
		.where('i.issuer', '=', issuer)
		.where('i.subject', '=', subject)
		.executeTakeFirst();
}

/** Whether the user already has another identity at this issuer. */
export async function linkedElsewhere(db: Db, userId: string, issuer: string): Promise<boolean> {
	const row = await db.selectFrom('access_oidc_identity').select('subject').where('user_id', '=', userId).where('issuer', '=', issuer).executeTakeFirst();
	return row !== undefined;
}

export async function linkIdentity(db: Db, userId: string, issuer: string, subject: string): Promise<void> {
	const at = nowIso();
	await db.insertInto('access_oidc_identity').values({ issuer, subject, user_id: userId, created_at: at, last_login_at: at }).execute();
}

export async function touchIdentity(db: Db, issuer: string, subject: string): Promise<void> {
	await db.updateTable('access_oidc_identity').set({ last_login_at: nowIso() }).where('issuer', '=', issuer).where('subject', '=', subject).execute();
}

export async function insertSsoUser(db: Db, u: { email: string; displayName: string; role: string; regionCode: string | null }): Promise<AppUser> {
	const row = {
		id: newId(),
		email: u.email,
		display_name: u.displayName,
		role: u.role,
		region_code: u.regionCode,
		password_hash: NO_PASSWORD,
		language: 'en',
		created_at: nowIso(),
		disabled_at: null
	};
	await db.insertInto('app_user').values(row).execute();
	return row;
}

export async function updateSsoUser(db: Db, id: string, patch: Partial<Pick<AppUser, 'email' | 'display_name' | 'role' | 'region_code'>>): Promise<void> {
	await db.updateTable('app_user').set(patch).where('id', '=', id).execute();
}

export async function rememberSsoSession(db: Db, sessionId: string, issuer: string, idToken: string): Promise<void> {
	await db.insertInto('access_oidc_session').values({ session_id: sessionId, issuer, id_token: idToken }).execute();
}

/** The ID token of a session opened through the provider, or null for a password session. */
export async function ssoSessionToken(db: Db, sessionId: string): Promise<string | null> {
	const row = await db.selectFrom('access_oidc_session').select('id_token').where('session_id', '=', sessionId).executeTakeFirst();
	return row?.id_token ?? null;
}
