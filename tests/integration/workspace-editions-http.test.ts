import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startServer, type RunningServer } from '../helpers/server.ts';
import { get, seedUsers, signInCookie } from '../helpers/access-http.ts';
import { sqlRun } from '../helpers/sql.ts';

/**
 * Issue 14 items 1, 2 and 8, against the built server without JavaScript: a coordinator
 * reaches every edition by clicking, archived ones included (the sidebar's "Editions" opens
 * a list of all editions, filtered by state through the query string), and the home's
 * e-mail failures and bounces are each one click from the message list or the bounced
 * focal points, not only from the edition's overview.
 */
const PASSWORD = 'workspace editions 2026';
const COORDINATOR = 'coordinator@editions.example.org';
let server: RunningServer;
let cookie: string;

const ARCHIVED = { slug: 'rp-2020', title: 'Survey of 2020, kept for the record' };

beforeAll(async () => {
	server = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: 'admin@editions.example.org', DEMO: '1' });
	await seedUsers(server.dbPath, [{ email: COORDINATOR, role: 'coordinator', language: 'en' }], PASSWORD);
	runCli(server, 'invite', '--edition', 'rp-2026', '--all');
	// An archived edition (a copy of rp-2026's row under another slug) and one failed e-mail and one bounce of rp-2026.
	await sqlRun(
		server.dbPath,
		`insert into edition (id, slug, title, questionnaire_id, state, opens_at, closes_at, created_at)
		 select 'ws5-archived', '${ARCHIVED.slug}', '${ARCHIVED.title}', questionnaire_id, 'archived', opens_at, closes_at, '2020-01-01T00:00:00.000Z' from edition where slug = 'rp-2026'`
	);
	await sqlRun(
		server.dbPath,
		`insert into outbox_message (id, kind, edition_id, invitation_id, contact_id, to_email, locale, state, attempts, next_attempt_at, last_error, batch_id, created_by, created_at)
		 select 'ws5-failed', 'invitation', i.edition_id, i.id, c.id, 'gone@example.org', 'en', 'failed', 5, '2026-12-01T00:00:00.000Z', '550 mailbox unavailable', 'ws5', 'test', '2026-12-01T00:00:00.000Z'
		 from invitation i join contact c on c.entity_id = i.entity_id join edition e on e.id = i.edition_id where e.slug = 'rp-2026' limit 1`
	);
	await sqlRun(server.dbPath, `update contact set bounced_at = '2026-11-30T10:00:00.000Z' where id = (select min(id) from contact)`);
	cookie = await signInCookie(server.url, COORDINATOR, PASSWORD);
}, 180_000);
afterAll(async () => {
	await server?.stop();
});

async function page(path: string): Promise<string> {
	const res = await get(`${server.url}${path}`, cookie);
	expect(res.status, path).toBe(200);
	return res.text();
}
/** The page's own content (the layout's sidebar and inlined CSS left out). */
const main = (html: string) => html.slice(html.indexOf('<main'), html.lastIndexOf('</main>'));
const text = (html: string) =>
	html
		.replace(/<[^>]+>/g, ' ')
		.replace(/&#39;/g, "'")
		.replace(/\s+/g, ' ');
const hrefOf = (html: string, marker: RegExp) => marker.exec(html)?.[1]?.replace(/&amp;/g, '&');
const linksTo = (html: string, href: string) => html.includes(`href="${href}"`);

describe('every edition is reachable by clicking', () => {
	it('the sidebar opens a list of all editions, archived ones included, with state and a link to each', async () => {
		const home = await page('/admin');
		const editions = hrefOf(home, /<a[^>]*href="([^"]*)"[^>]*data-area="editions"/) ?? hrefOf(home, /<a[^>]*data-area="editions"[^>]*href="([^"]*)"/);
		expect(editions).toBe('/admin/editions');
		const list = main(await page(editions!));
		expect(list).toMatch(/<h1[^>]*>Editions<\/h1>/);
		expect(list).toContain(`href="/admin/editions/${ARCHIVED.slug}"`);
		expect(text(list)).toContain(ARCHIVED.title);
		expect(linksTo(list, '/admin/editions/rp-2026')).toBe(true);
		expect(text(list)).toContain('Archived');
		// The archived edition opens (its own pages), so its respondents and outbox stay reachable.
		expect(text(main(await page(`/admin/editions/${ARCHIVED.slug}`)))).toContain(ARCHIVED.title);
	});

	it('filters by state through the query string (no JavaScript)', async () => {
		const list = main(await page('/admin/editions'));
		const filter = hrefOf(list, /<a[^>]*href="([^"]*)"[^>]*data-filter="archived"/);
		expect(filter).toBe('?state=archived');
		const archivedOnly = main(await page(`/admin/editions${filter}`));
		expect(linksTo(archivedOnly, `/admin/editions/${ARCHIVED.slug}`)).toBe(true);
		expect(linksTo(archivedOnly, '/admin/editions/rp-2026')).toBe(false);
		const openOnly = main(await page('/admin/editions?state=open'));
		expect(linksTo(openOnly, `/admin/editions/${ARCHIVED.slug}`)).toBe(false);
		expect(linksTo(openOnly, '/admin/editions/rp-2026')).toBe(true);
	});

	it("an edition's breadcrumb leads back to the list of editions", async () => {
		const html = await page('/admin/editions/rp-2026');
		const crumbs = html.slice(html.indexOf('class="ui-breadcrumbs"'), html.indexOf('</nav>', html.indexOf('class="ui-breadcrumbs"')));
		expect(crumbs).toContain('href="/admin/editions"');
	});
});

describe("the home's e-mail problems are one click from the work", () => {
	it('the failed count opens the outbox filtered to failed messages; the bounce count opens the bounced focal points first', async () => {
		const home = main(await page('/admin'));
		const mail = home.slice(home.indexOf('aria-labelledby="mail"'));
		const failed = hrefOf(mail, /<a[^>]*href="([^"]*)"[^>]*data-mail="failed"/);
		const bounced = hrefOf(mail, /<a[^>]*href="([^"]*)"[^>]*data-mail="bounced"/);
		expect(failed).toBe('/admin/editions/rp-2026/invitations?state=failed');
		const outbox = main(await page(failed!));
		expect(text(outbox)).toContain('gone@example.org');
		expect(text(outbox)).toContain('550 mailbox unavailable');
		expect(outbox).not.toMatch(/data-state="(sent|queued|sending|cancelled)"/);
		expect(bounced).toBe('/admin/editions/rp-2026/respondents?sort=bounces&dir=desc');
		const respondents = main(await page(bounced!));
		const firstRow = respondents.slice(respondents.indexOf('<tbody'), respondents.indexOf('</tr>', respondents.indexOf('<tbody')));
		expect(text(firstRow)).toMatch(/bounce/i);
	});
});
