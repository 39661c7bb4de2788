import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';

/** An administrator manages users in Chromium, JavaScript off, as a person would. */
const PASSWORD = 'browser admin password';
const ADMIN = 'admin@browser.example.org';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	server = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: ADMIN });
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

async function signIn(page: Page, email: string, password: string) {
	await page.goto(`${server.url}/login`);
	await page.fill('#email', email);
	await page.fill('#password', password);
	await page.click('button[type=submit]');
}

describe('Secretariat access in the browser', () => {
	it('creates a regional office user, which then sees only what its role allows, in French', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await signIn(page, ADMIN, PASSWORD);
		expect(new URL(page.url()).pathname).toBe('/admin');
		await page.click('text=Users');
		await page.fill('#new-email', 'ro-afr@browser.example.org');
		await page.fill('#new-name', 'Bureau régional Afrique');
		await page.selectOption('#new-role', 'regional_office');
		await page.selectOption('#new-region', 'AFR');
		await page.selectOption('#new-language', 'fr');
		await page.fill('#new-password', 'office password 2026');
		await page.click('form[action="?/create"] button[type=submit]');
		await expect.poll(() => page.textContent('[role=status]')).toContain('The change was saved.');
		expect(await page.textContent('tr[data-user="ro-afr@browser.example.org"]')).toContain('Regional office, Africa');

		// The audit log shows the creation.
		await page.click('text=Audit log');
		await page.fill('#f-action', 'user.create');
		await page.click('form.filters button[type=submit]');
		expect(await page.textContent('table.ui-table tbody')).toContain('ro-afr@browser.example.org');
		await context.close();

		const office = await browser.newContext({ javaScriptEnabled: false });
		const officePage = await office.newPage();
		await signIn(officePage, 'ro-afr@browser.example.org', 'office password 2026');
		expect(await officePage.getAttribute('html', 'lang')).toBe('fr');
		const refused = await officePage.goto(`${server.url}/admin/users`);
		expect(refused?.status()).toBe(403);
		expect(await officePage.textContent('h1')).toBe('Accès refusé');
		await officePage.goto(`${server.url}/account`);
		expect(await officePage.textContent('h1')).toBe('Mon compte');
		await office.close();
	});
});
