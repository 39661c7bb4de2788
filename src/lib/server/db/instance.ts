import { createDb, type Db } from './create-db.ts';
import { getConfig } from '../platform/config.ts';

export { getConfig };

/**
 * The server's one database handle, opened on first use (never at import time, so
 * that building or type-checking the app touches no database).
 */
let db: Db | undefined;
export function getDb(): Db {
	db ??= createDb(getConfig().databaseUrl, { poolSize: getConfig().databasePoolSize });
	return db;
}
