import { z } from 'zod';
import type { Db } from '../db/create-db.ts';
import type { AppUser } from '../db/schema.ts';
import { ConflictError, InvalidInputError } from '../../domain/errors.ts';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../auth/password.ts';
import { findUserByEmail, insertUser, ROLES, type Role } from '../repositories/users.ts';
import { appendAudit } from '../repositories/audit.ts';

const newUserSchema = z.object({
	email: z.email('not a valid e-mail address'),
	role: z.enum(ROLES, `role must be one of ${ROLES.join(', ')}`),
	password: z.string().min(MIN_PASSWORD_LENGTH, `the password must have at least ${MIN_PASSWORD_LENGTH} characters`),
	displayName: z.string().trim().min(1).max(200).optional()
});

export async function createUser(db: Db, input: { email: string; role: string; password: string; displayName?: string }, actor = 'system'): Promise<AppUser> {
	const parsed = newUserSchema.safeParse(input);
	if (!parsed.success) throw new InvalidInputError(parsed.error.issues.map((i) => i.message).join('; '));
	const { email, role, password } = parsed.data;
	if (await findUserByEmail(db, email)) throw new ConflictError(`a user with e-mail ${email} already exists`);
	const passwordHash = await hashPassword(password);
	return db.transaction().execute(async (trx) => {
		const user = await insertUser(trx, { email, role: role as Role, passwordHash, displayName: parsed.data.displayName ?? email });
		await appendAudit(trx, { actor, action: 'user.create', targetType: 'user', targetId: user.id, details: { email: user.email, role } });
		return user;
	});
}

/**
 * Checks a password. The same answer (null) for an unknown e-mail and a wrong
 * password; argon2 runs in both cases so timing does not tell them apart either.
 */
export async function authenticate(db: Db, email: string, password: string, ip: string | null): Promise<AppUser | null> {
	const user = await findUserByEmail(db, email);
	const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
	if (!user || !ok || user.disabled_at) {
		await appendAudit(db, { actor: 'anonymous', action: 'auth.login_failed', targetType: 'user', targetId: user?.id, details: { email: email.slice(0, 200) }, ip });
		return null;
	}
	await appendAudit(db, { actor: user.email, actorUserId: user.id, action: 'auth.login', targetType: 'user', targetId: user.id, ip });
	return user;
}

let dummy: Promise<string> | undefined;
/** A real argon2id hash of a random string, verified against when the e-mail is unknown. */
function dummyHash(): Promise<string> {
	dummy ??= hashPassword(crypto.randomUUID());
	return dummy;
}
