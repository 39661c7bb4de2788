import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signInInBrowser } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { demoResponses, inviteAll, releaseEdition } from '../helpers/seed.ts';
import { seedUsers } from '../helpers/access-http.ts';
import { sqlAll, sqlRun } from '../helpers/sql.ts';
import { axeViolations } from '../helpers/axe.ts';

/**
 * The Secretariat workspace (issue 14 items 1, 2, 4, 7) in Chromium without JavaScript:
 * each role starts at /admin and follows links only; the sidebar shows exactly its areas
 * and none of them refuses it; every link of its home answers below 400; a regional
 * office's home shows its region's figures only; French and Arabic homes show labels,
 * never codes; refusals and unknown addresses are drawn in the Secretariat layout with
 * the way back. Screenshots of each role's home in English and Arabic go to test-results/.
 */
const PASSWORD = 'shell password 2026';
const ROLES = ['admin', 'author', 'coordinator', 'analyst', 'regional_office', 'council'] as const;
type Who = (typeof ROLES)[number];
const AREAS: Record<Who, string[]> = {
	admin: ['home', 'editions', 'questionnaires', 'translations', 'registry', 'results', 'reports', 'users', 'api-tokens', 'audit', 'webhooks'],
	author: ['home', 'questionnaires', 'translations'],
	coordinator: ['home', 'editions', 'registry', 'reports'],
	analyst: ['home', 'editions', 'results', 'reports'],
	regional_office: ['home', 'editions', 'results'],
	council: ['results', 'reports']
};
const email = (role: Who, lang: string) => `${role.replace('_', '-')}.${lang}@shell.example.org`;
/** Codes that must never reach a reader as such. */
const RAW_CODES = /\b(member_state|sector_member|itu_[rtd]|RO-[A-Z]{3}|AO-[A-Z]{3}|draft|open|closed|in_progress|regional_office)\b/;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	server = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: email('admin', 'en'), DEMO: '1' });
	const users = ROLES.flatMap((role) =>
		['en', 'fr', 'ar']
			.filter((lang) => role !== 'admin' || lang !== 'en')
			.map((language) => ({ email: email(role, language), role, language, regionCode: role === 'regional_office' ? 'AFR' : undefined }))
	);
	await seedUsers(server.dbPath, users, PASSWORD);
	// What `cli invite --all`, `cli demo:responses --count 40` and `cli results:release` do, in this process.
	await inviteAll(server);
	await demoResponses(server, 'rp-2026', 40);
	await releaseEdition(server);
	// One bounced focal point, for the coordinator's "e-mail failures and bounces".
	await sqlRun(server.dbPath, `update contact set bounced_at = '2026-11-30T10:00:00.000Z' where id = (select min(id) from contact)`);
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

/** JavaScript off, as the pages work without it; on only to run axe-core (the pages ship no script either way). */
async function signedIn(role: Who, lang: string, javaScriptEnabled = false): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ javaScriptEnabled, bypassCSP: true, viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	await signInInBrowser(page, server.url, email(role, lang), PASSWORD);
	return { context, page };
}

/** Clicks a link and returns the status of the page it leads to (a same-page anchor: 200). */
async function follow(page: Page, selector: string): Promise<number> {
	const href = (await page.getAttribute(selector, 'href'))!;
	if (href.startsWith('#') || href.includes('#')) {
		await page.click(selector);
		return 200;
	}
	const [response] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
	return response?.status() ?? 0;
}

// The tests share the server and nothing else (each its own browser context; the pages they
// read are not changed by another test): they run side by side, each with its own expect.
describe.concurrent('navigation by role, from /admin, following links only', () => {
	// The administrator's home has the most links (every area), fetched one by one beside four other roles: room for a loaded machine (90.6 s in a CI run).
	it.for(ROLES)('%s sees exactly its areas, none refuses it, and every link of its home answers', { timeout: 240_000 }, async (role, { expect }) => {
		const { context, page } = await signedIn(role, 'en');
		await page.goto(`${server.url}/admin`);
		const areas = await page.$$eval('nav.sec-nav a', (links) => links.map((a) => a.getAttribute('data-area')));
		expect(areas).toEqual(AREAS[role]);
		await page.screenshot({ path: `test-results/shell-home-${role}-en.png`, fullPage: true });

		// Every link the home shows (sidebar and content) answers below 400.
		const links = await page.$$eval('a[href^="/"]', (list) => [...new Set(list.map((a) => a.getAttribute('href')!.split('#')[0]!))]);
		for (const href of links) {
			const res = await context.request.get(`${server.url}${href}`, { maxRedirects: 0 });
			expect(res.status(), `${role}: ${href}`).toBeLessThan(400);
		}
		// Each area, clicked from the sidebar, opens in the workspace with that area marked.
		for (const area of AREAS[role]) {
			const status = await follow(page, `nav.sec-nav a[data-area="${area}"]`);
			expect(status, `${role} → ${area}`).toBeLessThan(400);
			expect(await page.textContent('h1')).not.toMatch(/Access refused|not found/i);
			if (area !== 'editions') expect(await page.getAttribute(`nav.sec-nav a[data-area="${area}"]`, 'aria-current')).toBe('page');
		}
		await context.close();
	});
});

describe.concurrent('the home says what needs attention', () => {
	it('shows the coordinator the open edition with rate, days left and trend, and the bounced focal point', async ({ expect }) => {
		const { context, page } = await signedIn('coordinator', 'en');
		const row = await page.textContent('#editions ~ * tbody tr');
		expect(row).toContain('Open');
		expect(row).toMatch(/\d+%/);
		expect(await page.$('#editions ~ * tbody svg.ui-sparkline')).not.toBeNull();
		expect(await page.textContent('section[aria-labelledby="mail"]')).toMatch(/Bounced focal points[\s\S]*1/);
		await context.close();
	});

	it("shows a regional office its region's figures only", async ({ expect }) => {
		const counts = await sqlAll<{ region: string; invited: number; submitted: number }>(
			server.dbPath,
			`select n.region_code as region, count(*) as invited, sum(case when r.state = 'submitted' then 1 else 0 end) as submitted
			 from invitation i join entity n on n.id = i.entity_id left join response r on r.edition_id = i.edition_id and r.entity_id = i.entity_id
			 where i.state = 'active' group by n.region_code`
		);
		const afr = counts.find((c) => c.region === 'AFR')!;
		const all = counts.reduce((t, c) => ({ invited: t.invited + Number(c.invited), submitted: t.submitted + Number(c.submitted) }), {
			invited: 0,
			submitted: 0
		});
		expect(Number(afr.invited)).not.toBe(all.invited);
		const { context, page } = await signedIn('regional_office', 'en');
		const main = (await page.textContent('main'))!;
		expect(main).toContain('Figures of your region only: Africa.');
		expect(main).toContain(`${afr.submitted} / ${afr.invited}`);
		expect(main).not.toContain(`/ ${all.invited}`);
		for (const other of ['Americas', 'Arab States', 'Asia and the Pacific', 'Europe', 'CIS']) expect(main).not.toContain(other);
		await context.close();
	});
});

describe.concurrent('labels, never codes, in French and Arabic', () => {
	const CASES = (['fr', 'ar'] as const).flatMap((lang) => ROLES.map((role) => [role, lang] as const));
	it.for(CASES)('home and sidebar of %s in %s', async ([role, lang], { expect }) => {
		const { context, page } = await signedIn(role, lang, true);
		await page.goto(`${server.url}/admin`);
		expect(await page.getAttribute('html', 'lang')).toBe(lang);
		const text = (await page.innerText('body'))!;
		// The Council reader's home is the results page (another area's): its codes are that page's to fix.
		if (role !== 'council') expect(text, `${role} ${lang}`).not.toMatch(RAW_CODES);
		expect(text).not.toMatch(/\b(Edition|Home|Results|Registry|Audit log)\b/);
		if (lang === 'fr' && AREAS[role].includes('editions')) expect(text).toContain('Ouverte');
		if (lang === 'ar') await page.screenshot({ path: `test-results/shell-home-${role}-ar.png`, fullPage: true });
		expect(await axeViolations(page), `${role} ${lang}`).toEqual([]);
		await context.close();
	});
});

describe.concurrent('errors in the Secretariat layout, with the way back', () => {
	it('draws a refusal in the workspace, in the reader language, with its home and the area it came from', async ({ expect }) => {
		const { context, page } = await signedIn('author', 'fr', true);
		await page.click('nav.sec-nav a[data-area="questionnaires"]');
		const refused = await page.goto(`${server.url}/admin/users`, { referer: `${server.url}/admin/questionnaires` });
		expect(refused?.status()).toBe(403);
		expect(await page.textContent('h1')).toBe('Accès refusé');
		expect(await page.$$eval('nav.sec-nav a', (links) => links.map((a) => a.getAttribute('data-area')))).toEqual(AREAS.author);
		const wayBack = await page.$$eval('main.error-page a', (links) => links.map((a) => [a.getAttribute('href'), a.textContent]));
		expect(wayBack).toEqual([
			['/admin', 'Votre page d’accueil'],
			['/admin/questionnaires', 'Retour à : Questionnaires d’enquête']
		]);
		expect(await axeViolations(page)).toEqual([]);
		await page.screenshot({ path: 'test-results/shell-403-author-fr.png', fullPage: true });
		await context.close();
	});

	it('draws a Council reader its refusal in the workspace too, and sends its /admin to its results', async ({ expect }) => {
		const { context, page } = await signedIn('council', 'ar');
		const home = await page.goto(`${server.url}/admin`);
		expect(new URL(page.url()).pathname).toBe('/admin/results');
		expect(home?.status()).toBe(200);
		const refused = await page.goto(`${server.url}/admin/editions/rp-2026`);
		expect(refused?.status()).toBe(403);
		expect(await page.getAttribute('html', 'dir')).toBe('rtl');
		expect(await page.$$eval('nav.sec-nav a', (links) => links.map((a) => a.getAttribute('data-area')))).toEqual(AREAS.council);
		expect(await page.getAttribute('main.error-page a', 'href')).toBe('/admin/results');
		await page.screenshot({ path: 'test-results/shell-403-council-ar.png', fullPage: true });
		await context.close();
	});

	it('draws 404s (an unknown address, an unknown edition) in the workspace with the way back', async ({ expect }) => {
		const { context, page } = await signedIn('coordinator', 'en');
		for (const path of ['/admin/no-such-area', '/admin/editions/no-such-edition']) {
			const res = await page.goto(`${server.url}${path}`);
			expect(res?.status(), path).toBe(404);
			expect(await page.textContent('h1')).toBe('Page not found');
			expect(await page.$('nav.sec-nav')).not.toBeNull();
			expect(await page.getAttribute('main.error-page a', 'href')).toBe('/admin');
		}
		expect(await page.textContent('main.error-page')).toContain('Back to Editions');
		await page.screenshot({ path: 'test-results/shell-404-coordinator-en.png', fullPage: true });
		await context.close();
	});

	it('still refuses a crafted post with a bare 403 (form actions run without the layout)', async ({ expect }) => {
		const { context, page } = await signedIn('author', 'en');
		const res = await context.request.post(`${server.url}/admin/users?/create`, {
			form: { email: 'x@y.org' },
			headers: { origin: server.url },
			maxRedirects: 0
		});
		expect(res.status()).toBe(403);
		await page.close();
		await context.close();
	});
});
