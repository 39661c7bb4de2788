import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlGet } from '../helpers/sql.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { formPost, get, signInCookie } from '../helpers/access-http.ts';

/**
 * Issue 12: `GET /logout` used to answer 500 with a stack trace (item 11); the CLI could
 * not create a regional office user (item 2). Signing out is a POST; a GET gets a page
 * with the sign-out button.
 */
const PASSWORD = 'logout password 2026';
let server: RunningServer;

function cli(args: string[], input: string): { code: number; stdout: string; stderr: string } {
	try {
		const stdout = execFileSync(process.execPath, ['src/cli/main.ts', ...args], {
			env: { ...process.env, DATABASE_URL: server.dbPath, PUBLIC_URL: server.url },
			input,
			encoding: 'utf8',
			stdio: 'pipe'
		});
		return { code: 0, stdout, stderr: '' };
	} catch (e) {
		const err = e as { status?: number; stdout?: string; stderr?: string };
		return { code: err.status ?? 1, stdout: String(err.stdout ?? ''), stderr: String(err.stderr ?? '') };
	}
}

beforeAll(async () => {
	server = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: 'admin@logout.example.org' });
});
afterAll(async () => {
	await server?.stop();
});

describe('sign out', () => {
	it('answers a GET with a page holding the sign-out button, not an error', async () => {
		const cookie = await signInCookie(server.url, 'admin@logout.example.org', PASSWORD);
		const res = await get(`${server.url}/logout`, cookie);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).not.toMatch(/Internal error|at .*\.js:\d+/);
		expect(html).toMatch(/<form method="POST" action="\/logout"/);
		expect(html).toContain('Sign out');
		// The GET signed nobody out.
		expect((await get(`${server.url}/account`, cookie)).status).toBe(200);
	});

	it('answers a GET without a session with the same page', async () => {
		const res = await get(`${server.url}/logout`);
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('action="/logout"');
	});

	it('signs out with a POST', async () => {
		const cookie = await signInCookie(server.url, 'admin@logout.example.org', PASSWORD);
		const res = await formPost(`${server.url}/logout`, {}, { cookie });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/login');
		expect((await get(`${server.url}/account`, cookie)).status).toBe(303);
	});
});

describe('user:create on the command line', () => {
	it('creates a regional office user for its region, who then signs in', async () => {
		const r = cli(['user:create', '--email', 'afr@logout.example.org', '--role', 'regional_office', '--region', 'AFR'], 'office password 2026\n');
		expect(r.stderr).toBe('');
		expect(r.stdout).toContain('created regional_office afr@logout.example.org (AFR)');
		const row = await sqlGet<{ role: string; region_code: string }>(
			server.dbPath,
			'select role, region_code from app_user where email = ?',
			'afr@logout.example.org'
		);
		expect(row).toEqual({ role: 'regional_office', region_code: 'AFR' });
		await signInCookie(server.url, 'afr@logout.example.org', 'office password 2026');
	});

	it('refuses a regional office without a region, an unknown region, and a region for another role', () => {
		expect(cli(['user:create', '--email', 'x1@logout.example.org', '--role', 'regional_office'], 'office password 2026\n').stderr).toMatch(/region/);
		expect(cli(['user:create', '--email', 'x2@logout.example.org', '--role', 'regional_office', '--region', 'XYZ'], 'office password 2026\n').stderr).toMatch(
			/XYZ/
		);
		expect(cli(['user:create', '--email', 'x3@logout.example.org', '--role', 'analyst', '--region', 'AFR'], 'office password 2026\n').stderr).toMatch(/region/);
	});
});
