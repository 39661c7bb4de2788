import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema/database.ts';
import type { ApiTokenTable } from '../db/schema/api.ts';

export type ApiToken = Selectable<ApiTokenTable>;

export async function insertApiToken(db: Kysely<Database>, token: ApiToken): Promise<void> {
	await db.insertInto('api_token').values(token).execute();
}

export async function findApiTokenByHash(db: Kysely<Database>, hash: string): Promise<ApiToken | undefined> {
	return db.selectFrom('api_token').selectAll().where('token_hash', '=', hash).executeTakeFirst();
}

export async function findApiTokenById(db: Kysely<Database>, id: string): Promise<ApiToken | undefined> {
	return db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Newest first; revoked ones too (they stay listed). */
export async function listApiTokenRows(db: Kysely<Database>): Promise<ApiToken[]> {
	return db.selectFrom('api_token').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

/** Marks a token revoked; false when it was already revoked (or does not exist). */
export async function markApiTokenRevoked(db: Kysely<Database>, id: string, by: string, at: string): Promise<boolean> {
	const result = await db
		.updateTable('api_token')
		.set({ revoked_at: at, revoked_by: by })
		.where('id', '=', id)
		.where('revoked_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

export async function touchApiToken(db: Kysely<Database>, id: string, at: string): Promise<void> {
	await db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
}
