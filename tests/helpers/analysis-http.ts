import { expect } from 'vitest';
import { startServer, type RunningServer } from './server.ts';
import { createDb, type Db } from '../../src/lib/server/db/create-db.ts';
import { createUser } from '../../src/lib/server/access/user-service.ts';
import { insertSyntheticResponses } from '../../src/lib/server/analysis/demo.ts';

/** The password of every account the results tests create. */
export const PASSWORD = 'a long enough password';

/** The three readers of results the HTTP tests sign in as. */
const READERS = ['council', 'analyst', 'regional_office'] as const;

export interface ResultsSite {
	server: RunningServer;
	db: Db;
	/** The session cookie of each reader, by role. */
	cookies: Record<string, string>;
	stop(): Promise<void>;
}

/** Signs in through /login and returns the cookies a browser would send back. */
export async function signIn(server: RunningServer, email: string, password = PASSWORD): Promise<string> {
	const res = await fetch(`${server.url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password })
	});
	expect(res.status).toBe(303);
	return res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ');
}

/**
 * The set-up the results tests share (analysis-http, analysis-release-http): the built
 * server, 1000 synthetic responses from `seed`, `prepare` to shape them (responses
 * removed, held back), then a Council reader, an analyst and a regional office of
 * `officeRegion`, each signed in.
 */
export async function resultsSite(options: {
	env?: Record<string, string>;
	seed: number;
	officeRegion: string;
	prepare?: (db: Db) => Promise<void>;
}): Promise<ResultsSite> {
	const server = await startServer({ ADMIN_PASSWORD: PASSWORD, ...options.env });
	const db = createDb(server.dbPath);
	await insertSyntheticResponses(db, 'rp-2026', 1000, options.seed);
	await options.prepare?.(db);
	const cookies: Record<string, string> = {};
	// A regional office user belongs to a region from the start (the access rules require it).
	for (const role of READERS) {
		await createUser(
			db,
			{ email: `${role}@example.org`, role, password: PASSWORD, regionCode: role === 'regional_office' ? options.officeRegion : null },
			'test'
		);
		cookies[role] = await signIn(server, `${role}@example.org`);
	}
	return {
		server,
		db,
		cookies,
		async stop() {
			await db.destroy();
			await server.stop();
		}
	};
}
