import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { postgresMode } from '../helpers/pg.ts';

/**
 * PostgreSQL closes the connections an app node holds idle (a restart, a failover, an
 * administrator, idle_session_timeout): the node must keep serving, not crash on the
 * pool's 'error' event (src/lib/server/db/create-db.ts). PostgreSQL pass only.
 */
let server: RunningServer;

beforeAll(async () => {
	if (postgresMode()) server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

/** Closes every connection to the server's database but the caller's own; how many it closed. */
async function terminateOthers(databaseUrl: string): Promise<number> {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		const name = new URL(databaseUrl).pathname.slice(1);
		const result = await client.query<{ closed: boolean }>(
			'select pg_terminate_backend(pid) as closed from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
			[name]
		);
		return result.rows.filter((r) => r.closed).length;
	} finally {
		await client.end();
	}
}

describe.skipIf(!postgresMode())('an app node whose idle PostgreSQL connections are closed', () => {
	it('logs it, keeps running, and answers the next respondent from a new connection', async () => {
		const before = await fetch(server.demoLink, { headers: { accept: 'text/html' } });
		expect(before.status).toBe(200);
		// The request just served left its connections idle in the pool (node-postgres keeps them 10 s).
		expect(await terminateOthers(server.dbPath)).toBeGreaterThan(0);

		const deadline = Date.now() + 10_000;
		while (!server.output().includes('an idle database connection was closed') && server.process.exitCode === null && Date.now() < deadline)
			await new Promise((r) => setTimeout(r, 50));
		expect(server.process.exitCode).toBeNull();
		expect(server.output()).toContain('an idle database connection was closed by the server');

		const after = await fetch(server.demoLink, { headers: { accept: 'text/html' } });
		expect(after.status).toBe(200);
		expect(await after.text()).toContain('<form');
		expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
	});
});
