import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { completeQuestionnaire } from '../helpers/answer.ts';
import { newLink, runCli, startServer, type RunningServer } from '../helpers/server.ts';
import { startSmtp, type TestSmtp } from '../helpers/smtp.ts';
import { createTestDatabase, postgresMode, type TestPostgresDatabase } from '../helpers/pg.ts';
import { sqlAll, sqlGet } from '../helpers/sql.ts';
import { NGINX_PATH, startNginx, through, type RunningNginx } from '../helpers/nginx.ts';
import { ADDRESS_MAX_MISSES } from '../../src/lib/domain/invitation/guess-throttle.ts';

/**
 * The production kit, run: Debian's nginx with deploy/nginx/rps.conf (TLS with a
 * self-signed certificate, the X-Forwarded-For header, body size, gzip) in front of two
 * `node server.js` processes in production mode on ONE PostgreSQL database. A respondent
 * answers without JavaScript, a Secretariat session and the link-guessing throttle hold
 * on whichever node answers, and a queued e-mail goes out once. PostgreSQL pass only:
 * several nodes on one SQLite file is not a deployment we offer (docs/postgresql.md).
 */
const why = !NGINX_PATH
	? 'nginx is not installed (apt-get install nginx; .ci/run does)'
	: !postgresMode() || !process.env.TEST_POSTGRES_URL
		? 'runs in the PostgreSQL pass only (TEST_DB=postgres with TEST_POSTGRES_URL set)'
		: '';
if (why) console.log(`tests/integration/nginx-deploy.test.ts skipped: ${why}`);

const PASSWORD = 'nginx deploy password 2026';
const ADMIN = 'admin@example.org';
const MAILS = 10;
let database: TestPostgresDatabase;
let smtp: TestSmtp;
let nodes: RunningServer[] = [];
let proxy: RunningNginx;
let browser: Browser;

async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const s = createServer().listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => resolve(port));
		});
	});
}

/** How many requests for paths starting with `prefix` a node has logged (LOG_FORMAT=json: one line per request). */
function served(node: RunningServer, prefix: string): number {
	return node
		.output()
		.split('\n')
		.filter((line) => line.startsWith('{') && line.includes('"msg":"request"'))
		.filter((line) => String((JSON.parse(line) as { path?: string }).path ?? '').startsWith(prefix)).length;
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const postHeaders = () => ({ origin: proxy.url, 'content-type': 'application/x-www-form-urlencoded' });

beforeAll(async () => {
	if (why) return;
	smtp = await startSmtp();
	database = await createTestDatabase();
	const port = await freePort();
	const origin = `https://127.0.0.1:${port}`;
	// The environment of deploy/rps.env.example, with this test's database, ports and SMTP.
	const env = {
		NODE_ENV: 'production',
		DEMO: '0',
		DATABASE_URL: database.url,
		ORIGIN: origin,
		ADDRESS_HEADER: 'x-forwarded-for',
		XFF_DEPTH: '1',
		LOG_FORMAT: 'json',
		ADMIN_EMAIL: ADMIN,
		ADMIN_PASSWORD: PASSWORD,
		SMTP_URL: smtp.url,
		MAIL_POLL_MS: '50',
		MAIL_RATE_PER_MINUTE: '60000'
	};
	// One after the other: the first migrates, as an upgrade in docs/postgresql.md does.
	nodes = [await startServer(env)];
	nodes.push(await startServer(env));
	const upstreams = nodes.map((n) => Number(new URL(n.url).port)) as [number, number];
	proxy = await startNginx(port, upstreams);
	browser = await launchBrowser();
}, 90_000);

afterAll(async () => {
	await browser?.close();
	await proxy?.stop();
	for (const node of nodes) await node.stop();
	await database?.drop();
	await smtp?.close();
});

describe.skipIf(why !== '')('nginx (deploy/nginx/rps.conf) in front of two app nodes on one PostgreSQL database', () => {
	it('takes a respondent through the whole questionnaire without JavaScript, over both nodes', async () => {
		const link = new URL(await newLink(nodes[0]!, 'MS-FRA'));
		const context = await browser.newContext({ javaScriptEnabled: false, ignoreHTTPSErrors: true });
		const page = await context.newPage();
		await page.goto(`${proxy.url}${link.pathname}`);
		expect(await page.locator('html').getAttribute('lang')).toBe('fr');
		const posts = await completeQuestionnaire(page);
		expect(posts).toBeGreaterThanOrEqual(5);
		await expect(page.locator('#done-title').innerText()).resolves.toMatch(/merci/i);
		await context.close();
		const stored = await sqlGet<{ state: string; locale: string }>(
			database.url,
			`select r.state, r.locale from response r join entity e on e.id = r.entity_id where e.code = 'MS-FRA'`
		);
		expect(stored).toEqual({ state: 'submitted', locale: 'fr' });
		// nginx shared the pages between the nodes (round robin), so each saved some of them.
		for (const node of nodes) expect(served(node, '/r/')).toBeGreaterThan(0);
	});

	it('keeps a Secretariat session on whichever node answers, and ends it everywhere at sign-out', async () => {
		const login = await through(proxy, '/login', { method: 'POST', headers: postHeaders(), body: form({ email: ADMIN, password: PASSWORD }) });
		expect(login.status).toBe(303);
		const setCookie = String(login.headers['set-cookie'] ?? '');
		// Production behind TLS: the session cookie is Secure.
		expect(setCookie).toMatch(/;\s*Secure/i);
		const cookie = /rps_session=[a-z2-7]+/.exec(setCookie)![0];
		const before = nodes.map((n) => served(n, '/admin'));
		for (let i = 0; i < 6; i++) {
			const admin = await through(proxy, '/admin', { headers: { cookie } });
			expect(admin.status).toBe(200);
			expect(admin.text).toContain(ADMIN);
		}
		nodes.forEach((n, i) => expect(served(n, '/admin')).toBeGreaterThan(before[i]!));
		expect((await through(proxy, '/logout', { method: 'POST', headers: { ...postHeaders(), cookie } })).status).toBe(303);
		for (let i = 0; i < 2; i++) {
			const after = await through(proxy, '/admin', { headers: { cookie } });
			expect(after.status).toBe(303);
			expect(after.headers.location).toMatch(/^\/login/);
		}
	});

	it('throttles link guessing per client address: X-Forwarded-For reaches the app, and a forged one does not help', async () => {
		const good = new URL(await newLink(nodes[0]!, 'MS-DEU')).pathname;
		const before = nodes.map((n) => served(n, '/r/'));
		for (let i = 0; i < ADDRESS_MAX_MISSES; i++) {
			// A guesser forging a new address each time: nginx appends the real one, which the app reads (XFF_DEPTH=1).
			const miss = await through(proxy, `/r/${'a'.repeat(31)}${'bcdefghijklmnopqrstuvwxyz'[i % 25]}`, {
				from: '127.0.0.2',
				headers: { 'x-forwarded-for': `198.51.100.${i}` }
			});
			expect(miss.status).toBe(404);
		}
		nodes.forEach((n, i) => expect(served(n, '/r/')).toBeGreaterThan(before[i]!));
		// Locked out on both nodes (the counter is a database row), even with a good link.
		for (let i = 0; i < 2; i++) {
			const refused = await through(proxy, good, { from: '127.0.0.2' });
			expect(refused.status).toBe(429);
			expect(refused.text).toContain('Too many attempts');
		}
		// Another client address is not: nginx told the app who is who.
		for (let i = 0; i < 2; i++) {
			const other = await through(proxy, good, { from: '127.0.0.3' });
			expect(other.status).toBe(200);
			expect(other.text).toContain('name="_revision"');
		}
	});

	it('sends invitations queued through nginx exactly once, although both nodes run a sender', async () => {
		// Ten member states get a focal point (registry import, as the CLI does it).
		const entities = await sqlAll<{ code: string; name: string; country_iso3: string }>(
			database.url,
			`select code, name, country_iso3 from entity where kind = 'member_state' and country_iso3 is not null and code not in ('MS-FRA', 'MS-DEU') order by code limit ${MAILS}`
		);
		const csv = [
			'code,kind,name,country,language,contact_name,contact_email,contact_language,contact2_name,contact2_email',
			...entities.map((e, i) => `${e.code},member_state,"${e.name}",${e.country_iso3},en,Focal point ${i},focal${i}@nginx.example.org,en,,`)
		].join('\n');
		writeFileSync(`${nodes[0]!.dir}/registry.csv`, csv);
		runCli(nodes[0]!, 'registry:import', `${nodes[0]!.dir}/registry.csv`);

		const login = await through(proxy, '/login', { method: 'POST', headers: postHeaders(), body: form({ email: ADMIN, password: PASSWORD }) });
		const cookie = /rps_session=[a-z2-7]+/.exec(String(login.headers['set-cookie'] ?? ''))![0];
		for (const action of ['inviteAll', 'sendInvitations']) {
			const res = await through(proxy, `/admin/editions/rp-2026/invitations?/${action}`, { method: 'POST', headers: { ...postHeaders(), cookie }, body: '' });
			expect(res.status).toBe(200);
		}
		const queued = (await sqlAll<{ to_email: string }>(database.url, `select to_email from outbox_message`)).map((m) => m.to_email).sort();
		// Entities of the reference registry may have focal points already: they are invited too.
		expect(queued.length).toBeGreaterThanOrEqual(MAILS);
		// Both nodes poll the same outbox: each row is claimed by one sender.
		const deadline = Date.now() + 30_000;
		const sent = async () => Number((await sqlGet<{ n: number }>(database.url, `select count(*) as n from outbox_message where state = 'sent'`))!.n);
		while ((await sent()) < queued.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
		expect(await sent()).toBe(queued.length);
		expect(smtp.received.map((m) => m.to).sort()).toEqual(queued);
		// The invitation's link is on the public address (nginx) and opens there.
		const link = new RegExp(`${proxy.url.replace(/[.]/g, '\\.')}(/r/[a-z2-7]{32})`).exec(smtp.received[0]!.text ?? '');
		expect(link).not.toBeNull();
		expect((await through(proxy, link![1]!, { from: '127.0.0.4' })).text).toContain('name="_revision"');
	});

	it('compresses pages, serves /readyz, and refuses an upload above client_max_body_size itself', async () => {
		const page = await through(proxy, '/login', { headers: { 'accept-encoding': 'gzip' } });
		expect(page.status).toBe(200);
		expect(page.headers['content-encoding']).toBe('gzip');
		expect((await through(proxy, '/readyz')).status).toBe(200);
		const big = await through(proxy, '/login', { method: 'POST', headers: postHeaders(), body: Buffer.alloc(7 * 1024 * 1024, 'a') }).catch((e: Error) => e);
		expect(big).not.toBeInstanceOf(Error);
		expect((big as { status: number }).status).toBe(413);
		expect((big as { text: string }).text).toContain('nginx');
		expect(proxy.errors()).not.toMatch(/\[(crit|alert|emerg)\]/);
	});
});
