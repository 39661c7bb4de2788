import { afterAll, beforeAll, describe, expect, it, type ExpectStatic } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signInInBrowser } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { demoResponses, inviteAll, releaseEdition } from '../helpers/seed.ts';
import { seedUsers } from '../helpers/access-http.ts';
import { axeViolations } from '../helpers/axe.ts';

/**
 * Every Secretariat page each role can reach (issue 14, Tests): starting at its home and
 * following links only, each role visits every /admin page it meets (one per address
 * shape); each answers below 400, has 0 axe-core violations in English and Arabic, and
 * shows labels rather than codes in Arabic. Inside an edition and a questionnaire the
 * breadcrumbs say where the reader is and the sidebar marks the area. Screenshots of
 * each page in both languages go to test-results/pages/.
 */
const PASSWORD = 'pages password 2026';
const ROLES = ['admin', 'author', 'coordinator', 'analyst', 'regional_office', 'council'] as const;
type Who = (typeof ROLES)[number];
const SHOTS = 'test-results/pages';
const email = (role: Who, lang: string) => `${role.replace('_', '-')}.${lang}@pages.example.org`;
/** Codes that must never reach a reader as such. */
const RAW_CODES = /\b(member_state|sector_member|itu_[rtd]|RO-[A-Z]{3}|AO-[A-Z]{3}|in_progress|regional_office|not_started)\b/;
/** Pages a crawl must not open: downloads, and actions with an effect. */
const SKIP = /\.(csv|png|json|xlsx|pdf|docx|zip)$|\/export|\/frame|\/reports\/\d|\/logout/;
const MAX_PAGES = 40;
/** Server start, invitations, demo answers and a release, on a machine others share. */
const SETUP_TIMEOUT_MS = 300_000;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	mkdirSync(SHOTS, { recursive: true });
	server = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: email('admin', 'en'), DEMO: '1' });
	const users = ROLES.flatMap((role) =>
		['en', 'ar']
			.filter((lang) => role !== 'admin' || lang !== 'en')
			.map((language) => ({ email: email(role, language), role, language, regionCode: role === 'regional_office' ? 'AFR' : undefined }))
	);
	await seedUsers(server.dbPath, users, PASSWORD);
	// What `cli invite --all`, `cli demo:responses --count 20` and `cli results:release` do, in this process.
	await inviteAll(server);
	await demoResponses(server, 'rp-2026', 20);
	await releaseEdition(server);
	browser = await launchBrowser();
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

async function signedIn(role: Who, lang: string): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	await signInInBrowser(page, server.url, email(role, lang), PASSWORD);
	return { context, page };
}

/** One address per shape: ids and query strings vary, the page does not. */
const shape = (path: string) => path.replace(/\?.*$/, '').replace(/\/\d+(?=\/|$)/g, '/:n');
const fileName = (path: string) => path.replace(/^\/admin\/?/, '').replace(/[^a-z0-9-]+/gi, '_') || 'home';

/**
 * The /admin pages reachable from the home by links only (breadth first), one per shape,
 * each checked where it stands as the crawl meets it (one load a page): below 400,
 * screenshot, axe, and in Arabic no code in its text. Returns the pages and the problems.
 */
async function crawl(page: Page, role: Who, lang: string, expect: ExpectStatic): Promise<{ visited: string[]; problems: string[] }> {
	const problems: string[] = [];
	const visited: string[] = [];
	const first = await page.goto(`${server.url}/admin`);
	const queue: { path: string; loaded: boolean }[] = [{ path: new URL(page.url()).pathname, loaded: true }];
	expect(first?.status(), '/admin').toBeLessThan(400);
	const seen = new Set(queue.map((q) => shape(q.path)));
	while (queue.length > 0 && visited.length < MAX_PAGES) {
		const { path, loaded } = queue.shift()!;
		if (!loaded) {
			const res = await page.goto(`${server.url}${path}`);
			expect(res?.status(), path).toBeLessThan(400);
		}
		visited.push(path);
		const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => a.getAttribute('href')!));
		for (const href of hrefs) {
			const url = new URL(href, page.url());
			if (url.origin !== new URL(server.url).origin || !url.pathname.startsWith('/admin') || SKIP.test(url.pathname)) continue;
			if (url.searchParams.size > 0 && url.pathname === new URL(page.url()).pathname) continue; // a sort or filter of this page
			const key = shape(url.pathname);
			if (seen.has(key)) continue;
			seen.add(key);
			queue.push({ path: url.pathname, loaded: false });
		}
		await page.screenshot({ path: `${SHOTS}/${role}-${lang}-${fileName(path)}.png`, fullPage: true });
		for (const v of await axeViolations(page)) problems.push(`${path}: ${v}`);
		if (lang === 'ar') {
			const codes = RAW_CODES.exec(await page.innerText('main'));
			if (codes) problems.push(`${path}: shows the code ${codes[0]}`);
		}
	}
	return { visited, problems };
}

/** Each role in English and Arabic (the administrator signed in as the Arabic user; its English pages are the other roles' pages). */
const CASES = ROLES.flatMap((role) => (role === 'admin' ? ['ar'] : ['en', 'ar']).map((lang) => [role, lang] as const));
/** A crawl with axe on every page takes minutes on a shared machine. */
const CRAWL_TIMEOUT_MS = 600_000;

// The crawls share nothing but the server (each its own context, read-only pages): they run side by side.
describe.concurrent('every Secretariat page, for every role, in English and Arabic', () => {
	it.for(CASES)(
		'%s in %s: every page it reaches by links answers, passes axe, and shows labels, not codes',
		{ timeout: CRAWL_TIMEOUT_MS },
		async ([role, lang], { expect }) => {
			const { context, page } = await signedIn(role, lang);
			const { visited, problems } = await crawl(page, role, lang, expect);
			await context.close();
			expect(visited.length, `${role} ${lang}`).toBeGreaterThan(role === 'council' ? 1 : 2);
			expect(problems).toEqual([]);
		}
	);
});

describe('where am I: breadcrumbs and the marked area', () => {
	it('an edition page names the edition and the page in breadcrumbs, with Editions marked in the sidebar', async () => {
		const { context, page } = await signedIn('coordinator', 'en');
		await page.goto(`${server.url}/admin`);
		await page.click('a[href="/admin/editions/rp-2026"]');
		await page.click('.ui-tabs a:has-text("Respondents")');
		const crumbs = await page.$$eval('nav.ui-breadcrumbs li', (items) =>
			items.map((li) => [li.querySelector('a')?.getAttribute('href') ?? null, li.textContent!.trim()])
		);
		expect(crumbs[0]).toEqual(['/admin', 'Home']);
		expect(crumbs[1]![0]).toBe('/admin/editions');
		expect(crumbs[2]![0]).toBe('/admin/editions/rp-2026');
		expect(crumbs[3]).toEqual([null, 'Respondents']);
		expect(await page.getAttribute('nav.ui-breadcrumbs li:last-child [aria-current]', 'aria-current')).toBe('page');
		expect(await page.getAttribute('nav.sec-nav a[data-area="editions"]', 'aria-current')).toBe('true');
		await context.close();
	});

	it('a questionnaire page names the questionnaire in breadcrumbs, with Questionnaires marked in the sidebar', async () => {
		const { context, page } = await signedIn('author', 'en');
		await page.click('nav.sec-nav a[data-area="questionnaires"]');
		await page.click('main a[href^="/admin/questionnaires/"]');
		const slug = new URL(page.url()).pathname.split('/')[3]!;
		const crumbs = await page.$$eval('nav.ui-breadcrumbs li', (items) => items.map((li) => li.textContent!.trim()));
		// The questionnaire by its title (the page's heading), not by its address.
		expect(crumbs).toEqual(['Home', 'Questionnaires', (await page.textContent('main h1'))!.trim()]);
		expect(crumbs[2]).not.toBe(slug);
		expect(await page.getAttribute('nav.sec-nav a[data-area="questionnaires"]', 'aria-current')).toBe('true');
		// The questionnaire crumb leads back to the list, the trail's first link home.
		expect(await page.getAttribute('nav.ui-breadcrumbs li:nth-child(2) a', 'href')).toBe('/admin/questionnaires');
		expect(await page.getAttribute('nav.ui-breadcrumbs li:last-child [aria-current]', 'aria-current')).toBe('page');
		await context.close();
	});
});
