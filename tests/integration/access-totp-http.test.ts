import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { formPost, get, seedUsers, signInCookie } from '../helpers/access-http.ts';
import { currentStep, totpCode } from '../../src/lib/server/access/totp.ts';

/** The optional TOTP second factor over HTTP, and its mandatory form for administrators. */
const PASSWORD = 'totp test password 1';
const ADMIN = 'admin@totp.example.org';
let server: RunningServer;

beforeAll(async () => {
	server = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: ADMIN });
});
afterAll(async () => {
	await server?.stop();
});

describe('TOTP second factor', () => {
	let secret = '';
	let enrolledStep = 0;

	it('enrols from the account page with a first good code', async () => {
		const cookie = await signInCookie(server.url, ADMIN, PASSWORD);
		expect((await formPost(`${server.url}/account?/totp_begin`, {}, { cookie })).status).toBe(200);
		const page = await (await get(`${server.url}/account`, cookie)).text();
		secret = /data-totp-secret[^>]*>([A-Z2-7]+)</.exec(page)![1]!;
		expect(page).toContain('otpauth://totp/');
		expect(
			(
				await formPost(
					`${server.url}/account?/totp_confirm`,
					{ code: '000000' === totpCode(secret, currentStep(Date.now())) ? '111111' : '000000' },
					{ cookie }
				)
			).status
		).toBe(400);
		enrolledStep = currentStep(Date.now());
		expect((await formPost(`${server.url}/account?/totp_confirm`, { code: totpCode(secret, enrolledStep) }, { cookie })).status).toBe(200);
		// The session that enrolled stays usable.
		expect((await get(`${server.url}/admin/users`, cookie)).status).toBe(200);
	});

	it('holds a new session at the second step until a fresh code is given', async () => {
		const login = await formPost(`${server.url}/login`, { email: ADMIN, password: PASSWORD });
		expect(login.headers.get('location')).toBe('/login/totp');
		const cookie = /rps_session=[a-z2-7]+/.exec(login.headers.get('set-cookie') ?? '')![0];
		const held = await get(`${server.url}/admin/users`, cookie);
		expect(held.status).toBe(303);
		expect(held.headers.get('location')).toBe('/login/totp');
		expect((await formPost(`${server.url}/admin/users?/create`, { email: 'x@totp.example.org', role: 'admin', password: PASSWORD }, { cookie })).status).toBe(
			401
		);
		// The code already used at enrolment is refused (no replay)...
		expect((await formPost(`${server.url}/login/totp`, { code: totpCode(secret, enrolledStep) }, { cookie })).status).toBe(400);
		// ...the next step's code (within the allowed drift) is accepted.
		const ok = await formPost(`${server.url}/login/totp`, { code: totpCode(secret, enrolledStep + 1) }, { cookie });
		expect(ok.status).toBe(303);
		expect(ok.headers.get('location')).toBe('/admin');
		expect((await get(`${server.url}/admin/users`, cookie)).status).toBe(200);
	});

	it('ends a pending session after five wrong codes', async () => {
		const login = await formPost(`${server.url}/login`, { email: ADMIN, password: PASSWORD });
		const cookie = /rps_session=[a-z2-7]+/.exec(login.headers.get('set-cookie') ?? '')![0];
		for (let i = 0; i < 4; i++)
			expect(await (await formPost(`${server.url}/login/totp`, { code: 'abcdef' }, { cookie })).text()).toContain('This code is not correct');
		const last = await formPost(`${server.url}/login/totp`, { code: 'abcdef' }, { cookie });
		expect(last.headers.get('location')).toBe('/login?totp=ended');
		expect(await (await get(`${server.url}/login?totp=ended`)).text()).toContain('Too many wrong codes');
		expect((await get(`${server.url}/login/totp`, cookie)).headers.get('location')).toBe('/login');
	});

	it('lets another administrator remove a lost second factor', async () => {
		await seedUsers(server.dbPath, [{ email: 'admin2@totp.example.org', role: 'admin' }], PASSWORD);
		const other = await signInCookie(server.url, 'admin2@totp.example.org', PASSWORD);
		const page = await (await get(`${server.url}/admin/users`, other)).text();
		const id = new RegExp(`data-user="${ADMIN}"[\\s\\S]*?name="user" value="([^"]+)"`).exec(page)![1]!;
		expect((await formPost(`${server.url}/admin/users?/totp_remove`, { user: id }, { cookie: other })).status).toBe(200);
		expect((await formPost(`${server.url}/admin/users?/totp_remove`, { user: id }, { cookie: other })).status).toBe(409);
		// The five wrong codes above put this account and address in a 2-second backoff: sign in
		// again until it has passed (a refused attempt during the backoff counts no failure),
		// bounded, instead of sleeping for its whole length.
		const deadline = Date.now() + 15_000;
		let login = await formPost(`${server.url}/login`, { email: ADMIN, password: PASSWORD });
		while (login.headers.get('location') !== '/admin' && Date.now() < deadline) {
			await new Promise((r) => setTimeout(r, 200));
			login = await formPost(`${server.url}/login`, { email: ADMIN, password: PASSWORD });
		}
		expect(login.headers.get('location')).toBe('/admin');
	});
});

describe('TOTP mandatory for administrators when configured', () => {
	let strict: RunningServer;
	beforeAll(async () => {
		strict = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: ADMIN, TOTP_REQUIRED_FOR_ADMINS: '1' });
		await seedUsers(strict.dbPath, [{ email: 'analyst@totp.example.org', role: 'analyst' }], PASSWORD);
	});
	afterAll(async () => {
		await strict?.stop();
	});

	it('sends an administrator without a second factor to set it up, and nobody else', async () => {
		const admin = await signInCookie(strict.url, ADMIN, PASSWORD);
		const res = await get(`${strict.url}/admin/users`, admin);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/account?totp=required');
		expect(await (await get(`${strict.url}/account?totp=required`, admin)).text()).toContain('Administrators must use two-step verification');
		const analyst = await signInCookie(strict.url, 'analyst@totp.example.org', PASSWORD);
		expect((await get(`${strict.url}/admin`, analyst)).status).toBe(200);
	});
});
