import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { formPost, get, seedUsers, signInCookie } from '../helpers/access-http.ts';
import { createDb } from '../../src/lib/server/db/create-db.ts';

/**
 * Issue 12 item 10 over real HTTP: the edition page sets the opening and closing dates
 * (coordinator, audited, with the state rules), the e-mail previews then say the date in
 * a whole sentence, a reminder can be planned, and a closed edition's dates stay fixed.
 */
const PASSWORD = 'edition dates password 2026';
const EDITION = '/admin/editions/rp-2026';
let server: RunningServer;
let coordinator = '';
let author = '';

async function withDb<T>(run: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
	const db = createDb(server.dbPath);
	try {
		return await run(db);
	} finally {
		await db.destroy();
	}
}
const editionRow = () =>
	withDb((db) => db.selectFrom('edition').select(['opens_at', 'closes_at', 'state']).where('slug', '=', 'rp-2026').executeTakeFirstOrThrow());
// Dates live on the edition's Settings page, reminders on its Reminders page (issue 14 item 3).
const page = async (cookie = coordinator) => (await get(`${server.url}${EDITION}/settings`, cookie)).text();
/** The e-mails as recipients get them are on the Invitations and e-mail page. */
const mails = async (cookie = coordinator) => (await get(`${server.url}${EDITION}/invitations`, cookie)).text();
const postDates = (opens: string, closes: string, cookie = coordinator) => formPost(`${server.url}${EDITION}/settings?/dates`, { opens, closes }, { cookie });
/**
 * The CLI, run without blocking this process: a synchronous run would let the server
 * close an idle kept-alive connection unnoticed, and the next request would fail on it.
 */
const cli = async (...args: string[]) =>
	(
		await promisify(execFile)(process.execPath, ['src/cli/main.ts', ...args], { env: { ...process.env, DATABASE_URL: server.dbPath, PUBLIC_URL: server.url } })
	).stdout.trim();
const text = (html: string) =>
	html
		.replace(/<[^>]+>/g, ' ')
		.replace(/&#39;/g, "'")
		.replace(/\s+/g, ' ');

beforeAll(async () => {
	server = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: 'admin@dates.example.org' });
	await seedUsers(
		server.dbPath,
		[
			{ email: 'coord@dates.example.org', role: 'coordinator' },
			{ email: 'author@dates.example.org', role: 'author' }
		],
		PASSWORD
	);
	coordinator = await signInCookie(server.url, 'coord@dates.example.org', PASSWORD);
	author = await signInCookie(server.url, 'author@dates.example.org', PASSWORD);
}, 60_000);
afterAll(async () => {
	await server?.stop();
});

describe('the edition Dates form', () => {
	it('an open edition without a closing date: the form is there and the e-mails ask for an answer as soon as possible, in whole sentences', async () => {
		expect(await editionRow()).toMatchObject({ state: 'open', closes_at: null });
		const html = await page();
		expect(html).toMatch(/<form method="POST" action="\?\/dates"/);
		expect(html).toContain('id="dates-closes"');
		const shown = `${text(html)} ${text(await mails())}`;
		expect(shown).toContain('Please answer as soon as you can. The link below');
		expect(shown).toContain('Merci de répondre dès que possible.');
		expect(shown).not.toMatch(/by as soon|avant le dès|antes del lo|до как можно|请于尽早|قبل في أقرب/);
		// Without a closing date a reminder cannot be planned.
		const planned = await formPost(`${server.url}${EDITION}/reminders?/remind`, { daysBefore: '3' }, { cookie: coordinator });
		expect(planned.status).toBe(409);
	});

	it('refuses a closing in the past, a closing before the opening and an opening in the future for an open edition, naming why; nothing changes', async () => {
		const before = await editionRow();
		for (const [opens, closes, why] of [
			['', '2020-01-01T00:00', 'closing cannot be in the past'],
			['2099-02-01T00:00', '2099-01-01T00:00', 'closing must come after the opening'],
			['2099-01-01T00:00', '', 'opening cannot move into the future'],
			['', 'next week', 'is not a date and time']
		]) {
			const res = await postDates(opens!, closes!);
			expect(res.status).toBe(400);
			expect(text(await res.text())).toContain(why!);
		}
		expect(await editionRow()).toEqual(before);
		// Not a coordinator: refused.
		expect((await postDates('', '2099-03-31T23:59', author)).status).toBe(403);
		expect(await editionRow()).toEqual(before);
	});

	it('sets the closing date (read as UTC), audits it, and the e-mails then state it; a reminder can be planned and the date cannot be removed while it is', async () => {
		const res = await postDates('2026-01-15T08:00', '2099-03-31T23:59');
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('id="dates-saved"');
		expect(await editionRow()).toMatchObject({ opens_at: '2026-01-15T08:00:00.000Z', closes_at: '2099-03-31T23:59:00.000Z' });
		const audit = await withDb((db) => db.selectFrom('audit_log').select(['actor', 'details_json']).where('action', '=', 'edition.dates').execute());
		expect(audit).toHaveLength(1);
		expect(audit[0]!.actor).toBe('coord@dates.example.org');
		expect(JSON.parse(audit[0]!.details_json!)).toEqual({
			from: { opensAt: null, closesAt: null },
			to: { opensAt: '2026-01-15T08:00:00.000Z', closesAt: '2099-03-31T23:59:00.000Z' }
		});

		const html = await page();
		expect(html).toContain('value="2099-03-31T23:59"');
		const shown = `${text(html)} ${text(await mails())}`;
		expect(shown).toContain('Opens Jan 15, 2026, 8:00 AM UTC, closes Mar 31, 2099, 11:59 PM UTC.');
		expect(shown).toContain('Please answer by March 31, 2099 at 11:59 PM UTC.');
		expect(shown).toContain('Merci de répondre avant le 31 mars 2099');
		expect(shown).not.toContain('as soon as you can');

		expect((await formPost(`${server.url}${EDITION}/reminders?/remind`, { daysBefore: '3' }, { cookie: coordinator })).status).toBe(200);
		const cleared = await postDates('2026-01-15T08:00', '');
		expect(cleared.status).toBe(409);
		expect(text(await cleared.text())).toContain('reminders are planned');
		expect((await editionRow()).closes_at).toBe('2099-03-31T23:59:00.000Z');
	});

	it('a closed edition keeps its dates: no form, and a post is refused', async () => {
		expect(await cli('edition:state', '--edition', 'rp-2026', '--to', 'closed')).toContain('closed');
		const html = await page();
		expect(html).not.toContain('action="?/dates"');
		expect(html).toContain('id="dates-frozen"');
		const res = await postDates('', '2099-06-30T00:00');
		expect(res.status).toBe(409);
		expect((await editionRow()).closes_at).toBe('2099-03-31T23:59:00.000Z');
		await expect(cli('edition:dates', '--edition', 'rp-2026', '--closes', '2099-06-30T00:00Z')).rejects.toThrow(/closed/);
	});

	it('the CLI sets only the dates it is given, and "none" clears one', async () => {
		expect(await cli('edition:state', '--edition', 'rp-2026', '--to', 'open')).toContain('open');
		expect(await cli('edition:dates', '--edition', 'rp-2026', '--closes', '2099-05-01T12:00:00Z')).toBe(
			'edition rp-2026: opens 2026-01-15T08:00:00.000Z, closes 2099-05-01T12:00:00.000Z'
		);
		expect(await cli('edition:dates', '--edition', 'rp-2026', '--opens', 'none')).toBe('edition rp-2026: opens not set, closes 2099-05-01T12:00:00.000Z');
	});
});
