import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlGet } from '../helpers/sql.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { formPost, get, seedUsers, signInCookie } from '../helpers/access-http.ts';

/**
 * The role matrix over real HTTP against the built server: every role (and nobody)
 * against every Secretariat route and the user-management actions. The expectations
 * are written out here, not derived from the application's own table.
 */
const PASSWORD = 'matrix password 2026';
const ROLES = ['admin', 'author', 'coordinator', 'analyst', 'regional_office', 'council'] as const;
type Who = (typeof ROLES)[number];

const Y = true;
const N = false;
//                                          admin author coord analyst office council
const GET_MATRIX: [string, boolean[]][] = [
	['/admin', /*                         */ [Y, Y, Y, Y, Y, N]],
	['/admin/editions/rp-2026', /*        */ [Y, N, Y, Y, Y, N]],
	// The edition workspace (issue 14 item 3): sending, reminders and settings are the coordinator's.
	['/admin/editions/rp-2026/respondents', [Y, N, Y, Y, Y, N]],
	['/admin/editions/rp-2026/invitations', [Y, N, Y, N, N, N]],
	['/admin/editions/rp-2026/reminders', [Y, N, Y, N, N, N]],
	['/admin/editions/rp-2026/settings', [Y, N, Y, N, N, N]],
	['/admin/users', /*                   */ [Y, N, N, N, N, N]],
	['/admin/audit', /*                   */ [Y, N, N, N, N, N]],
	['/admin/audit/export.csv', /*        */ [Y, N, N, N, N, N]],
	['/admin/results', /*                 */ [Y, N, N, Y, Y, Y]],
	// Issue 12 item 4: the routes docs/access.md and the code disagreed on.
	['/admin/editions/rp-2026/non-responders.csv', [Y, N, Y, Y, Y, N]],
	['/admin/results/rp-2026', /*         */ [Y, N, N, Y, Y, Y]],
	['/admin/results/rp-2026/export/microdata.csv', [Y, N, N, Y, N, N]],
	['/admin/results/rp-2026/comments', /**/ [Y, N, N, Y, N, N]],
	['/admin/results/rp-2026/reports/none', [Y, N, Y, Y, N, Y]],
	['/admin/settings', /*                */ [Y, N, N, N, N, N]],
	['/account', /*                       */ [Y, Y, Y, Y, Y, Y]]
];

let server: RunningServer;
const cookies = {} as Record<Who, string>;
const emailOf = (role: Who) => `${role}@matrix.example.org`;

async function userRole(email: string): Promise<string | undefined> {
	return (await sqlGet<{ role: string }>(server.dbPath, 'select role from app_user where email = ?', email))?.role;
}

beforeAll(async () => {
	server = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: emailOf('admin') });
	await seedUsers(
		server.dbPath,
		ROLES.filter((r) => r !== 'admin').map((role) => ({ email: emailOf(role), role, regionCode: role === 'regional_office' ? 'AFR' : undefined })),
		PASSWORD
	);
	for (const role of ROLES) cookies[role] = await signInCookie(server.url, emailOf(role), PASSWORD);
});
afterAll(async () => {
	await server?.stop();
});

describe('role × route matrix over HTTP', () => {
	const cases = GET_MATRIX.flatMap(([path, allowed]) => ROLES.map((role, i) => [path, role, allowed[i]] as const));
	it.each(cases)('GET %s as %s: allowed=%s', async (path, role, allowed) => {
		const res = await get(server.url + path, cookies[role]);
		if (path === '/admin' && role === 'council') {
			// A Council reader's home is the results (issue 14): /admin sends it there rather than refusing.
			expect(res.status).toBe(303);
			expect(res.headers.get('location')).toBe('/admin/results');
		} else if (allowed) {
			// Allowed: the page itself answers (404 where another area has not built it yet), never 403 or a sign-in redirect.
			expect([200, 404]).toContain(res.status);
		} else {
			expect(res.status).toBe(403);
			expect(await res.text()).toContain('Access refused');
		}
	});

	it.each(GET_MATRIX.map(([path]) => path))('GET %s without a session goes to the sign-in page', async (path) => {
		const res = await get(server.url + path);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
	});

	it('returns to the page that asked for a sign-in, never to another site', async () => {
		const back = await formPost(`${server.url}/login`, { email: emailOf('analyst'), password: PASSWORD, next: '/admin/results?region=AFR' });
		expect(back.headers.get('location')).toBe('/admin/results?region=AFR');
		const away = await formPost(`${server.url}/login`, { email: emailOf('analyst'), password: PASSWORD, next: '//evil.example/phish' });
		expect(away.headers.get('location')).toBe('/admin');
		const form = await (await get(`${server.url}/login?next=${encodeURIComponent('/admin/audit')}`)).text();
		expect(form).toContain('name="next" value="/admin/audit"');
	});

	it('lands each role on its home after signing in', async () => {
		const res = await formPost(`${server.url}/login`, { email: emailOf('council'), password: PASSWORD });
		expect(res.headers.get('location')).toBe('/admin/results');
		const staff = await formPost(`${server.url}/login`, { email: emailOf('analyst'), password: PASSWORD });
		expect(staff.headers.get('location')).toBe('/admin');
	});
});

describe('distribution actions need the coordinator permissions', () => {
	it.each([
		['analyst', 403],
		['regional_office', 403],
		['author', 403],
		['coordinator', 200]
	] as const)('inviting a whole edition as %s answers %s', async (role, status) => {
		const res = await formPost(`${server.url}/admin/editions/rp-2026/invitations?/inviteAll`, {}, { cookie: cookies[role] });
		expect(res.status).toBe(status);
	});

	it.each([
		['analyst', 403],
		['coordinator', 200]
	] as const)('the registry page as %s answers %s', async (role, status) => {
		expect((await get(`${server.url}/admin/registry`, cookies[role])).status).toBe(status);
	});
});

describe('role escalation through crafted posts', () => {
	it.each(ROLES.filter((r) => r !== 'admin'))('refuses a %s creating an administrator, and records the attempt', async (role) => {
		const email = `escalate-${role}@matrix.example.org`;
		const res = await formPost(`${server.url}/admin/users?/create`, { email, role: 'admin', password: PASSWORD }, { cookie: cookies[role] });
		expect(res.status).toBe(403);
		expect(await userRole(email)).toBeUndefined();
		const denied = (await sqlGet<{ n: number }>(
			server.dbPath,
			"select count(*) as n from audit_log where action = 'access.denied' and actor = ? and details_json like '%/admin/users%'",
			emailOf(role)
		))!;
		expect(denied.n).toBeGreaterThan(0);
	});

	it.each(ROLES.filter((r) => r !== 'admin'))('refuses a %s promoting itself to administrator', async (role) => {
		const id = (await sqlGet<{ id: string }>(server.dbPath, 'select id from app_user where email = ?', emailOf(role)))!.id;
		const res = await formPost(`${server.url}/admin/users?/role`, { user: id, role: 'admin' }, { cookie: cookies[role] });
		expect(res.status).toBe(403);
		expect(await userRole(emailOf(role))).toBe(role);
	});

	it('lets the administrator create a user, and refuses its own demotion with a clear message', async () => {
		const created = await formPost(
			`${server.url}/admin/users?/create`,
			{ email: 'new-analyst@matrix.example.org', role: 'analyst', password: PASSWORD, language: 'fr' },
			{ cookie: cookies.admin }
		);
		expect(created.status).toBe(200);
		expect(await userRole('new-analyst@matrix.example.org')).toBe('analyst');
		const adminId = (await sqlGet<{ id: string }>(server.dbPath, 'select id from app_user where email = ?', emailOf('admin')))!.id;
		const self = await formPost(`${server.url}/admin/users?/role`, { user: adminId, role: 'council' }, { cookie: cookies.admin });
		expect(self.status).toBe(409);
		expect(await self.text()).toContain('ask another administrator');
		expect(await userRole(emailOf('admin'))).toBe('admin');
	});
});
