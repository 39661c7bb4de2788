import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlGet } from '../helpers/sql.ts';
import { newLink, runCli, startServer, type RunningServer } from '../helpers/server.ts';
import { formPost, get, seedUsers, signInCookie } from '../helpers/access-http.ts';
import { startSmtp, type TestSmtp } from '../helpers/smtp.ts';

/**
 * A coordinator never reads submitted answers (issue 12 item 3): a link shown to a
 * Secretariat user (reissue on the edition page, `invite`/`reissue` printed by the CLI,
 * on-behalf entry) opens a submitted response as the receipt without its answers; only a
 * link e-mailed to the entity's focal points shows them. Reissuing a submitted response
 * for display is refused with a clear message; e-mailing it is allowed.
 */
const PASSWORD = 'links password 2026';
const COORDINATOR = 'coordinator@links.example.org';
let server: RunningServer;
let smtp: TestSmtp;
let cookie: string;
let entity: string;

const ANSWER_LINE = 'class="answer-line"';

beforeAll(async () => {
	smtp = await startSmtp();
	server = await startServer({
		ADMIN_PASSWORD: PASSWORD,
		ADMIN_EMAIL: 'admin@links.example.org',
		DEMO: '1',
		SMTP_URL: smtp.url,
		MAIL_RATE_PER_MINUTE: '60000'
	});
	await seedUsers(server.dbPath, [{ email: COORDINATOR, role: 'coordinator' }], PASSWORD);
	cookie = await signInCookie(server.url, COORDINATOR, PASSWORD);
	runCli(server, 'demo:responses', '--edition', 'rp-2026', '--count', '10');
	entity = (await sqlGet<{ code: string }>(
		server.dbPath,
		"select n.code from response r join entity n on n.id = r.entity_id where r.state = 'submitted' and exists (select 1 from contact c where c.entity_id = n.id) order by n.code"
	))!.code;
}, 120_000);
afterAll(async () => {
	await server?.stop();
	await smtp?.close();
});

describe('links a coordinator has seen do not show submitted answers', () => {
	it('refuses to show a new link for a submitted response, and says why', async () => {
		const res = await formPost(`${server.url}/admin/editions/rp-2026/respondents?/reissue`, { entity }, { cookie });
		expect(res.status).toBe(409);
		const html = await res.text();
		expect(html).toContain('already submitted');
		expect(html).not.toMatch(/\/r\/[a-z2-7]{20,}/);
	});

	it('refuses the same on the command line', () => {
		let stderr = '';
		try {
			execFileSync(process.execPath, ['src/cli/main.ts', 'reissue', '--edition', 'rp-2026', '--entity', entity], {
				env: { ...process.env, DATABASE_URL: server.dbPath, PUBLIC_URL: server.url },
				encoding: 'utf8',
				stdio: 'pipe'
			});
		} catch (e) {
			stderr = String((e as { stderr?: string }).stderr);
		}
		expect(stderr).toContain('already submitted');
	});

	it('opens a printed link on a submitted response as the receipt without answers', async () => {
		const link = await newLink(server, entity, 'rp-2026');
		const res = await get(link);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('id="done-title"');
		expect(html).not.toContain(ANSWER_LINE);
		// The class in markup, not in the inlined stylesheet (svelte.config.js inlines the layout's CSS).
		expect(html).not.toMatch(/class="[^"]*\breview-list\b/);
		expect(html).toContain('id="answers-by-mail"');
	});

	it('e-mails a reissued link to the focal points, and that link shows the receipt with the answers', async () => {
		const res = await formPost(`${server.url}/admin/editions/rp-2026/respondents?/reissue`, { entity, send: 'on' }, { cookie });
		expect(res.status).toBe(200);
		expect(await res.text()).not.toMatch(/\/r\/[a-z2-7]{20,}/);
		const deadline = Date.now() + 20_000;
		while (!smtp.received.some((m) => /\/r\/[a-z2-7]{20,}/.test(m.text)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
		const mail = smtp.received.find((m) => /\/r\/[a-z2-7]{20,}/.test(m.text))!;
		const link = /https?:\/\/\S+\/r\/[a-z2-7]{20,}/.exec(mail.text)![0];
		const html = await (await get(link)).text();
		expect(html).toContain('id="done-title"');
		expect(html).toContain(ANSWER_LINE);
	});

	it('still shows a coordinator the new link of a response not yet submitted', async () => {
		const open = (await sqlGet<{ code: string }>(
			server.dbPath,
			'select n.code from invitation i join entity n on n.id = i.entity_id left join response r on r.edition_id = i.edition_id and r.entity_id = i.entity_id where r.id is null order by n.code'
		))!.code;
		const res = await formPost(`${server.url}/admin/editions/rp-2026/respondents?/reissue`, { entity: open }, { cookie });
		expect(res.status).toBe(200);
		expect(await res.text()).toMatch(/id="new-link">https?:\/\/\S+\/r\/[a-z2-7]{20,}</);
	});
});
