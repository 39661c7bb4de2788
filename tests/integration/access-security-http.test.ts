import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlGet } from '../helpers/sql.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { formPost as rawPost, get as rawGet, seedUsers, signInCookie } from '../helpers/access-http.ts';
import { PAIR_FREE_FAILURES } from '../../src/lib/domain/access/throttle.ts';

/**
 * Request safety over HTTP: the cross-site post check, headers and CSP, forged cookies,
 * sign-in throttling (addresses told apart through X-Forwarded-For, as behind a proxy),
 * sessions and their revocation, the French Secretariat and the audit CSV.
 */
const PASSWORD = 'security password 2026';
const ADMIN = 'admin@security.example.org';
let server: RunningServer;
let adminCookie: string;

const from = (address: string) => ({ 'x-forwarded-for': address });
// Behind the proxy every request carries the client's address; a default one here.
const formPost = (url: string, body: Record<string, string>, headers: Record<string, string> = {}) =>
	rawPost(url, body, { ...from('198.51.100.50'), ...headers });
const get = (url: string, cookie?: string) => rawGet(url, cookie, from('198.51.100.50'));
const count = async (query: string, ...params: unknown[]) => (await sqlGet<{ n: number }>(server.dbPath, query, ...params))!.n;

beforeAll(async () => {
	server = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: ADMIN, ADDRESS_HEADER: 'x-forwarded-for' });
	await seedUsers(server.dbPath, [{ email: 'coord@security.example.org', role: 'coordinator', language: 'fr' }], PASSWORD);
	adminCookie = await signInCookie(server.url, ADMIN, PASSWORD, from('198.51.100.1'));
});
afterAll(async () => {
	await server?.stop();
});

describe('cross-site requests and headers', () => {
	it('refuses a cross-site form post, even with a valid session, and changes nothing', async () => {
		const res = await formPost(
			`${server.url}/admin/users?/create`,
			{ email: 'csrf@example.org', role: 'admin', password: PASSWORD },
			{ cookie: adminCookie, origin: 'https://evil.example' }
		);
		expect(res.status).toBe(403);
		expect(await res.text()).toMatch(/Cross-site POST form submissions are forbidden/);
		expect(await count('select count(*) as n from app_user where email = ?', 'csrf@example.org')).toBe(0);
	});

	it('sends CSP with a nonce and no unsafe script, frame-ancestors none, referrer policy, nosniff', async () => {
		const res = await get(`${server.url}/login`);
		const csp = res.headers.get('content-security-policy') ?? '';
		// Pages ship no script (csr = false); where SvelteKit adds one, it carries a nonce.
		expect(csp).toMatch(/script-src 'self'( 'nonce-[^']+')?(;|$)/);
		expect(csp).not.toMatch(/script-src[^;]*unsafe/);
		expect(csp).toContain("object-src 'none'");
		expect(csp).toContain("form-action 'self'");
		expect(csp).toContain("frame-ancestors 'none'");
		expect(res.headers.get('referrer-policy')).toBe('same-origin');
		expect(res.headers.get('x-frame-options')).toBe('DENY');
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		// HSTS only in production, behind HTTPS.
		expect(res.headers.get('strict-transport-security')).toBeNull();
	});

	it('sets the session cookie HttpOnly and SameSite', async () => {
		const res = await formPost(`${server.url}/login`, { email: ADMIN, password: PASSWORD }, from('198.51.100.1'));
		const cookie = res.headers.get('set-cookie') ?? '';
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
	});

	it('treats a forged session cookie as no session, and traces it', async () => {
		// The real token with its last character changed (to another one: appending a fixed 'b' gave the real token back when it ended in 'b', 1 run in 32).
		const last = adminCookie.slice(-1);
		for (const forged of ['rps_session=' + 'a'.repeat(32), 'rps_session=../../etc', 'rps_session=' + adminCookie.slice(12, -1) + (last === 'b' ? 'c' : 'b')]) {
			const res = await get(`${server.url}/admin/users`, forged);
			expect(res.status).toBe(303);
			expect(res.headers.get('location')).toBe('/login?next=%2Fadmin%2Fusers');
		}
		expect(await count("select count(*) as n from audit_log where action = 'auth.session_invalid'")).toBe(3);
	});
});

describe('sign-in throttling over HTTP', () => {
	it('backs off an attacker on the administrator account without locking the administrator out', async () => {
		for (let i = 0; i < PAIR_FREE_FAILURES; i++) {
			const res = await formPost(`${server.url}/login`, { email: ADMIN, password: `guess number ${i}` }, from('203.0.113.66'));
			expect(res.status).toBe(400);
		}
		const blocked = await formPost(`${server.url}/login`, { email: ADMIN, password: PASSWORD }, from('203.0.113.66'));
		expect(blocked.status).toBe(429);
		expect(await blocked.text()).toMatch(/Too many failed attempts/);
		expect(blocked.headers.get('set-cookie') ?? '').not.toMatch(/rps_session=[a-z2-7]/);
		// The administrator, from their own address, is not affected.
		await signInCookie(server.url, ADMIN, PASSWORD, from('198.51.100.2'));
		expect(await count("select count(*) as n from audit_log where action = 'auth.login_throttled' and ip = '203.0.113.66'")).toBe(1);
		expect(await count("select count(*) as n from audit_log where action = 'auth.login_failed' and ip = '203.0.113.66'")).toBe(PAIR_FREE_FAILURES);
	});

	it('refuses an address spraying many accounts', async () => {
		let last = 0;
		for (let i = 0; i < 31; i++) {
			last = (await formPost(`${server.url}/login`, { email: `user${i}@spray.example`, password: 'spray password' }, from('203.0.113.77'))).status;
		}
		expect(last).toBe(429);
		const res = await formPost(`${server.url}/login`, { email: 'coord@security.example.org', password: PASSWORD }, from('203.0.113.77'));
		expect(res.status).toBe(429);
	});
});

describe('sessions, language and audit over HTTP', () => {
	it("shows the Secretariat in the user's language (French)", async () => {
		const cookie = await signInCookie(server.url, 'coord@security.example.org', PASSWORD, from('198.51.100.3'));
		const html = await (await get(`${server.url}/account`, cookie)).text();
		expect(html).toContain('<html lang="fr"');
		expect(html).toContain('Mon compte');
		expect(html).toContain('Changer mon mot de passe');
	});

	it("lists one's sessions and revokes another one", async () => {
		const a = await signInCookie(server.url, 'coord@security.example.org', PASSWORD, from('198.51.100.4'));
		const b = await signInCookie(server.url, 'coord@security.example.org', PASSWORD, from('198.51.100.5'));
		const page = await (await get(`${server.url}/account`, a)).text();
		const ids = [...page.matchAll(/name="session" value="([0-9a-f]{64})"/g)].map((x) => x[1]!);
		expect(ids.length).toBeGreaterThanOrEqual(2);
		const bId = (await (await get(`${server.url}/account`, b)).text()).match(/data-session="current">[\s\S]*?name="session" value="([0-9a-f]{64})"/)![1]!;
		const revoked = await formPost(`${server.url}/account?/revoke`, { session: bId }, { cookie: a });
		expect(revoked.status).toBe(200);
		expect((await get(`${server.url}/account`, b)).status).toBe(303);
		expect((await get(`${server.url}/account`, a)).status).toBe(200);
		// Someone else's session id is not found for me.
		const adminPage = await (await get(`${server.url}/account`, adminCookie)).text();
		const adminSession = /name="session" value="([0-9a-f]{64})"/.exec(adminPage)![1]!;
		expect((await formPost(`${server.url}/account?/revoke`, { session: adminSession }, { cookie: a })).status).toBe(404);
		expect((await get(`${server.url}/account`, adminCookie)).status).toBe(200);
	});

	it('ends every other session when the password changes', async () => {
		const a = await signInCookie(server.url, 'coord@security.example.org', PASSWORD, from('198.51.100.6'));
		const b = await signInCookie(server.url, 'coord@security.example.org', PASSWORD, from('198.51.100.7'));
		const wrong = await formPost(
			`${server.url}/account?/password`,
			{ current: 'not the password', next: 'new password 2026!', confirm: 'new password 2026!' },
			{ cookie: a }
		);
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).toContain('Le mot de passe actuel est incorrect');
		const res = await formPost(
			`${server.url}/account?/password`,
			{ current: PASSWORD, next: 'new password 2026!', confirm: 'new password 2026!' },
			{ cookie: a }
		);
		expect(res.status).toBe(200);
		const fresh = /rps_session=[a-z2-7]+/.exec(res.headers.get('set-cookie') ?? '')![0];
		expect((await get(`${server.url}/account`, a)).status).toBe(303);
		expect((await get(`${server.url}/account`, b)).status).toBe(303);
		expect((await get(`${server.url}/account`, fresh)).status).toBe(200);
	});

	it('exports the filtered audit log as CSV for the administrator', async () => {
		await formPost(`${server.url}/login`, { email: '=1+1@evil.example', password: 'whatever pass' }, from('198.51.100.9'));
		const res = await get(`${server.url}/admin/audit/export.csv?action=auth.`, adminCookie);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
		const csv = await res.text();
		expect(csv.split('\r\n')[0]).toBe('at,actor,actor_user_id,action,target_type,target_id,ip,details');
		expect(csv).toContain('auth.login_failed');
		expect(csv).not.toContain(',user.');
		const viewer = await get(`${server.url}/admin/audit?action=auth.login_throttled`, adminCookie);
		expect(await viewer.text()).toContain('203.0.113.66');
		expect((await get(`${server.url}/admin/audit?from=not-a-date`, adminCookie)).status).toBe(400);
	});
});

describe('in production', () => {
	let prod: RunningServer;
	beforeAll(async () => {
		prod = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: ADMIN, NODE_ENV: 'production', DEMO: '0' });
	});
	afterAll(async () => {
		await prod?.stop();
	});

	it('adds HSTS and marks the session cookie Secure', async () => {
		const page = await rawGet(`${prod.url}/login`);
		expect(page.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
		const res = await rawPost(`${prod.url}/login`, { email: ADMIN, password: PASSWORD });
		expect(res.status).toBe(303);
		expect(res.headers.get('set-cookie') ?? '').toMatch(/;\s*Secure/i);
	});
});
