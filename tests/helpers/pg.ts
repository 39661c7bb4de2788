import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * "Postgres mode": the integration suite runs against PostgreSQL when scripts/test.js
 * (or a person) sets TEST_DB=postgres and TEST_POSTGRES_URL names a role that may
 * create databases, e.g. postgres://rps:rps@127.0.0.1:5432/postgres.
 */
export function postgresMode(): boolean {
	return process.env.TEST_DB === 'postgres';
}

export const SKIP_ON_POSTGRES = postgresMode();

function adminUrl(): string {
	const url = process.env.TEST_POSTGRES_URL;
	if (!url) throw new Error('TEST_DB=postgres needs TEST_POSTGRES_URL (an admin URL such as postgres://user:pass@127.0.0.1:5432/postgres)');
	return url;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: adminUrl() });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

export interface TestPostgresDatabase {
	url: string;
	name: string;
	drop(): Promise<void>;
}

/**
 * A new empty database `rps_test_<random>` on the test server, or a copy of the database
 * `template` (helpers/db-template.ts); `drop()` removes it (closing any connection left).
 */
export async function createTestDatabase(template?: string): Promise<TestPostgresDatabase> {
	const name = `rps_test_${randomBytes(6).toString('hex')}`;
	// Code-point order and Unicode case mapping, as docs/postgresql.md recommends for production
	// (a copy keeps its template's).
	await admin((c) =>
		c.query(template ? `create database ${name} template ${template}` : `create database ${name} template template0 encoding 'UTF8' locale 'C.UTF-8'`)
	);
	const url = new URL(adminUrl());
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		name,
		drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined)
	};
}
