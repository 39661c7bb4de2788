import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { formPost, get } from '../helpers/access-http.ts';
import { freePort, OidcBrowser, startProvider } from '../helpers/oidc.ts';
import { sqlAll, sqlGet } from '../helpers/sql.ts';

/**
 * Issue 17 item 5: single sign-on for the Secretariat through OpenID Connect, against a
 * real provider (`oidc-provider`, in this process on a random port) and the built server.
 * The provider's development login and consent forms are driven over HTTP with a
 * cookie jar, as a browser would: sign-in, group mapping, refused group, sign-out, state.
 */
const PASSWORD = 'sso admin password 2026';
const CLIENT = { client_id: 'rps-test', client_secret: 'rps-test-secret-0123456789' };
let server: RunningServer;
/** The role shown at the top of every Secretariat page (Svelte's comment markers removed). */
const roleShown = (html: string) =>
	/data-testid="role"[^>]*>([\s\S]*?)<\/span>/
		.exec(html)?.[1]
		?.replace(/<!--.*?-->/g, '')
		.trim();
let provider: Server;
let issuer: string;

beforeAll(async () => {
	const port = await freePort();
	issuer = `http://127.0.0.1:${port}`;
	server = await startServer({
		ADMIN_PASSWORD: PASSWORD,
		ADMIN_EMAIL: 'admin@sso.example.org',
		TOTP_REQUIRED_FOR_ADMINS: '1',
		OIDC_ISSUER: issuer,
		OIDC_CLIENT_ID: CLIENT.client_id,
		OIDC_CLIENT_SECRET: CLIENT.client_secret,
		OIDC_SCOPES: 'openid email profile groups',
		OIDC_ROLE_MAP: 'rps-admins=administrator, rps-analysts=analyst, rps-ro-afr=regional_office:AFR',
		OIDC_LABEL: 'Test Identity'
	});
	provider = startProvider(port, server.url, CLIENT);
});
afterAll(async () => {
	await new Promise((resolve) => provider?.close(resolve));
	await server?.stop();
});

describe('single sign-on through OpenID Connect', () => {
	it('shows "Sign in with <label>" on the sign-in page, beside the local form', async () => {
		const html = await (await get(`${server.url}/login`)).text();
		expect(html).toContain('Sign in with Test Identity');
		expect(html).toContain('href="/auth/oidc/login"');
		expect(html).toMatch(/name="password"/);
	});

	it('signs an analyst in: the account is created from the groups claim and lands on the analyst home', async () => {
		const browser = new OidcBrowser(server.url);
		const landed = await browser.signIn('ana');
		expect(landed.status).toBe(303);
		expect(landed.headers.get('location')).toBe('/admin');
		const home = await get(`${server.url}/admin`, browser.session!);
		expect(home.status).toBe(200);
		const html = await home.text();
		expect(roleShown(html)).toBe('Analyst');
		expect(html).toContain('Signed in as ana@sso.example.org');
		expect(html).toContain('data-area="results"');
		expect(html).not.toContain('data-area="users"');
		const row = await sqlGet<{ role: string; region_code: string | null; display_name: string }>(
			server.dbPath,
			'select role, region_code, display_name from app_user where email = ?',
			'ana@sso.example.org'
		);
		expect(row).toEqual({ role: 'analyst', region_code: null, display_name: 'Ana Lyst' });
		const link = await sqlGet<{ issuer: string; subject: string }>(server.dbPath, 'select issuer, subject from access_oidc_identity where subject = ?', 'ana');
		expect(link).toEqual({ issuer, subject: 'ana' });
	});

	it('gives a regional office group its role and its region', async () => {
		const browser = new OidcBrowser(server.url);
		await browser.signIn('afr');
		const html = await (await get(`${server.url}/admin`, browser.session!)).text();
		expect(roleShown(html)).toBe('Regional office, Africa');
		const row = await sqlGet<{ role: string; region_code: string }>(
			server.dbPath,
			'select role, region_code from app_user where email = ?',
			'afr@sso.example.org'
		);
		expect(row).toEqual({ role: 'regional_office', region_code: 'AFR' });
	});

	it('leaves the second factor to the provider: an administrator is not sent to set one up', async () => {
		const browser = new OidcBrowser(server.url);
		await browser.signIn('boss');
		const res = await get(`${server.url}/admin/users`, browser.session!);
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('data-area="users"');
	});

	it('refuses a user whose groups map to no role: a clear page, no session, an audit entry', async () => {
		const browser = new OidcBrowser(server.url);
		const refused = await browser.signIn('stranger');
		expect(refused.status).toBe(403);
		expect(browser.session).toBeUndefined();
		const html = await refused.text();
		expect(html).toContain('Sign-in refused');
		expect(html).toContain('Your account at the identity provider is in no group that gives access to this platform.');
		expect(html).not.toContain('personal link');
		expect(await sqlGet(server.dbPath, 'select id from app_user where email = ?', 'stranger@sso.example.org')).toBeUndefined();
		const audit = await sqlAll<{ details: string }>(server.dbPath, "select details_json as details from audit_log where action = 'auth.sso_refused'");
		expect(audit.some((a) => a.details.includes('"reason":"no_group"') && a.details.includes('stranger@sso.example.org'))).toBe(true);
	});

	it('signs out: the local session ends and the browser goes to the provider to end its session there', async () => {
		const browser = new OidcBrowser(server.url);
		await browser.signIn('ana');
		const out = await formPost(`${server.url}/logout`, {}, { cookie: browser.session! });
		// A page, not a redirect: the CSP's form-action 'self' would stop a post leading to another origin.
		expect(out.status).toBe(200);
		const page = await out.text();
		expect(page).toContain('You are signed out of the platform');
		const href = /<a href="([^"]+)" data-testid="provider-sign-out"/.exec(page)?.[1];
		expect(page).toContain(`<meta http-equiv="refresh" content="0;url=${href}"`);
		const location = new URL(href!.replaceAll('&amp;', '&'));
		expect(location.origin).toBe(issuer);
		expect(location.searchParams.get('post_logout_redirect_uri')).toBe(`${server.url}/login`);
		expect(location.searchParams.get('id_token_hint')).toBeTruthy();
		expect((await get(`${server.url}/admin`, browser.session!)).status).toBe(303);
		// The provider asks to confirm, then returns to our sign-in page.
		const back = await browser.followProvider(location.toString());
		expect(back).toBe(`${server.url}/login`);
	});

	it('rejects a callback whose state does not match the one this browser started with', async () => {
		const browser = new OidcBrowser(server.url);
		await browser.startOnly();
		const res = await browser.callback('?code=forged-code&state=not-the-state');
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('The sign-in could not be completed');
		expect(res.headers.get('set-cookie') ?? '').not.toMatch(/rps_session=[a-z2-7]+/);
		const none = await new OidcBrowser(server.url).callback('?code=forged-code&state=any');
		expect(none.status).toBe(400);
	});

	it('keeps the password form for administrators only while single sign-on is on', async () => {
		const admin = await formPost(`${server.url}/login`, { email: 'admin@sso.example.org', password: PASSWORD });
		expect(admin.status).toBe(303);
		const db = await import('../helpers/access-http.ts');
		await db.seedUsers(server.dbPath, [{ email: 'local-analyst@sso.example.org', role: 'analyst' }], 'local analyst password 2026');
		const analyst = await formPost(`${server.url}/login`, { email: 'local-analyst@sso.example.org', password: 'local analyst password 2026' });
		expect(analyst.status).toBe(403);
		expect(analyst.headers.get('set-cookie') ?? '').not.toMatch(/rps_session=[a-z2-7]+/);
		expect(await analyst.text()).toContain('Please use “Sign in with Test Identity”');
	});
});
