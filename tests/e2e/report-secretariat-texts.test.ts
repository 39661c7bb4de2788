import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, signInInBrowser } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { seedUsers } from '../helpers/access-http.ts';

/** An analyst writes the Secretariat's texts of the Council report in Chromium, then reads them in Arabic (issue 15 item 3). */
const PASSWORD = 'secretariat texts e2e 2026';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	server = await startServer();
	await seedUsers(
		server.dbPath,
		[
			{ email: 'analyst@st.example.org', role: 'analyst', language: 'en' },
			{ email: 'analyst-ar@st.example.org', role: 'analyst', language: 'ar' }
		],
		PASSWORD
	);
	browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

describe('Secretariat texts page', () => {
	it('is reached from the results page, saves a version, and shows each language with its completeness', async () => {
		const en = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await en.newPage();
		await signInInBrowser(page, server.url, 'analyst@st.example.org', PASSWORD);
		await page.goto(`${server.url}/admin/results/rp-2026`);
		await Promise.all([page.waitForURL(/report-texts/), page.click('#report-texts-link')]);
		await page.fill('#documentDate', '2026-06-15');
		await page.selectOption('#originalLanguage', 'en');
		await page.fill('#text-councilSession', 'Council 2026, Geneva');
		await page.fill('#text-purpose', 'This report presents the results of the survey on ITU’s regional presence.');
		await Promise.all([page.waitForLoadState('load'), page.click('#save')]);
		expect(await page.textContent('#action-result')).toContain('Saved: version 1.');
		expect(await page.textContent('#languages li[data-locale="en"] [data-count="complete"]')).toBe('2/8');
		await page.screenshot({ path: 'test-results/secretariat-texts-en.png', fullPage: true });
		await en.close();

		const ar = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const arPage = await ar.newPage();
		await signInInBrowser(arPage, server.url, 'analyst-ar@st.example.org', PASSWORD);
		await arPage.goto(`${server.url}/admin/results/rp-2026/report-texts?lang=ar`);
		expect(await arPage.getAttribute('html', 'dir')).toBe('rtl');
		expect(await arPage.textContent('#fields tr[data-field="purpose"] .source')).toContain('regional presence');
		expect(await arPage.getAttribute('#fields tr[data-field="purpose"] textarea', 'dir')).toBe('rtl');
		await arPage.screenshot({ path: 'test-results/secretariat-texts-ar.png', fullPage: true });
		await ar.close();
	});
});
