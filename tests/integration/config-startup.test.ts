import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { get, signInCookie } from '../helpers/access-http.ts';

/**
 * One validated configuration (issue 12, item 12): the built server refuses to start on
 * a bad value of any variable, naming it, and a yes/no setting means what it says.
 */
const START_BOUND_MS = 30_000;

async function freePort(): Promise<number> {
	const srv = createServer();
	await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
	const address = srv.address();
	await new Promise((resolve) => srv.close(resolve));
	return typeof address === 'object' && address ? address.port : 0;
}

/** Starts server.js with `env` on a throw-away database and reports how it ended: exited, or listening. */
async function tryStart(env: Record<string, string>): Promise<{ outcome: 'exited' | 'listening'; code: number | null; output: string }> {
	const dir = mkdtempSync(join(tmpdir(), 'rps-config-'));
	const child = spawn(process.execPath, ['server.js'], {
		env: {
			...process.env,
			DATABASE_URL: join(dir, 'survey.db'),
			PORT: String(await freePort()),
			HOST: '127.0.0.1',
			NODE_ENV: 'test',
			SHUTDOWN_DRAIN_MS: '0',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (d) => (output += d));
	child.stderr.on('data', (d) => (output += d));
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	const deadline = Date.now() + START_BOUND_MS;
	try {
		while (Date.now() < deadline) {
			if (child.exitCode !== null) return { outcome: 'exited', code: await exited, output };
			if (/Listening on/.test(output)) return { outcome: 'listening', code: null, output };
			await new Promise((r) => setTimeout(r, 50));
		}
		throw new Error(`server neither started nor stopped within ${START_BOUND_MS} ms:\n${output}`);
	} finally {
		if (child.exitCode === null) {
			child.kill('SIGKILL');
			await exited;
		}
		rmSync(dir, { recursive: true, force: true });
	}
}

describe('a bad setting stops the server before it serves', () => {
	it.each([
		['TOTP_REQUIRED_FOR_ADMINS', 'maybe'],
		['WORKERS', 'abc'],
		['ANALYSIS_MIN_COUNT', '-1'],
		['DEMO', 'sometimes'],
		['NODE_ENV', 'prod'],
		['MAIL_RATE_PER_MINUTE', 'fast'],
		['ADDRESS_HEADER', 'x forwarded for'],
		['BODY_SIZE_LIMIT', '6MB']
	])('%s=%s: exits non-zero with a message naming the variable', async (name, value) => {
		const run = await tryStart({ [name]: value });
		expect(run.outcome, run.output).toBe('exited');
		expect(run.code).not.toBe(0);
		expect(run.output).toMatch(new RegExp(`invalid configuration: .*${name}`));
		expect(run.output).toContain(`"${value}"`);
	});

	it('the command line refuses the same values', () => {
		const run = spawnSync(process.execPath, ['src/cli/main.ts', 'invite', '--edition', 'rp-2026', '--entity', 'SEN'], {
			env: { ...process.env, DATABASE_URL: ':memory:', TOTP_REQUIRED_FOR_ADMINS: 'maybe' },
			encoding: 'utf8'
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/invalid configuration: TOTP_REQUIRED_FOR_ADMINS/);
	});
});

describe('behind a proxy', () => {
	it('warns at start in production when ADDRESS_HEADER is unset, and not when it is set', async () => {
		const bare = await tryStart({ NODE_ENV: 'production', DEMO: 'no' });
		expect(bare.outcome, bare.output).toBe('listening');
		expect(bare.output).toMatch(/NODE_ENV=production without ADDRESS_HEADER.*link-guessing throttle/);
		const proxied = await tryStart({ NODE_ENV: 'production', DEMO: 'no', ADDRESS_HEADER: 'x-forwarded-for' });
		expect(proxied.outcome, proxied.output).toBe('listening');
		expect(proxied.output).not.toContain('ADDRESS_HEADER');
	});
});

describe('TOTP_REQUIRED_FOR_ADMINS=true', () => {
	const PASSWORD = 'config test password 1';
	const ADMIN = 'admin@config.example.org';
	let server: RunningServer;
	beforeAll(async () => {
		server = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: ADMIN, TOTP_REQUIRED_FOR_ADMINS: 'true' });
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('makes the second factor mandatory for an administrator (was silently off: only "1" counted)', async () => {
		const admin = await signInCookie(server.url, ADMIN, PASSWORD);
		const res = await get(`${server.url}/admin/users`, admin);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/account?totp=required');
		expect(await (await get(`${server.url}/account?totp=required`, admin)).text()).toContain('Administrators must use two-step verification');
	});
});
