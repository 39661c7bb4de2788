import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { startSmtp, type TestSmtp } from '../helpers/smtp.ts';
import { completeQuestionnaire } from '../helpers/answer.ts';

let server: RunningServer;
let browser: Browser;
let smtp: TestSmtp;
let admin: Page;

const REGISTRY = [
	'code,kind,name,country,language,contact_name,contact_email,contact_language',
	'MS-EGY,member_state,Egypt,EGY,ar,سارة أحمد,sara@example.org,ar',
	'MS-ARE,member_state,United Arab Emirates,ARE,ar,Omar,omar@example.org,en',
	'MS-FRA,member_state,France,FRA,fr,Anne Martin,anne@example.org,fr'
].join('\n');

async function until<T>(probe: () => T | Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const v = await probe();
		if (ok(v)) return v;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
		await new Promise((r) => setTimeout(r, 100));
	}
}

beforeAll(async () => {
	smtp = await startSmtp();
	server = await startServer({
		ADMIN_PASSWORD: 'correct horse battery staple',
		SMTP_URL: smtp.url,
		MAIL_POLL_MS: '200',
		MAIL_RETRY_BASE_MS: '300',
		MAIL_RATE_PER_MINUTE: '6000',
		DEMO: '0'
	});
	browser = await launchBrowser();
	admin = await browser.newPage();
	await admin.goto(`${server.url}/login`);
	await admin.locator('#email').fill('admin@example.org');
	await admin.locator('#password').fill('correct horse battery staple');
	await admin.locator('button[type=submit]').click();
	await admin.waitForURL(/\/admin$/);
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	await smtp?.close();
});

describe('distribution, from the interface', () => {
	it('refuses a Windows-1252 registry with a report, then imports a good one', async () => {
		await admin.goto(`${server.url}/admin/registry`);
		await admin.locator('#registry-file').setInputFiles('tests/fixtures/registry/windows-1252.csv');
		await admin.locator('form[action="?/import"] button').click();
		await expect(admin.locator('#import-problems').innerText()).resolves.toMatch(/not valid UTF-8[\s\S]*line 2/);

		const file = join(server.dir, 'registry.csv');
		writeFileSync(file, REGISTRY);
		await admin.locator('#registry-file').setInputFiles(file);
		await admin.locator('form[action="?/import"] button').click();
		await expect(admin.locator('#import-result').innerText()).resolves.toContain('0 inserted, 3 updated, 3 contacts');

		// Manual editing: find France, a wrong country is refused, a right one saved.
		await admin.locator('input[name=q]').fill('france');
		await admin.locator('form[method=GET] button').click();
		await admin.locator('#search-results a', { hasText: 'MS-FRA' }).click();
		await admin.locator('form[action="?/update"] input[name=country]').fill('FRX');
		await admin.locator('form[action="?/update"] button').click();
		await expect(admin.locator('#edit-problems').innerText()).resolves.toContain('unknown country "FRX"');
		await admin.locator('form[action="?/update"] input[name=country]').fill('FRA');
		await admin.locator('form[action="?/update"] input[name=name]').fill('République française');
		await admin.locator('form[action="?/update"] button').click();
		await expect(admin.locator('#edit-saved').count()).resolves.toBe(1);
		await expect(admin.locator('h1').innerText()).resolves.toContain('République française');
	});

	it('invites the edition by e-mail: the Arabic invitation is right-to-left and its link opens the questionnaire in Arabic', async () => {
		await admin.goto(`${server.url}/admin/editions/rp-2026/invitations`);
		await admin.locator('form[action="?/inviteAll"] button').click();
		await expect(admin.locator('#action-result').innerText()).resolves.toMatch(/invitations created/);
		await admin.locator('form[action="?/sendInvitations"] button').click();
		await expect(admin.locator('#action-result').innerText()).resolves.toContain('3 e-mail message(s) queued');
		await until(
			() => smtp.received.length,
			(n) => n >= 3,
			'three invitations'
		);

		const arabic = smtp.received.find((m) => m.to === 'sara@example.org')!;
		expect(arabic.html).toContain('dir="rtl"');
		const link = /href="([^"]+\/r\/[a-z2-7]{32})"/.exec(arabic.html)![1]!;
		expect(link.startsWith(server.url)).toBe(true);
		const respondent = await browser.newPage();
		await respondent.goto(link);
		expect(await respondent.locator('html').getAttribute('dir')).toBe('rtl');
		expect(await respondent.locator('html').getAttribute('lang')).toBe('ar');
		await completeQuestionnaire(respondent);
		await respondent.close();

		await admin.goto(`${server.url}/admin/editions/rp-2026`);
		await expect(admin.locator('[data-count=submitted]').innerText()).resolves.toBe('1');
		await expect(admin.locator('#by-region tr[data-key=ARB] td').last().innerText()).resolves.toMatch(/%/);
		await admin.goto(`${server.url}/admin/editions/rp-2026/invitations`);
		await expect(admin.locator('[data-outbox=sent]').innerText()).resolves.toBe('3');
	});

	it('reminds only the non-responders of one region; with SMTP down the page says so and the reminder is sent once it is back', async () => {
		const port = smtp.port;
		await smtp.close();
		const before = smtp.received.length;
		await admin.goto(`${server.url}/admin/editions/rp-2026/reminders`);
		await admin.locator('form[action="?/remind"] select[name=region]').selectOption('ARB');
		await admin.locator('form[action="?/remind"] button').click();
		await expect(admin.locator('#action-result').innerText()).resolves.toContain('1 e-mail message(s) queued');
		await until(
			async () => {
				await admin.goto(`${server.url}/admin/editions/rp-2026/invitations`);
				return admin.locator('#smtp-problem').count();
			},
			(n) => n === 1,
			'the SMTP problem notice'
		);
		await expect(admin.locator('#smtp-problem').innerText()).resolves.toMatch(/ECONNREFUSED/);

		smtp = await startSmtp(() => null, port);
		await until(
			() => smtp.received.length,
			(n) => n >= 1,
			'the reminder after SMTP is back'
		);
		expect(smtp.received.map((m) => m.to)).toEqual(['omar@example.org']);
		expect(before).toBe(3);

		const csv = await admin.request.get(`${server.url}/admin/editions/rp-2026/non-responders.csv`);
		expect(csv.headers()['content-type']).toContain('text/csv');
		const body = await csv.text();
		expect(body).toContain('MS-ARE');
		expect(body).not.toContain('MS-EGY');
	});

	it('lets a coordinator enter a paper answer on behalf of an entity, counted and marked as such', async () => {
		// On-behalf entry is a row action of the respondents list (issue 14 item 3).
		await admin.goto(`${server.url}/admin/editions/rp-2026/respondents?q=ms-fra`);
		await admin.locator('[data-actions-for=MS-FRA] summary').click();
		await admin.locator('[data-actions-for=MS-FRA] form[action^="?/onBehalf"] button').click();
		await admin.waitForURL(/\/r\/[a-z2-7]{32}/);
		expect(await admin.locator('html').getAttribute('lang')).toBe('fr');
		await completeQuestionnaire(admin);
		await admin.goto(`${server.url}/admin/editions/rp-2026`);
		await expect(admin.locator('[data-count=submitted]').innerText()).resolves.toBe('2');
		await expect(admin.locator('#on-behalf-count').innerText()).resolves.toMatch(/: 1$/);
	});
});
