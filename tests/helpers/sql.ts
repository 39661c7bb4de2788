import { CompiledQuery } from 'kysely';
import { createDb, dialectOf } from '../../src/lib/server/db/create-db.ts';

/**
 * A test's look inside a server's database, whichever engine it runs on: `?`
 * placeholders as in SQLite, rewritten to `$1..` for PostgreSQL. One connection per
 * call, closed at once, so the server under test keeps the database to itself.
 */
async function execute(url: string, text: string, params: unknown[]) {
	const db = createDb(url, { poolSize: 1 });
	try {
		let n = 0;
		const query = dialectOf(db) === 'postgres' ? text.replace(/\?/g, () => `$${++n}`) : text;
		return await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(query, params));
	} finally {
		await db.destroy();
	}
}

export async function sqlAll<T>(url: string, text: string, ...params: unknown[]): Promise<T[]> {
	return (await execute(url, text, params)).rows as T[];
}

export async function sqlGet<T>(url: string, text: string, ...params: unknown[]): Promise<T | undefined> {
	return (await execute(url, text, params)).rows[0] as T | undefined;
}

/** Runs a write; returns how many rows it changed. */
export async function sqlRun(url: string, text: string, ...params: unknown[]): Promise<number> {
	return Number((await execute(url, text, params)).numAffectedRows ?? 0);
}
