import type { Kysely } from 'kysely';
import type { AppUser, Database } from '../db/schema/database.ts';
import { newId, nowIso } from '../db/ids.ts';

export const ROLES = ['admin', 'author', 'coordinator', 'analyst', 'regional_office', 'council'] as const;
export type Role = (typeof ROLES)[number];

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<AppUser | undefined> {
	return db.selectFrom('app_user').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export async function countUsersWithRole(db: Kysely<Database>, role: Role): Promise<number> {
	const row = await db
		.selectFrom('app_user')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('role', '=', role)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function insertUser(
	db: Kysely<Database>,
	u: { email: string; displayName: string; role: Role; passwordHash: string; regionCode?: string | null }
): Promise<AppUser> {
	const row = {
		id: newId(),
		email: u.email.trim().toLowerCase(),
		display_name: u.displayName,
		role: u.role,
		region_code: u.regionCode ?? null,
		password_hash: u.passwordHash,
		language: 'en',
		created_at: nowIso(),
		disabled_at: null
	};
	await db.insertInto('app_user').values(row).execute();
	return row;
}
