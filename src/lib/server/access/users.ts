import type { Db } from '../db/create-db.ts';
import type { AppUser } from '../db/schema/database.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { isRole } from '../../domain/access/permissions.ts';
import { authorize, type AuditedActor } from './authorize.ts';
import { countActiveAdmins, findUserById, listUsers, updateUser } from './accounts.ts';
import { hashPassword } from './password.ts';
import { invalidateUserSessions } from './session.ts';
import { appendAudit } from './audit/audit-repository.ts';
import { checkRegionForRole, createUser, MAX_PASSWORD_LENGTH } from './user-service.ts';
import { MIN_PASSWORD_LENGTH } from './password.ts';
import { nowIso } from '../db/ids.ts';
import { listRegions } from '../distribution/reference.ts';

/**
 * User management by an administrator. Every function checks the actor's role here,
 * not only in the route, and leaves an audit entry. Nobody changes their own role or
 * disables themselves, and the last active administrator cannot be removed: the
 * platform can never be left without someone able to manage it.
 */
export async function listUsersFor(db: Db, actor: AuditedActor) {
	await authorize(db, actor, 'users.manage');
	return listUsers(db);
}

export async function createUserAs(
	db: Db,
	actor: AuditedActor,
	input: { email: string; role: string; password: string; displayName?: string; regionCode?: string | null; language?: string }
): Promise<AppUser> {
	await authorize(db, actor, 'users.manage');
	return createUser(db, input, actor);
}

async function targetUser(db: Db, actor: AuditedActor, userId: string): Promise<AppUser> {
	const user = await findUserById(db, userId);
	if (!user) throw new NotFoundError('no such user');
	if (user.id === actor.id) throw new ConflictError('you cannot change your own role or access; ask another administrator', 'self_change');
	return user;
}

async function assertNotLastAdmin(db: Db, user: AppUser): Promise<void> {
	if (user.role === 'admin' && !user.disabled_at && (await countActiveAdmins(db)) <= 1) {
		throw new ConflictError('this is the last active administrator', 'last_admin');
	}
}

export async function changeRole(db: Db, actor: AuditedActor, userId: string, role: string, regionCode: string | null): Promise<void> {
	await authorize(db, actor, 'users.manage');
	if (!isRole(role)) throw new InvalidInputError(`unknown role ${role.slice(0, 40)}`, [], 'role_unknown');
	const user = await targetUser(db, actor, userId);
	const region = await checkRegionForRole(db, role, regionCode);
	if (role !== 'admin') await assertNotLastAdmin(db, user);
	await db.transaction().execute(async (trx) => {
		await updateUser(trx, user.id, { role, region_code: region });
		await appendAudit(trx, {
			actor: actor.email,
			actorUserId: actor.id,
			action: 'user.role_change',
			targetType: 'user',
			targetId: user.id,
			details: { email: user.email, from: user.role, to: role, fromRegion: user.region_code, toRegion: region }
		});
	});
}

/** Disabling ends every session of the user at once. */
export async function setDisabled(db: Db, actor: AuditedActor, userId: string, disabled: boolean): Promise<void> {
	await authorize(db, actor, 'users.manage');
	const user = await targetUser(db, actor, userId);
	if (disabled) await assertNotLastAdmin(db, user);
	await db.transaction().execute(async (trx) => {
		await updateUser(trx, user.id, { disabled_at: disabled ? nowIso() : null });
		if (disabled) await invalidateUserSessions(trx, user.id);
		await appendAudit(trx, {
			actor: actor.email,
			actorUserId: actor.id,
			action: disabled ? 'user.disable' : 'user.enable',
			targetType: 'user',
			targetId: user.id,
			details: { email: user.email }
		});
	});
}

/** An administrator sets someone's password (e.g. a forgotten one): all their sessions end. */
export async function setPasswordAs(db: Db, actor: AuditedActor, userId: string, password: string): Promise<void> {
	await authorize(db, actor, 'users.manage');
	const user = await targetUser(db, actor, userId);
	if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
		throw new InvalidInputError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`, [], 'password_too_short');
	}
	const passwordHash = await hashPassword(password);
	await db.transaction().execute(async (trx) => {
		await updateUser(trx, user.id, { password_hash: passwordHash });
		await invalidateUserSessions(trx, user.id);
		await appendAudit(trx, {
			actor: actor.email,
			actorUserId: actor.id,
			action: 'user.password_set',
			targetType: 'user',
			targetId: user.id,
			details: { email: user.email }
		});
	});
}

/** An administrator removes someone's second factor (a lost phone): all their sessions end; they may enrol again. */
export async function removeSecondFactorAs(db: Db, actor: AuditedActor, userId: string): Promise<void> {
	await authorize(db, actor, 'users.manage');
	const user = await targetUser(db, actor, userId);
	await db.transaction().execute(async (trx) => {
		const removed = await trx.deleteFrom('access_totp').where('user_id', '=', user.id).executeTakeFirst();
		if (Number(removed.numDeletedRows) === 0) throw new ConflictError('this user has no second factor', 'totp_not_enabled');
		await invalidateUserSessions(trx, user.id);
		await appendAudit(trx, {
			actor: actor.email,
			actorUserId: actor.id,
			action: 'user.totp_remove',
			targetType: 'user',
			targetId: user.id,
			details: { email: user.email }
		});
	});
}

/** The users page: every account, the regions a regional office may belong to, and who is looking (never themselves changed). */
export async function usersPage(db: Db, actor: AuditedActor) {
	const [users, regions] = await Promise.all([listUsersFor(db, actor), listRegions(db)]);
	return { users, regions: regions.map((r) => r.code), me: actor.id };
}
