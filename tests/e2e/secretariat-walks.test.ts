import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, signInInBrowser } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { demoResponses } from '../helpers/seed.ts';
import { seedUsers } from '../helpers/access-http.ts';
import { sqlAll } from '../helpers/sql.ts';

/**
 * Issue 14, "Done when": each role does its work from its home page by clicking alone
 * (no typed address after signing in), in English and Arabic, JavaScript off (item 8).
 * Coordinator: an edition, sending invitations, the outbox, a reissued link, an extension.
 * Author: a draft, a question edited, the draft published. Analyst: results, a breakdown,
 * a release, an export, a report. Regional office: its region's respondents, and no other
 * region's entity or focal point on any page it reaches. Council reader: the released
 * results and the report. In French, Chinese, Russian and Spanish each role's home and one
 * page show no English message. Screenshots in test-results/walks/.
 */
const PASSWORD = 'walks password 2026';
const SHOTS = 'test-results/walks';
const ROLES = ['coordinator', 'author', 'analyst', 'regional_office', 'council'] as const;
type Who = (typeof ROLES)[number];
const LANGS = ['en', 'ar', 'fr', 'zh', 'ru', 'es'] as const;
const email = (role: Who, lang: string) => `${role.replace('_', '-')}.${lang}@walks.example.org`;
const EDITION = 'rp-2026';
/** A walk is a dozen page loads; the machine running the suite is shared. */
const WALK_TIMEOUT_MS = 300_000;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	mkdirSync(SHOTS, { recursive: true });
	server = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: 'admin@walks.example.org', DEMO: '1' });
	const users = ROLES.flatMap((role) =>
		LANGS.map((language) => ({ email: email(role, language), role, language, regionCode: role === 'regional_office' ? 'AFR' : undefined }))
	);
	await seedUsers(server.dbPath, users, PASSWORD);
	// Answers to analyse; the analyst releases them, the Council reads the release.
	await demoResponses(server, EDITION, 20);
	browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
	await browser?.close();
	await server?.stop();
});

/** Signed in through the login form, JavaScript off: every page must work without it. */
async function signedIn(role: Who, lang: string): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	// The editor is a heavy page and the machine is shared: a slow answer is not a dead end.
	page.setDefaultNavigationTimeout(90_000);
	await signInInBrowser(page, server.url, email(role, lang), PASSWORD);
	return { context, page };
}

/** Clicks a link or a submit button and waits for the page it leads to, which must answer below 400. */
async function click(page: Page, selector: string): Promise<void> {
	const target = page.locator(selector).first();
	const [response] = await Promise.all([page.waitForNavigation(), target.click()]);
	expect(response?.status(), `${selector} from ${page.url()}`).toBeLessThan(400);
}

/** Clicks a download link; returns the file's name and size. */
async function download(page: Page, selector: string): Promise<{ name: string; size: number }> {
	const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).first().click()]);
	const path = await file.path();
	return { name: file.suggestedFilename(), size: readFileSync(path).length };
}

const shot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

/** A status or error notice the page shows after a form (feedback, never a silent reload). */
const feedback = async (page: Page) => (await page.locator('[role=status], [role=alert]').allInnerTexts()).join(' ').trim();

// One after another: the walks change the same edition and questionnaire.
describe('each role does its work from its home by clicking alone', () => {
	it.for(['en', 'ar'] as const)('coordinator (%s): edition, invitations, outbox, reissue, extension', { timeout: WALK_TIMEOUT_MS }, async (lang) => {
		const { context, page } = await signedIn('coordinator', lang);
		await click(page, `main a[href="/admin/editions/${EDITION}"]`);
		await click(page, `.ui-tabs a[href$="/invitations"]`);
		await click(page, 'form[action="?/inviteAll"] button');
		expect(await feedback(page)).not.toBe('');
		await click(page, 'form[action="?/sendInvitations"] button');
		expect(await feedback(page)).not.toBe('');
		// The outbox, message by message.
		expect(await page.locator('#outbox-messages tbody tr').count()).toBeGreaterThan(0);
		await shot(page, `coordinator-${lang}-outbox`);
		await click(page, `.ui-tabs a[href$="/respondents"]`);
		// An entity that has not answered yet (a submitted one's link is not reissued), by the list's filter.
		await page.selectOption('#f-state', 'invited');
		await click(page, '#apply-filters');
		const first = page.locator('#respondents details.row-actions').first();
		const entity = (await first.getAttribute('data-actions-for'))!;
		await first.locator('summary').click();
		await click(page, `details[data-actions-for="${entity}"] form[action*="reissue"] button`);
		expect(await feedback(page)).not.toBe('');
		const again = page.locator(`details[data-actions-for="${entity}"]`);
		await again.locator('summary').click();
		await again.locator('input[name="until"]').fill('2027-01-31T12:00');
		await click(page, `details[data-actions-for="${entity}"] form[action*="extend"] button`);
		expect(await feedback(page)).not.toBe('');
		await shot(page, `coordinator-${lang}-respondents`);
		await context.close();
	});

	it.for(['en', 'ar'] as const)('author (%s): a draft, a question edited, published', { timeout: WALK_TIMEOUT_MS }, async (lang) => {
		const { context, page } = await signedIn('author', lang);
		await click(page, 'nav.sec-nav a[data-area="questionnaires"]');
		await click(page, 'main a[href^="/admin/questionnaires/"]');
		if ((await page.locator('#publish').count()) === 0) await click(page, 'form[action="?/startDraft"] button');
		// Starting a draft opens its editor; an existing draft is opened from the questionnaire.
		if (!new URL(page.url()).pathname.endsWith('/edit')) await click(page, 'main a[href$="/edit"]');
		await click(page, 'ol.questions li a[href^="?q="]');
		const title = `${lang} walk ${Date.now()}`;
		await page.fill('#p-title', title);
		await click(page, '#properties button[type=submit]');
		expect((await page.locator('ol.questions').allInnerTexts()).join('\n')).toContain(title);
		await shot(page, `author-${lang}-editor`);
		// Back to the questionnaire by its breadcrumb, and publish.
		await click(page, 'nav.ui-breadcrumbs li:nth-child(3) a');
		await click(page, '#publish');
		expect(await page.locator('#published').count(), await feedback(page)).toBe(1);
		await shot(page, `author-${lang}-published`);
		await context.close();
	});

	it.for(['en', 'ar'] as const)('analyst (%s): results, a breakdown, a release, an export, a report', { timeout: WALK_TIMEOUT_MS }, async (lang) => {
		const { context, page } = await signedIn('analyst', lang);
		await click(page, 'nav.sec-nav a[data-area="results"]');
		await click(page, `main a[href="/admin/results/${EDITION}"]`);
		await page.selectOption('select[name="by"]', 'region');
		await click(page, 'form[method="GET"] button[type=submit]');
		expect(new URL(page.url()).searchParams.get('by')).toBe('region');
		await click(page, 'form[action="?/release"] button');
		// The first release is made; the second (nothing changed) is refused, saying why.
		expect(await feedback(page)).not.toBe('');
		const csv = await download(page, 'a[href$="/export/microdata.csv"]');
		expect(csv.size).toBeGreaterThan(100);
		if (lang === 'en') {
			await page.selectOption('select[name="locale"]', 'en');
			await click(page, 'form[action^="?/report"] button[type=submit]');
			expect(await feedback(page)).not.toBe('');
		}
		await shot(page, `analyst-${lang}-results`);
		await click(page, 'nav.sec-nav a[data-area="reports"]');
		const report = await download(page, `main a[href^="/admin/results/${EDITION}/reports/"]`);
		expect(report.name).toMatch(/\.docx$/);
		await shot(page, `analyst-${lang}-reports`);
		await context.close();
	});

	it.for(['en', 'ar'] as const)(
		"regional office (%s): its region's respondents, and no other region's anywhere it reaches",
		{ timeout: WALK_TIMEOUT_MS },
		async (lang) => {
			const others = await sqlAll<{ code: string; email: string | null }>(
				server.dbPath,
				`select e.code, c.email from entity e left join contact c on c.entity_id = e.id where e.region_code is null or e.region_code <> 'AFR'`
			);
			const foreign = new Set(others.flatMap((o) => [o.code, o.email ?? ''].filter((s) => s.length > 3)));
			expect(foreign.size).toBeGreaterThan(10);
			const { context, page } = await signedIn('regional_office', lang);
			await click(page, `main a[href="/admin/editions/${EDITION}"]`);
			await click(page, `.ui-tabs a[href$="/respondents"]`);
			const regions = await page.$$eval('#respondents tbody tr', (rows) => rows.map((r) => r.getAttribute('data-region')));
			expect(regions.length).toBeGreaterThan(0);
			expect(new Set(regions)).toEqual(new Set(['AFR']));
			await shot(page, `regional-office-${lang}-respondents`);
			// Every /admin page its links reach (each pager page too): no other region's entity code or e-mail.
			const seen = new Set<string>();
			const queue = ['/admin'];
			while (queue.length > 0 && seen.size < 40) {
				const path = queue.shift()!;
				if (seen.has(path)) continue;
				seen.add(path);
				const res = await page.goto(`${server.url}${path}`);
				expect(res?.status(), path).toBeLessThan(400);
				const words = new Set((await page.innerText('body')).split(/[\s,;:()<>«»"]+/));
				const leak = [...foreign].find((f) => words.has(f));
				expect(leak, `${path} shows another region's ${leak}`).toBeUndefined();
				for (const href of await page.$$eval('a[href^="/admin"]', (links) => links.map((a) => a.getAttribute('href')!))) {
					const url = new URL(href, page.url());
					if (/\.(csv|xlsx|docx|png)$|\/export\/|\/reports\/\d/.test(url.pathname) || url.searchParams.has('sort')) continue;
					queue.push(url.pathname + url.search);
				}
			}
			expect(seen.size).toBeGreaterThan(3);
			await context.close();
		}
	);

	it.for(['en', 'ar'] as const)('Council reader (%s): the released results and the report', { timeout: WALK_TIMEOUT_MS }, async (lang) => {
		const { context, page } = await signedIn('council', lang);
		expect(new URL(page.url()).pathname).toBe('/admin/results');
		await click(page, `main a[href="/admin/results/${EDITION}"]`);
		expect(await page.locator('[data-testid=release-note]').count()).toBe(1);
		expect(await page.locator('[data-testid=no-release]').count()).toBe(0);
		await shot(page, `council-${lang}-results`);
		await click(page, 'nav.sec-nav a[data-area="reports"]');
		const report = await download(page, `main a[href^="/admin/results/${EDITION}/reports/"]`);
		expect(report.name).toMatch(/\.docx$/);
		await shot(page, `council-${lang}-reports`);
		await context.close();
	});
});

/** English message texts (without their placeholders) that a page in another language must not show. */
function englishOnly(lang: string): string[] {
	const read = (l: string) => JSON.parse(readFileSync(`messages/${l}.json`, 'utf8')) as Record<string, unknown>;
	const en = read('en');
	const translated = new Set(Object.values(read(lang)));
	return (
		Object.entries(en)
			// Words both languages share ("Questionnaires" in French) are not English-only.
			.filter(([key, text]) => typeof text === 'string' && key !== '$schema' && !translated.has(text))
			.flatMap(([, text]) => (text as string).split(/\{[^}]*\}/))
			.map((part) => part.trim())
			.filter((part) => part.length >= 12 || /^[A-Z][a-z]+( [a-z]+)?$/.test(part))
	);
}

/** The page a role reaches in one click from its home (besides the home itself). */
const ONE_PAGE: Record<Who, string> = {
	coordinator: `main a[href="/admin/editions/${EDITION}"]`,
	author: 'nav.sec-nav a[data-area="questionnaires"]',
	analyst: 'nav.sec-nav a[data-area="results"]',
	regional_office: `main a[href="/admin/editions/${EDITION}"]`,
	council: `main a[href="/admin/results/${EDITION}"]`
};

describe('the other four languages: each home and one page per role, no English message', () => {
	it.for(['fr', 'zh', 'ru', 'es'] as const)('%s', { timeout: WALK_TIMEOUT_MS }, async (lang) => {
		const english = englishOnly(lang);
		for (const role of ROLES) {
			const { context, page } = await signedIn(role, lang);
			for (const step of ['home', 'page'] as const) {
				if (step === 'page') await click(page, ONE_PAGE[role]);
				expect(await page.getAttribute('html', 'lang')).toBe(lang);
				const lines = (await page.innerText('body')).split('\n').map((l) => l.trim());
				// A whole line, or a phrase of several words inside one (a single word may be French too).
				const found = english.filter((e) => lines.some((l) => l === e || (e.length >= 12 && e.includes(' ') && l.includes(e))));
				expect(found, `${role} ${lang} ${page.url()}`).toEqual([]);
			}
			await shot(page, `${role}-${lang}-page`);
			await context.close();
		}
	});
});
