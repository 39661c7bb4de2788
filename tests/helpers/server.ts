import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, postgresMode } from './pg.ts';
import { createDb } from '../../src/lib/server/db/create-db.ts';
import { inviteEntity } from '../../src/lib/server/distribution/invitations/invitations.ts';

export interface RunningServer {
	url: string;
	/** The server's DATABASE_URL: an SQLite file path, or a postgres:// URL in postgres mode. */
	dbPath: string;
	dir: string;
	output: () => string;
	/** The demo respondent link printed at start. */
	demoLink: string;
	adminPassword: string;
	/** The server process, for tests of how it stops. */
	process: ChildProcess;
	stop(): Promise<void>;
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/**
 * Starts the built server (server.js over build/) on a fresh database, as `npm start` would:
 * an SQLite file, or a new PostgreSQL database in postgres mode (dropped by stop()).
 * Pass `DATABASE_URL` in `env` to start a second node on an existing database; that
 * database is then left alone by stop().
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
	const dir = mkdtempSync(join(tmpdir(), 'rps-e2e-'));
	let pg = env.DATABASE_URL || !postgresMode() ? undefined : await createTestDatabase();
	let dbPath = env.DATABASE_URL ?? pg?.url ?? join(dir, 'survey.db');
	let url = '';
	let log = '';
	let running: ChildProcess | undefined;
	// Test files run side by side (vite.config.ts): another worker may take the free port
	// between our probe and the server's listen. That failure (EADDRINUSE) is retried on
	// a new port; any other one is the test's.
	for (let attempt = 1; !running; attempt++) {
		const port = await freePort();
		url = `http://127.0.0.1:${port}`;
		log = '';
		const started: ChildProcess = spawn(process.execPath, ['server.js'], {
			// No drain period on stop: tests stop servers they are not talking to any more.
			// KEEP_ALIVE_TIMEOUT: a test that blocks its own event loop (a CLI step run with
			// execFileSync) must not come back to a kept-alive socket the server closed meanwhile
			// ("other side closed"); Node's 5 s is shorter than a busy machine's CLI call.
			env: {
				...process.env,
				DATABASE_URL: dbPath,
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: url,
				NODE_ENV: 'test',
				SHUTDOWN_DRAIN_MS: '0',
				KEEP_ALIVE_TIMEOUT: '60',
				// Each language's questionnaire model is built on first use instead of at start: about
				// 2 s of CPU saved per server, and a test starts dozens (warm-models.test.ts keeps the default tested).
				WARM_MODELS: '0',
				...env
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		started.stdout!.on('data', (d) => (log += d));
		started.stderr!.on('data', (d) => (log += d));
		// Generous, like the test timeouts: files run side by side, and a busy machine must
		// not fail a start for time alone (a server that exits still fails at once).
		const deadline = Date.now() + 90_000;
		while (!/Listening on/.test(log)) {
			if (started.exitCode !== null || Date.now() > deadline) break;
			await new Promise((r) => setTimeout(r, 50));
		}
		if (/Listening on/.test(log)) running = started;
		else {
			started.kill('SIGKILL');
			if (/EADDRINUSE/.test(log) && attempt < 3) {
				// A database of our own starts afresh, so the retry prints what a first start prints.
				if (pg) {
					await pg.drop();
					pg = await createTestDatabase();
					dbPath = pg.url;
				} else if (!env.DATABASE_URL) dbPath = join(mkdtempSync(join(dir, 'retry-')), 'survey.db');
				continue;
			}
			await pg?.drop();
			throw new Error(`server did not start:\n${log}`);
		}
	}
	const child: ChildProcess = running;
	const demoLink = /demo respondent link \([^)]*\): (\S+)/.exec(log)?.[1] ?? '';
	const adminPassword = /generated password \(shown once\): (\S+)/.exec(log)?.[1] ?? env.ADMIN_PASSWORD ?? '';
	return {
		url,
		dbPath,
		dir,
		demoLink,
		adminPassword,
		output: () => log,
		process: child,
		async stop() {
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
				if (child.exitCode === null) child.kill('SIGKILL');
			}
			await pg?.drop();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** Runs `npm run cli -- ...args` (without npm) against a running server's database; returns stdout, trimmed. */
export function runCli(server: Pick<RunningServer, 'dbPath' | 'url'>, ...args: string[]): string {
	return execFileSync(process.execPath, ['src/cli/main.ts', ...args], {
		env: { ...process.env, DATABASE_URL: server.dbPath, PUBLIC_URL: server.url },
		encoding: 'utf8'
	}).trim();
}

/**
 * A new personal link for `entity` in the default edition: what `cli invite --edition --entity`
 * prints (same function, same 'cli' actor), called in this process on the server's database.
 * A CLI process costs about 3.5 s of CPU to load, and end-to-end files made up to fifteen links
 * each; tests/integration/cli-distribution.test.ts runs the command itself.
 */
export async function newLink(server: Pick<RunningServer, 'dbPath' | 'url'>, entity: string, edition = 'rp-2026'): Promise<string> {
	const db = createDb(server.dbPath);
	try {
		return (await inviteEntity(db, edition, entity, server.url, 'cli')).url;
	} finally {
		await db.destroy();
	}
}
