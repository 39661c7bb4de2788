import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, signInInBrowser } from '../helpers/browser.ts';
import { axeViolations as violations } from '../helpers/axe.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { builtinMailText } from '../../src/lib/domain/mail/mail-texts.ts';
import { startDraftAs } from '../helpers/drafts.ts';

/**
 * The editor's e-mail texts in Chromium, through the forms alone: from the editor to the
 * e-mail section, copy the built-in texts, change the English subject and see it in the
 * preview, a refused merge field shown beside its form with the input kept, removal
 * after confirmation. axe-core checks the page.
 */
const SLUG = 'regional-presence-2026';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	server = await startServer();
	await startDraftAs(server.dbPath, 'admin@example.org', SLUG);
	browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

describe('e-mail texts in the browser', () => {
	it('copies, edits and previews the e-mail texts, then goes back to the built-in ones', async () => {
		const context = await browser.newContext({ bypassCSP: true });
		const page = await context.newPage();
		await signInInBrowser(page, server.url, 'admin@example.org', server.adminPassword);

		await page.goto(`${server.url}/admin/questionnaires/${SLUG}/edit`);
		await Promise.all([page.waitForURL(/\/edit\/mail$/), page.click('a[href$="/edit/mail"]')]);
		expect(await violations(page)).toEqual([]);
		const subject = (kind: string, locale: string) => page.textContent(`article[data-kind=${kind}][data-locale=${locale}] .subject`);
		expect(await page.getAttribute('article[data-kind=invitation][data-locale=ar]', 'dir')).toBe('rtl');

		await page.click('#use-editable button[type=submit]');
		await page.waitForSelector('#saved');
		expect(await page.inputValue('#invitation-subject')).toBe(builtinMailText('invitation', 'en').subject);

		await page.fill('#invitation-subject', 'ITU survey 2030: your link ({entity})');
		await page.click('#mail-invitation button[type=submit]');
		await page.waitForSelector('#saved');
		expect(await subject('invitation', 'en')).toBe('ITU survey 2030: your link (Republic of Senegal)');
		expect(await subject('invitation', 'fr')).toBe(builtinMailText('invitation', 'fr').subject.replace('{entity}', 'Republic of Senegal'));

		await page.fill('#reminder-subject', 'Reminder for {organisation}');
		await page.click('#mail-reminder button[type=submit]');
		await page.waitForSelector('#mail-reminder .error-summary');
		expect(await page.textContent('#mail-reminder .error-summary')).toContain('{organisation}');
		expect(await page.inputValue('#reminder-subject')).toBe('Reminder for {organisation}');
		expect(await violations(page)).toEqual([]);

		await page.goto(`${server.url}/admin/questionnaires/${SLUG}/edit/mail`);
		await Promise.all([page.waitForURL(/\?remove/), page.click('a[href="?remove#confirm-remove"]')]);
		await page.click('#confirm-remove button[type=submit]');
		await page.waitForSelector('#saved');
		expect(await page.textContent('#mail-invitation-title')).toContain('Built-in texts');
		expect(await subject('invitation', 'en')).toBe(builtinMailText('invitation', 'en').subject.replace('{entity}', 'Republic of Senegal'));
		await context.close();
	});
});
