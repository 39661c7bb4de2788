import type { Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { freePort, startProvider } from '../helpers/oidc.ts';

/**
 * Issue 17 item 5 in Chromium: the "Sign in with …" button, the provider's pages, the
 * analyst's workspace, and sign-out through the provider (the page that continues there
 * must not be stopped by our CSP), plus the refusal page. Screenshots in test-results/.
 */
const CLIENT = { client_id: 'rps-e2e', client_secret: 'rps-e2e-secret-0123456789' };
let server: RunningServer;
let provider: Server;
let browser: Browser;

beforeAll(async () => {
	const port = await freePort();
	server = await startServer({
		OIDC_ISSUER: `http://127.0.0.1:${port}`,
		OIDC_CLIENT_ID: CLIENT.client_id,
		OIDC_CLIENT_SECRET: CLIENT.client_secret,
		OIDC_SCOPES: 'openid email profile groups',
		OIDC_ROLE_MAP: 'rps-admins=administrator,rps-analysts=analyst,rps-ro-afr=regional_office:AFR',
		OIDC_LABEL: 'ITU account'
	});
	provider = startProvider(port, server.url, CLIENT);
	browser = await launchBrowser();
	mkdirSync('test-results', { recursive: true });
});
afterAll(async () => {
	await browser?.close();
	await new Promise((resolve) => provider?.close(resolve));
	await server?.stop();
});

async function signInAtProvider(page: import('playwright-core').Page, login: string) {
	await page.goto(`${server.url}/login`);
	await page.screenshot({ path: 'test-results/sso-login-en.png', fullPage: true });
	await page.click('text=Sign in with ITU account');
	await page.fill('input[name=login]', login);
	await page.fill('input[name=password]', 'any');
	await page.click('button[type=submit]');
	// The consent page (first sign-in of this account at the provider).
	await page.click('button[type=submit]');
}

describe('single sign-on in a browser', () => {
	it('signs an analyst in and out through the provider', async () => {
		const page = await browser.newPage();
		await signInAtProvider(page, 'ana');
		await page.waitForURL(`${server.url}/admin`);
		await expect.poll(() => page.textContent('[data-testid=role]'), { timeout: 15_000 }).toContain('Analyst'); // poll: the page may still be loading on a busy machine
		await page.screenshot({ path: 'test-results/sso-analyst-home.png' });
		await page.click('button:has-text("Sign out")');
		// Our page sends the browser on to the provider, which asks to confirm, then returns to /login.
		await page.waitForURL((url) => url.origin !== server.url, { timeout: 15_000 });
		await page.click('button[type=submit][value=yes], button:has-text("Yes")');
		await page.waitForURL(`${server.url}/login`);
		await page.goto(`${server.url}/admin`);
		expect(new URL(page.url()).pathname).toBe('/login');
		await page.close();
	});

	it('shows the refusal page to a user in no mapped group', async () => {
		const page = await browser.newPage();
		await signInAtProvider(page, 'stranger');
		await expect.poll(() => page.textContent('main'), { timeout: 15_000 }).toContain('Sign-in refused');
		expect(await page.textContent('main')).toContain('رُفض تسجيل الدخول');
		await page.screenshot({ path: 'test-results/sso-refused.png', fullPage: true });
		await page.close();
	});
});
