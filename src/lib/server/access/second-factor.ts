import type { Db } from '../db/create-db.ts';
import { ConflictError, InvalidInputError } from '../../domain/errors.ts';
import { nowIso } from '../db/ids.ts';
import { getConfig } from '../platform/config.ts';
import { generateTotpSecret, matchTotp, totpKeyUri } from './totp.ts';
import { invalidateSession, type SessionUser } from './session.ts';
import { appendAudit } from './audit/audit-repository.ts';
import { clearAccountCounters, recordFailure } from './throttle.ts';

/**
 * The optional TOTP second factor: enrol from /account (a pending key confirmed by a
 * first code), then every new session must pass /login/totp. MAX_TOTP_FAILURES wrong
 * codes end the pending session, and each wrong code counts in the sign-in throttle, so
 * guessing codes with a stolen password backs off like guessing passwords.
 */
export const MAX_TOTP_FAILURES = 5;

/** TOTP_REQUIRED_FOR_ADMINS (1, true or yes): an administrator without a second factor must enrol before anything else. */
export function totpRequiredForAdmins(): boolean {
	return getConfig().totpRequiredForAdmins;
}

export async function totpStatus(db: Db, userId: string): Promise<{ enabled: boolean; pendingSecret: string | null }> {
	const row = await db.selectFrom('access_totp').select(['secret', 'enabled_at']).where('user_id', '=', userId).executeTakeFirst();
	return { enabled: Boolean(row?.enabled_at), pendingSecret: row && !row.enabled_at ? row.secret : null };
}

export async function beginTotpEnrolment(db: Db, actor: SessionUser): Promise<{ secret: string; uri: string }> {
	const status = await totpStatus(db, actor.id);
	if (status.enabled) throw new ConflictError('two-step verification is already on', 'totp_enabled');
	const secret = status.pendingSecret ?? generateTotpSecret();
	if (!status.pendingSecret)
		await db.insertInto('access_totp').values({ user_id: actor.id, secret, created_at: nowIso(), enabled_at: null, last_step: null }).execute();
	return { secret, uri: totpKeyUri(actor.email, secret) };
}

/** The first good code turns the factor on; the session that confirmed it counts as verified. */
export async function confirmTotpEnrolment(db: Db, actor: SessionUser, sessionId: string, code: string, now = Date.now()): Promise<void> {
	const row = await db.selectFrom('access_totp').selectAll().where('user_id', '=', actor.id).executeTakeFirst();
	if (!row || row.enabled_at) throw new ConflictError('start the set-up first', 'totp_not_pending');
	const step = matchTotp(row.secret, code.trim(), null, now);
	if (step === null) throw new InvalidInputError('the code is not correct', [], 'totp_wrong');
	await db.transaction().execute(async (trx) => {
		await trx.updateTable('access_totp').set({ enabled_at: nowIso(), last_step: step }).where('user_id', '=', actor.id).execute();
		await markSessionVerified(trx, sessionId);
		await appendAudit(trx, { actor: actor.email, actorUserId: actor.id, action: 'user.totp_enable', targetType: 'user', targetId: actor.id });
	});
}

export async function disableTotp(db: Db, actor: SessionUser, code: string, now = Date.now()): Promise<void> {
	if (actor.role === 'admin' && totpRequiredForAdmins()) throw new ConflictError('administrators must keep two-step verification', 'totp_required');
	const row = await db.selectFrom('access_totp').selectAll().where('user_id', '=', actor.id).where('enabled_at', 'is not', null).executeTakeFirst();
	if (!row) throw new ConflictError('two-step verification is off', 'totp_not_enabled');
	if (matchTotp(row.secret, code.trim(), row.last_step, now) === null) throw new InvalidInputError('the code is not correct', [], 'totp_wrong');
	await db.transaction().execute(async (trx) => {
		await trx.deleteFrom('access_totp').where('user_id', '=', actor.id).execute();
		await appendAudit(trx, { actor: actor.email, actorUserId: actor.id, action: 'user.totp_disable', targetType: 'user', targetId: actor.id });
	});
}

async function markSessionVerified(db: Db, sessionId: string): Promise<void> {
	const at = nowIso();
	await db
		.insertInto('access_session_mfa')
		.values({ session_id: sessionId, verified_at: at, failures: 0 })
		.onConflict((oc) => oc.column('session_id').doUpdateSet({ verified_at: at }))
		.execute();
}

export type TotpCheck = 'verified' | 'wrong' | 'session_ended';

/** The second step of a sign-in. */
export async function verifySessionTotp(
	db: Db,
	session: { id: string; userId: string; email: string },
	code: string,
	ip: string | null,
	now = Date.now()
): Promise<TotpCheck> {
	const row = await db.selectFrom('access_totp').selectAll().where('user_id', '=', session.userId).where('enabled_at', 'is not', null).executeTakeFirst();
	if (!row) return 'verified';
	const step = matchTotp(row.secret, code.trim(), row.last_step, now);
	if (step !== null) {
		// Claim the step atomically: the same code cannot open two sessions.
		const claimed = await db
			.updateTable('access_totp')
			.set({ last_step: step })
			.where('user_id', '=', session.userId)
			.where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
			.executeTakeFirst();
		if (Number(claimed.numUpdatedRows) === 1) {
			await markSessionVerified(db, session.id);
			await clearAccountCounters(db, session.email, ip);
			await appendAudit(db, { actor: session.email, actorUserId: session.userId, action: 'auth.totp_ok', targetType: 'user', targetId: session.userId, ip });
			return 'verified';
		}
	}
	await db
		.insertInto('access_session_mfa')
		.values({ session_id: session.id, verified_at: null, failures: 1 })
		.onConflict((oc) => oc.column('session_id').doUpdateSet((eb) => ({ failures: eb('access_session_mfa.failures', '+', 1) })))
		.execute();
	// A wrong code counts like a wrong password in the sign-in throttle (backoff on the password step).
	await recordFailure(db, session.email, ip, new Date(now));
	const failures = (await db.selectFrom('access_session_mfa').select('failures').where('session_id', '=', session.id).executeTakeFirst())?.failures ?? 0;
	await appendAudit(db, {
		actor: session.email,
		actorUserId: session.userId,
		action: 'auth.totp_failed',
		targetType: 'user',
		targetId: session.userId,
		details: { failures },
		ip
	});
	if (failures >= MAX_TOTP_FAILURES) {
		await invalidateSession(db, session.id);
		return 'session_ended';
	}
	return 'wrong';
}
