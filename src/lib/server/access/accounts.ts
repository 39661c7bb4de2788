import type { Kysely } from 'kysely';
import type { AppUser, Database } from '../db/schema/database.ts';

/** Queries on app_user for account management (the access area's repository). */
type UserListItem = Omit<AppUser, 'password_hash'>;

export async function listUsers(db: Kysely<Database>): Promise<UserListItem[]> {
	return db
		.selectFrom('app_user')
		.select(['id', 'email', 'display_name', 'role', 'region_code', 'language', 'created_at', 'disabled_at'])
		.orderBy('email')
		.execute();
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<AppUser | undefined> {
	return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countActiveAdmins(db: Kysely<Database>): Promise<number> {
	const row = await db
		.selectFrom('app_user')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('role', '=', 'admin')
		.where('disabled_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function regionExists(db: Kysely<Database>, code: string): Promise<boolean> {
	return (await db.selectFrom('region').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function updateUser(
	db: Kysely<Database>,
	id: string,
	patch: Partial<Pick<AppUser, 'role' | 'region_code' | 'disabled_at' | 'password_hash' | 'language' | 'display_name'>>
): Promise<void> {
	await db.updateTable('app_user').set(patch).where('id', '=', id).execute();
}

/** For the platform's start-up (is there an administrator yet?): other areas do not read this area's repository. */
export { countUsersWithRole } from './users-repository.ts';
