import { z } from 'zod';
import type { Db } from '../db/create-db.ts';
import type { AppUser } from '../db/schema/database.ts';
import { ConflictError, InvalidInputError } from '../../domain/errors.ts';
import { ROLES, type Role } from '../../domain/access/permissions.ts';
import { decideThrottle } from '../../domain/access/throttle.ts';
import { isLocale } from '../../domain/locales.ts';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password.ts';
import { createSession, generateSessionToken, invalidateSession, invalidateUserSessions, revokeUserSession, type SessionUser } from './session.ts';
import { clearAccountCounters, purgeExpiredCounters, readCounters, recordFailure } from './throttle.ts';
import { findUserById, regionExists, updateUser } from './accounts.ts';
import { findUserByEmail, insertUser } from './users-repository.ts';
import { appendAudit } from './audit/audit-repository.ts';
import { localPasswordAllowed } from './oidc/settings.ts';

/** The longest password we hash: argon2 on megabytes of input is a denial of service. */
export const MAX_PASSWORD_LENGTH = 1024;

const passwordSchema = z
	.string()
	.min(MIN_PASSWORD_LENGTH, `the password must have at least ${MIN_PASSWORD_LENGTH} characters`)
	.max(MAX_PASSWORD_LENGTH, `the password must have at most ${MAX_PASSWORD_LENGTH} characters`);

const newUserSchema = z.object({
	email: z.email('not a valid e-mail address').max(320),
	role: z.enum(ROLES, `role must be one of ${ROLES.join(', ')}`),
	password: passwordSchema,
	displayName: z.string().trim().min(1).max(200).optional(),
	regionCode: z.string().trim().max(20).nullish(),
	language: z.string().optional()
});

export type ActorRef = string | { id: string; email: string };
const actorFields = (actor: ActorRef) => (typeof actor === 'string' ? { actor } : { actor: actor.email, actorUserId: actor.id });

/** A regional office works for one region; every other role has none. */
export async function checkRegionForRole(db: Db, role: Role, regionCode: string | null | undefined): Promise<string | null> {
	if (role !== 'regional_office') return null;
	if (!regionCode) throw new InvalidInputError('a regional office user needs a region', [], 'region_required');
	if (!(await regionExists(db, regionCode))) throw new InvalidInputError(`unknown region ${regionCode}`, [], 'region_unknown');
	return regionCode;
}

export async function createUser(
	db: Db,
	input: { email: string; role: string; password: string; displayName?: string; regionCode?: string | null; language?: string },
	actor: ActorRef = 'system'
): Promise<AppUser> {
	const parsed = newUserSchema.safeParse(input);
	if (!parsed.success) throw new InvalidInputError(parsed.error.issues.map((i) => i.message).join('; '));
	const { email, role, password } = parsed.data;
	const language = parsed.data.language && isLocale(parsed.data.language) ? parsed.data.language : 'en';
	const regionCode = await checkRegionForRole(db, role, parsed.data.regionCode);
	if (await findUserByEmail(db, email)) throw new ConflictError(`a user with e-mail ${email} already exists`, 'email_taken');
	const passwordHash = await hashPassword(password);
	return db.transaction().execute(async (trx) => {
		const user = await insertUser(trx, { email, role, passwordHash, displayName: parsed.data.displayName ?? email, regionCode });
		if (language !== 'en') await updateUser(trx, user.id, { language });
		await appendAudit(trx, {
			...actorFields(actor),
			action: 'user.create',
			targetType: 'user',
			targetId: user.id,
			details: { email: user.email, role, region: regionCode }
		});
		return { ...user, language };
	});
}

/**
 * Checks a password. The same answer (null) for an unknown e-mail and a wrong
 * password; argon2 runs in both cases so timing does not tell them apart either.
 * 'sso_only': the password is right but single sign-on is on and the user is no
 * administrator (said only after the password, so it reveals nothing to a guesser).
 */
export async function authenticate(db: Db, email: string, password: string, ip: string | null): Promise<AppUser | null | 'sso_only'> {
	const user = await findUserByEmail(db, email);
	const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
	if (!user || !ok || user.disabled_at) {
		await appendAudit(db, {
			actor: 'anonymous',
			action: 'auth.login_failed',
			targetType: 'user',
			targetId: user?.id,
			details: { email: email.slice(0, 200) },
			ip
		});
		return null;
	}
	if (!localPasswordAllowed(user.role)) {
		await appendAudit(db, { actor: user.email, actorUserId: user.id, action: 'auth.login_sso_required', targetType: 'user', targetId: user.id, ip });
		return 'sso_only';
	}
	await appendAudit(db, { actor: user.email, actorUserId: user.id, action: 'auth.login', targetType: 'user', targetId: user.id, ip });
	return user;
}

export type SignInResult =
	| { kind: 'signed_in'; user: AppUser; token: string; expiresAt: string; secondFactor: boolean }
	| { kind: 'failed' }
	| { kind: 'sso_only' }
	| { kind: 'throttled'; retryAfterSeconds: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sign-in with throttling (src/lib/domain/access/throttle.ts): refused attempts never check the password. */
export async function signIn(
	db: Db,
	input: { email: string; password: string; ip: string | null; userAgent?: string | null },
	now: Date = new Date()
): Promise<SignInResult> {
	const email = input.email.trim().toLowerCase().slice(0, 320);
	const decision = decideThrottle(await readCounters(db, email, input.ip), now.getTime());
	if (!decision.allowed) {
		await appendAudit(db, {
			actor: 'anonymous',
			action: 'auth.login_throttled',
			targetType: 'user',
			details: { email: email.slice(0, 200), reason: decision.reason },
			ip: input.ip
		});
		return { kind: 'throttled', retryAfterSeconds: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)) };
	}
	if (decision.delayMs > 0) await sleep(decision.delayMs);
	const user = await authenticate(db, email, input.password.slice(0, MAX_PASSWORD_LENGTH), input.ip);
	if (!user) {
		await recordFailure(db, email, input.ip, now);
		return { kind: 'failed' };
	}
	if (user === 'sso_only') return { kind: 'sso_only' };
	const totp = await db.selectFrom('access_totp').select('user_id').where('user_id', '=', user.id).where('enabled_at', 'is not', null).executeTakeFirst();
	// With a second factor the counters are cleared only once the code is right too (access-totp.ts),
	// so wrong codes keep counting against whoever holds the password.
	if (!totp) await clearAccountCounters(db, email, input.ip);
	await purgeExpiredCounters(db, now);
	const token = generateSessionToken();
	const session = await createSession(db, token, user.id, { userAgent: input.userAgent, ip: input.ip });
	return { kind: 'signed_in', user, token, expiresAt: session.expires_at, secondFactor: totp !== undefined };
}

/**
 * Changes one's own password after checking the current one. Every session of the
 * user ends (a stolen cookie dies with the old password); a fresh one is returned
 * for the browser that made the change.
 */
export async function changeOwnPassword(
	db: Db,
	actor: SessionUser,
	input: { current: string; next: string; confirm: string },
	meta: { ip: string | null; userAgent?: string | null }
): Promise<{ token: string; expiresAt: string }> {
	const user = await findUserById(db, actor.id);
	if (!user || !(await verifyPassword(user.password_hash, input.current.slice(0, MAX_PASSWORD_LENGTH)))) {
		await appendAudit(db, {
			actor: actor.email,
			actorUserId: actor.id,
			action: 'user.password_change_failed',
			targetType: 'user',
			targetId: actor.id,
			ip: meta.ip
		});
		throw new InvalidInputError('the current password is not correct', [], 'wrong_password');
	}
	const parsed = passwordSchema.safeParse(input.next);
	if (!parsed.success) throw new InvalidInputError(parsed.error.issues[0]!.message, [], 'password_too_short');
	if (input.next !== input.confirm) throw new InvalidInputError('the two new passwords differ', [], 'password_mismatch');
	const passwordHash = await hashPassword(parsed.data);
	const token = generateSessionToken();
	const session = await db.transaction().execute(async (trx) => {
		await updateUser(trx, actor.id, { password_hash: passwordHash });
		await invalidateUserSessions(trx, actor.id);
		await appendAudit(trx, { actor: actor.email, actorUserId: actor.id, action: 'user.password_change', targetType: 'user', targetId: actor.id, ip: meta.ip });
		return createSession(trx, token, actor.id, meta);
	});
	return { token, expiresAt: session.expires_at };
}

export async function setOwnLanguage(db: Db, actor: SessionUser, language: string): Promise<void> {
	if (!isLocale(language)) throw new InvalidInputError(`unknown language ${language.slice(0, 20)}`, [], 'language_unknown');
	await db.transaction().execute(async (trx) => {
		await updateUser(trx, actor.id, { language });
		await appendAudit(trx, {
			actor: actor.email,
			actorUserId: actor.id,
			action: 'user.language',
			targetType: 'user',
			targetId: actor.id,
			details: { from: actor.language, to: language }
		});
	});
}

let dummy: Promise<string> | undefined;
/** A real argon2id hash of a random string, verified against when the e-mail is unknown. */
function dummyHash(): Promise<string> {
	dummy ??= hashPassword(crypto.randomUUID());
	return dummy;
}

/** Ends the current session (if any) and records the sign-out of the user it belonged to. */
export async function signOut(db: Db, sessionId: string | null, user: SessionUser | null): Promise<void> {
	if (sessionId) await invalidateSession(db, sessionId);
	if (user) await appendAudit(db, { actor: user.email, actorUserId: user.id, action: 'auth.logout', targetType: 'user', targetId: user.id });
}

/** Revokes one of the user's own sessions, recorded in the audit log; false when it is not theirs or already gone. */
export async function revokeOwnSession(db: Db, user: SessionUser, sessionId: string, ip: string | null): Promise<boolean> {
	if (!(await revokeUserSession(db, user.id, sessionId))) return false;
	await appendAudit(db, { actor: user.email, actorUserId: user.id, action: 'auth.session_revoke', targetType: 'user', targetId: user.id, ip });
	return true;
}
