import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Db } from '../db/create-db.ts';
import { ConflictError, InvalidInputError } from '../../domain/errors.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password.ts';
import { invalidateUserSessions } from './session.ts';
import { updateUser } from './accounts.ts';
import { mailConfigured, sendMail } from './mailer.ts';
import { findUserByEmail } from './users-repository.ts';
import { appendAudit } from './audit/audit-repository.ts';
import { MAX_PASSWORD_LENGTH } from './user-service.ts';

/**
 * Password reset by e-mailed link: a 160-bit token, only its SHA-256 stored, valid
 * RESET_LIFETIME_MS and once. Asking answers the same whether or not the address is
 * known (no account enumeration); at most RESET_MAX_PER_HOUR links per account per hour.
 */
const MINUTE_MS = 60_000;
export const RESET_LIFETIME_MS = 30 * MINUTE_MS;
export const RESET_MAX_PER_HOUR = 3;
const HOUR_MS = 60 * MINUTE_MS;

const hashToken = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
const TOKEN_SHAPE = /^[a-z2-7]{32}$/;

export function passwordResetAvailable(): boolean {
	return mailConfigured();
}

export async function requestPasswordReset(db: Db, email: string, meta: { ip: string | null; baseUrl: string }, now = new Date()): Promise<void> {
	if (!mailConfigured()) throw new ConflictError('password reset by e-mail is not configured; ask an administrator', 'reset_unavailable');
	const user = await findUserByEmail(db, email.slice(0, 320));
	if (!user || user.disabled_at) {
		await appendAudit(db, { actor: 'anonymous', action: 'auth.reset_request_unknown', details: { email: email.slice(0, 200) }, ip: meta.ip });
		return;
	}
	const since = new Date(now.getTime() - HOUR_MS).toISOString();
	const recent = await db
		.selectFrom('access_password_reset')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('user_id', '=', user.id)
		.where('created_at', '>', since)
		.executeTakeFirstOrThrow();
	if (Number(recent.n) >= RESET_MAX_PER_HOUR) {
		await appendAudit(db, { actor: 'anonymous', action: 'auth.reset_request_throttled', targetType: 'user', targetId: user.id, ip: meta.ip });
		return;
	}
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	const token = encodeBase32LowerCaseNoPadding(bytes);
	await db.transaction().execute(async (trx) => {
		// A new link replaces any older unused one.
		await trx.updateTable('access_password_reset').set({ used_at: now.toISOString() }).where('user_id', '=', user.id).where('used_at', 'is', null).execute();
		await trx
			.insertInto('access_password_reset')
			.values({
				token_hash: hashToken(token),
				user_id: user.id,
				created_at: now.toISOString(),
				expires_at: new Date(now.getTime() + RESET_LIFETIME_MS).toISOString(),
				used_at: null,
				ip: meta.ip
			})
			.execute();
		await appendAudit(trx, { actor: 'anonymous', action: 'auth.reset_request', targetType: 'user', targetId: user.id, ip: meta.ip });
	});
	const link = `${meta.baseUrl}/login/reset/${token}`;
	await sendMail({
		to: user.email,
		subject: 'Regional Presence Survey: reset your password / réinitialiser votre mot de passe',
		text:
			`To choose a new password, open this link within ${RESET_LIFETIME_MS / MINUTE_MS} minutes. It works once.\n` +
			`Pour choisir un nouveau mot de passe, ouvrez ce lien dans les ${RESET_LIFETIME_MS / MINUTE_MS} minutes. Il ne fonctionne qu'une fois.\n\n` +
			`${link}\n\n` +
			`If you did not ask for this, ignore this message. / Si vous n'avez rien demandé, ignorez ce message.\n`
	});
}

async function liveReset(db: Db, token: string, now: Date) {
	if (!TOKEN_SHAPE.test(token)) return undefined;
	const row = await db.selectFrom('access_password_reset').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
	if (!row || row.used_at || Date.parse(row.expires_at) <= now.getTime()) return undefined;
	return row;
}

export async function checkResetToken(db: Db, token: string, now = new Date()): Promise<boolean> {
	return (await liveReset(db, token, now)) !== undefined;
}

/** Sets the new password and ends every session; a used, expired or unknown link changes nothing. */
export async function completePasswordReset(
	db: Db,
	token: string,
	input: { next: string; confirm: string },
	meta: { ip: string | null },
	now = new Date()
): Promise<void> {
	const row = await liveReset(db, token, now);
	if (!row) {
		await appendAudit(db, { actor: 'anonymous', action: 'auth.reset_invalid', ip: meta.ip });
		throw new InvalidInputError('this reset link is invalid, expired or already used', [], 'reset_invalid');
	}
	if (input.next.length < MIN_PASSWORD_LENGTH || input.next.length > MAX_PASSWORD_LENGTH) {
		throw new InvalidInputError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`, [], 'password_too_short');
	}
	if (input.next !== input.confirm) throw new InvalidInputError('the two new passwords differ', [], 'password_mismatch');
	const passwordHash = await hashPassword(input.next);
	await db.transaction().execute(async (trx) => {
		// Single use even under a race: only the request that flips used_at goes on.
		const claimed = await trx
			.updateTable('access_password_reset')
			.set({ used_at: now.toISOString() })
			.where('token_hash', '=', row.token_hash)
			.where('used_at', 'is', null)
			.executeTakeFirst();
		if (Number(claimed.numUpdatedRows) !== 1) throw new InvalidInputError('this reset link is invalid, expired or already used', [], 'reset_invalid');
		await updateUser(trx, row.user_id, { password_hash: passwordHash });
		await invalidateUserSessions(trx, row.user_id);
		await appendAudit(trx, { actor: 'anonymous', action: 'user.password_reset', targetType: 'user', targetId: row.user_id, ip: meta.ip });
	});
}
