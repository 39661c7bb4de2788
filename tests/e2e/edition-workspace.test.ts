import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signInInBrowser } from '../helpers/browser.ts';
import { runCli, startServer, type RunningServer } from '../helpers/server.ts';
import { startSmtp, type TestSmtp } from '../helpers/smtp.ts';
import { seedUsers } from '../helpers/access-http.ts';

/**
 * The edition as a workspace (issue 14 items 3, 4, 8): from the overview a coordinator
 * reaches the respondents list by clicking, searches, filters and sorts it (also without
 * JavaScript: the query string), reissues a link from a row, reads the outbox message by
 * message and retries a failed one against a real SMTP server. A regional office sees its
 * region only; the Arabic pages show labels, not codes. Screenshots go to test-results/.
 */
const PASSWORD = 'workspace password 2026';
const BOUNCE = 'bounce@eur.ws-test.org';
const REGISTRY = [
	'code,kind,name,country,language,contact_name,contact_email,contact_language',
	'MS-SEN,member_state,Republic of Senegal,SEN,fr,Awa Diop,awa@afr.ws-test.org,fr',
	'MS-KEN,member_state,Republic of Kenya,KEN,en,John Mwangi,john@afr.ws-test.org,en',
	'MS-EGY,member_state,Arab Republic of Egypt,EGY,ar,سارة أحمد,sara@arb.ws-test.org,ar',
	`MS-DEU,member_state,Federal Republic of Germany,DEU,en,Hans Weber,${BOUNCE},en`,
	'MS-FRA,member_state,French Republic,FRA,fr,Anne Martin,anne@eur.ws-test.org,fr'
].join('\n');
const OTHER_REGION = [
	'MS-EGY',
	'Arab Republic of Egypt',
	'sara@arb.ws-test.org',
	'MS-DEU',
	'Federal Republic of Germany',
	BOUNCE,
	'MS-FRA',
	'French Republic',
	'anne@eur.ws-test.org'
];
const SHOTS = 'test-results/edition-workspace';

let server: RunningServer;
let browser: Browser;
let smtp: TestSmtp;
/** While true, the SMTP server refuses the German focal point for good (550): a bounce. */
let refusing = true;

async function until<T>(probe: () => T | Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const v = await probe();
		if (ok(v)) return v;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
		await new Promise((r) => setTimeout(r, 150));
	}
}

async function signedIn(email: string, options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
	const page = await context.newPage();
	await signInInBrowser(page, server.url, email, PASSWORD);
	return { context, page };
}

const rowCodes = (page: Page) => page.locator('#respondents tbody tr[data-entity]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-entity')));
const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

beforeAll(async () => {
	mkdirSync(SHOTS, { recursive: true });
	smtp = await startSmtp((to) => (refusing && to === BOUNCE ? 550 : null));
	server = await startServer({
		ADMIN_PASSWORD: PASSWORD,
		SMTP_URL: smtp.url,
		MAIL_POLL_MS: '200',
		MAIL_RETRY_BASE_MS: '300',
		MAIL_RATE_PER_MINUTE: '6000',
		DEMO: '0'
	});
	const file = join(server.dir, 'registry.csv');
	writeFileSync(file, REGISTRY);
	runCli(server, 'registry:import', file);
	await seedUsers(
		server.dbPath,
		[
			{ email: 'coord@ws.example.org', role: 'coordinator', language: 'en' },
			{ email: 'coord-ar@ws.example.org', role: 'coordinator', language: 'ar' },
			{ email: 'afr@ws.example.org', role: 'regional_office', regionCode: 'AFR', language: 'en' }
		],
		PASSWORD
	);
	browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	await smtp?.close();
});

describe('the edition workspace', () => {
	it('a coordinator invites, reaches the respondents by clicking, searches, filters, sorts and reissues a link from a row', async () => {
		const { context, page } = await signedIn('coord@ws.example.org');
		await page.goto(`${server.url}/admin/editions/rp-2026`);
		await Promise.all([page.waitForURL(/\/invitations$/), page.click('nav.ui-tabs a:has-text("Invitations and e-mail")')]);
		await page.click('form[action="?/inviteAll"] button');
		await expect(page.locator('#action-result').innerText()).resolves.toMatch(/invitations created/);
		await page.click('form[action="?/sendInvitations"] button');
		await expect(page.locator('#action-result').innerText()).resolves.toMatch(/e-mail message\(s\) queued/);
		await until(
			() => smtp.received.length,
			(n) => n >= 4,
			'four invitations delivered'
		);

		await Promise.all([page.waitForURL(/\/rp-2026$/), page.click('nav.ui-tabs a:has-text("Overview")')]);
		await shot(page, 'overview-en');
		await Promise.all([page.waitForURL(/\/respondents$/), page.click('#to-respondents')]);
		await expect(page.locator('nav.ui-tabs a[aria-current=page]').innerText()).resolves.toBe('Respondents');
		await expect(page.locator('#respondents-count').innerText()).resolves.toMatch(/^\d+ invited entities match/);
		expect(await rowCodes(page)).toHaveLength(50); // one page of the reference registry and ours

		// Search, then filter by region and sort by name, descending, by clicking.
		// (The reference registry's other entities have no focal point at ws-test.org.)
		await page.fill('#f-q', 'ws-test.org');
		await Promise.all([page.waitForURL(/q=ws-test/), page.click('#apply-filters')]);
		expect((await rowCodes(page)).sort()).toEqual(['MS-DEU', 'MS-EGY', 'MS-FRA', 'MS-KEN', 'MS-SEN']);
		// Labels, never codes: a category and a region by name.
		const kenya = page.locator('#respondents tr[data-entity=MS-KEN]');
		// (The category sits under the name since the list fits at 1280 px: the order of the cells is not the point.)
		for (const label of ['Africa', 'Member State', 'Invited']) await expect(kenya.innerText()).resolves.toContain(label);
		await expect(kenya.innerText()).resolves.not.toMatch(/member_state|\bAFR\b/);
		// The bounce shows on the German row.
		await expect(page.locator('#respondents tr[data-entity=MS-DEU]').innerText()).resolves.toContain('bounced');
		await page.selectOption('#f-region', 'AFR');
		await Promise.all([page.waitForURL(/region=AFR/), page.click('#apply-filters')]);
		await Promise.all([page.waitForURL(/sort=name/), page.click('#respondents th a[data-sort=name]')]);
		expect(await rowCodes(page)).toEqual(['MS-KEN', 'MS-SEN']);
		await Promise.all([page.waitForURL(/dir=desc/), page.click('#respondents th a[data-sort=name]')]);
		expect(await rowCodes(page)).toEqual(['MS-SEN', 'MS-KEN']);
		await shot(page, 'respondents-en');

		// Reissue from the row: the new link is shown once, and the list keeps its view.
		await page.click('[data-actions-for=MS-KEN] summary');
		await shot(page, 'respondents-row-actions-en');
		await Promise.all([page.waitForLoadState('load'), page.click('[data-actions-for=MS-KEN] form[action^="?/reissue"] button')]);
		await expect(page.locator('#new-link').innerText()).resolves.toMatch(/\/r\/[a-z2-7]{32}$/);
		expect(page.url()).toMatch(/region=AFR/);
		expect(await rowCodes(page)).toEqual(['MS-SEN', 'MS-KEN']);
		await context.close();
	});

	it('without JavaScript, searching, filtering and sorting go by the query string', async () => {
		const { context, page } = await signedIn('coord@ws.example.org', { javaScriptEnabled: false });
		await page.goto(`${server.url}/admin/editions/rp-2026/respondents`);
		await page.fill('#f-q', 'ws-test.org');
		await page.selectOption('#f-state', 'invited');
		await Promise.all([page.waitForURL(/state=invited/), page.click('#apply-filters')]);
		expect(new URL(page.url()).searchParams.get('q')).toBe('ws-test.org');
		await Promise.all([page.waitForURL(/sort=name/), page.click('#respondents th a[data-sort=name]')]);
		const codes = await rowCodes(page);
		const names = await page.locator('#respondents tbody tr[data-entity] td:nth-child(2)').allInnerTexts();
		expect([...codes].sort()).toEqual(['MS-DEU', 'MS-EGY', 'MS-FRA', 'MS-KEN', 'MS-SEN']);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		// A typed view answers the same: the query string is the whole state of the list.
		await page.goto(`${server.url}/admin/editions/rp-2026/respondents?region=EUR&q=ws-test&sort=code&dir=desc`);
		expect(await rowCodes(page)).toEqual(['MS-FRA', 'MS-DEU']);
		await context.close();
	});

	it('shows the outbox message by message, and retries a failed one', async () => {
		const { context, page } = await signedIn('coord@ws.example.org');
		await page.goto(`${server.url}/admin/editions/rp-2026`);
		await Promise.all([page.waitForURL(/\/invitations$/), page.click('nav.ui-tabs a:has-text("Invitations and e-mail")')]);
		const failed = page.locator('#outbox-messages tr', { hasText: BOUNCE });
		await until(
			async () => {
				await page.reload();
				return failed.getAttribute('data-state');
			},
			(s) => s === 'failed',
			'the bounce to fail'
		);
		const cells = await failed.locator('td').allInnerTexts();
		expect(cells[0]).toContain(BOUNCE);
		expect(cells[1]).toBe('Invitation');
		expect(cells[2]).toBe('English');
		expect(cells[3]).toContain('Failed');
		expect(cells[4]).toBe('1');
		expect(cells[5]).toMatch(/^550 /);
		const sent = page.locator('#outbox-messages tr', { hasText: 'awa@afr.ws-test.org' });
		await expect(sent.locator('td').nth(2).innerText()).resolves.toBe('French');
		await expect(sent.getAttribute('data-state')).resolves.toBe('sent');
		await shot(page, 'invitations-en');

		refusing = false;
		await Promise.all([page.waitForLoadState('load'), failed.locator('form[action="?/retry"] button').click()]);
		await expect(page.locator('#action-result').innerText()).resolves.toContain('queued again');
		await until(
			() => smtp.received.filter((m) => m.to === BOUNCE).length,
			(n) => n === 1,
			'the retried message delivered'
		);
		await until(
			async () => {
				await page.reload();
				return page.locator('#outbox-messages tr', { hasText: BOUNCE }).getAttribute('data-state');
			},
			(s) => s === 'sent',
			'the retried message shown as sent'
		);
		await expect(page.locator('#outbox-messages tr', { hasText: BOUNCE }).locator('form[action="?/retry"]').count()).resolves.toBe(0);

		for (const tab of ['reminders', 'settings']) {
			await page.goto(`${server.url}/admin/editions/rp-2026/${tab}`);
			await shot(page, `${tab}-en`);
		}
		await context.close();
	});

	it("a regional office sees its own region's respondents only, and no coordinator tab", async () => {
		const { context, page } = await signedIn('afr@ws.example.org');
		await page.goto(`${server.url}/admin/editions/rp-2026`);
		await expect(page.locator('nav.ui-tabs a').allInnerTexts()).resolves.toEqual(['Overview', 'Respondents']);
		await Promise.all([page.waitForURL(/\/respondents$/), page.click('nav.ui-tabs a:has-text("Respondents")')]);
		const regions = await page
			.locator('#respondents tbody tr[data-entity]')
			.evaluateAll((rows) => [...new Set(rows.map((r) => r.getAttribute('data-region')))]);
		expect(regions).toEqual(['AFR']);
		await page.fill('#f-q', 'ws-test.org');
		await Promise.all([page.waitForURL(/q=ws-test/), page.click('#apply-filters')]);
		expect((await rowCodes(page)).sort()).toEqual(['MS-KEN', 'MS-SEN']);
		for (const url of [
			'/admin/editions/rp-2026/respondents',
			'/admin/editions/rp-2026/respondents?q=ws-test',
			'/admin/editions/rp-2026/respondents?region=EUR',
			'/admin/editions/rp-2026/respondents?page=2',
			'/admin/editions/rp-2026'
		]) {
			await page.goto(server.url + url);
			const html = await page.content();
			for (const other of OTHER_REGION) expect(html, `${other} on ${url}`).not.toContain(other);
		}
		await context.close();
	});

	it('in Arabic, every sub-page shows labels, not codes, and no English region name', async () => {
		const { context, page } = await signedIn('coord-ar@ws.example.org');
		for (const tab of ['', '/invitations', '/reminders', '/respondents', '/settings']) {
			await page.goto(`${server.url}/admin/editions/rp-2026${tab}`);
			expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
			// Entity names are data (an RTO's registry name may say "African"): cut out before looking.
			const names = await page.locator('#respondents tbody td:nth-child(2)').allInnerTexts();
			const shown = names.reduce((text, name) => text.split(name).join(' '), await page.locator('.workspace').innerText());
			for (const code of ['member_state', 'itu_d', 'RO-AFR', 'none', 'in_progress', 'not_opened'])
				expect(shown, `${code} on ${tab || 'overview'}`).not.toContain(code);
			for (const english of ['Africa', 'Europe', 'Arab States', 'Americas', 'Asia and the Pacific', 'Member State', 'Invited', 'Failed'])
				expect(shown, `${english} on ${tab || 'overview'}`).not.toContain(english);
			await shot(page, `${tab.slice(1) || 'overview'}-ar`);
		}
		await context.close();
	});
});
