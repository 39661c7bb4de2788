import { createDb, type Db } from './create-db.ts';
import { loadConfig, type Config } from '../config.ts';

/**
 * The server's one database handle, opened on first use (never at import time, so
 * that building or type-checking the app touches no database).
 */
let db: Db | undefined;
let config: Config | undefined;

export function getConfig(): Config {
	config ??= loadConfig();
	return config;
}

export function getDb(): Db {
	db ??= createDb(getConfig().databaseUrl, { poolSize: getConfig().databasePoolSize });
	return db;
}
