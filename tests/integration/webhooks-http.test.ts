import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { seedUsers, signInCookie } from '../helpers/access-http.ts';
import { answerAndSubmit } from '../helpers/no-js-respondent.ts';
import { createDb, type Db } from '../../src/lib/server/db/create-db.ts';
import { insertSyntheticResponses } from '../../src/lib/server/analysis/demo.ts';
import { verifySignature } from '../../src/lib/server/distribution/webhooks/signature.ts';

/**
 * Webhooks over real HTTP (issue 17 item 4): an administrator registers endpoints on
 * /admin/webhooks; a receiver started here (node:http) gets each event, signed; a
 * receiver that fails twice gets the delivery on the third attempt, the backoff visible
 * on the page; a paused endpoint receives nothing while an active one receives the same
 * events; "retry now" sends a failed delivery again. SQLite, and PostgreSQL with TEST_DB=postgres.
 */
interface Received {
	path: string;
	headers: IncomingHttpHeaders;
	body: string;
	at: number;
}
const received: Received[] = [];
/** How many requests each failing path refuses before it accepts (`/down` never accepts). */
const failuresLeft: Record<string, number> = { '/flaky': 2, '/down': Infinity };
let receiver: Server;
let hooks = '';
let server: RunningServer;
let db: Db;
let admin = '';
const PASSWORD = 'a long enough password';
const SECRET_OK = 'test-secret-for-the-ok-endpoint-0123456789';
const RETRY_BASE_MS = 1000;

const at = (path: string) => received.filter((r) => r.path === path);
const events = (path: string, type: string) => at(path).filter((r) => r.headers['x-rps-event'] === type);

/** Polls `check` until it is true, for at most `ms`; the assertion after it says what was missing. */
async function until(check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

async function post(path: string, fields: [string, string][], cookie = admin): Promise<Response> {
	return fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', origin: server.url, cookie, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields).toString()
	});
}
const page = async () => (await fetch(`${server.url}/admin/webhooks`, { headers: { accept: 'text/html', cookie: admin } })).text();
const endpointIds = async () =>
	Object.fromEntries((await db.selectFrom('webhook_endpoint').select(['id', 'url']).execute()).map((e) => [new URL(e.url).pathname, e.id]));

async function register(path: string, eventTypes: string[], secret = ''): Promise<string> {
	const res = await post('/admin/webhooks?/create', [
		['url', `${hooks}${path}`],
		['description', `receiver ${path}`],
		...eventTypes.map((e): [string, string] => ['events', e]),
		['secret', secret]
	]);
	const html = await res.text();
	expect(res.status, html.slice(0, 500)).toBe(200);
	const shown = /data-testid="webhook-secret"[^>]*>([^<]+)</.exec(html)?.[1];
	expect(shown, 'the secret is shown once').toBeTruthy();
	return shown!;
}

const ALL = ['response.submitted', 'edition.state_changed', 'results.released'];
const secrets: Record<string, string> = {};

beforeAll(async () => {
	receiver = createServer((req, res) => {
		let body = '';
		req.on('data', (d) => (body += d));
		req.on('end', () => {
			const path = req.url ?? '';
			received.push({ path, headers: req.headers, body, at: Date.now() });
			const left = failuresLeft[path] ?? 0;
			if (left > 0) {
				failuresLeft[path] = left - 1;
				res.writeHead(path === '/down' ? 503 : 500).end('receiver failing on purpose');
			} else res.writeHead(204).end();
		});
	});
	await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
	const address = receiver.address();
	hooks = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	server = await startServer({
		ADMIN_PASSWORD: PASSWORD,
		WEBHOOK_POLL_MS: '100',
		WEBHOOK_RETRY_BASE_MS: String(RETRY_BASE_MS),
		WEBHOOK_MAX_ATTEMPTS: '3',
		WEBHOOK_ALLOWED_HOSTS: '127.0.0.1'
	});
	db = createDb(server.dbPath);
	// Synthetic responses for the release, before any real one (they refuse to mix afterwards);
	// the demo respondent's first visit opens its response, so it is left to answer for real.
	expect((await fetch(server.demoLink, { headers: { accept: 'text/html' } })).status).toBe(200);
	await insertSyntheticResponses(db, 'rp-2026', 1000, 7);
	await seedUsers(server.dbPath, [{ email: 'coordinator@example.org', role: 'coordinator' }], PASSWORD);
	admin = await signInCookie(server.url, 'admin@example.org', PASSWORD);
});
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
	await new Promise((r) => receiver?.close(r));
});

describe('webhooks', () => {
	it('is an administrator page: a coordinator is refused and sees no endpoint', async () => {
		expect(await page()).toContain('No endpoint is registered yet.');
		const coordinator = await signInCookie(server.url, 'coordinator@example.org', PASSWORD);
		const res = await fetch(`${server.url}/admin/webhooks`, { headers: { accept: 'text/html', cookie: coordinator }, redirect: 'manual' });
		expect(res.status).toBe(403);
		const refused = await post(
			'/admin/webhooks?/create',
			[
				['url', `${hooks}/ok`],
				['events', 'response.submitted']
			],
			coordinator
		);
		expect(refused.status).toBe(403);
		expect(await db.selectFrom('webhook_endpoint').select('id').execute()).toHaveLength(0);
		// The sidebar offers the page to the administrator only.
		expect(await page()).toMatch(/data-area="webhooks"/);
	});

	it('refuses URLs that are not http(s) or not on the allow-list, keeping what was typed', async () => {
		for (const [url, words] of [
			['ftp://127.0.0.1/x', 'must start with http:// or https://'],
			['http://example.org/hook', 'not in WEBHOOK_ALLOWED_HOSTS'],
			['http://user:pw@127.0.0.1/x', 'must not hold a user name or password']
		]) {
			const res = await post('/admin/webhooks?/create', [
				['url', url!],
				['events', 'response.submitted']
			]);
			expect(res.status, url).toBe(400);
			expect(await res.text()).toContain(words);
		}
		const none = await post('/admin/webhooks?/create', [['url', `${hooks}/ok`]]);
		expect(await none.text()).toContain('choose at least one event');
		expect(await db.selectFrom('webhook_endpoint').select('id').execute()).toHaveLength(0);
	});

	it('registers endpoints, shows the secret once, and signs a test event', async () => {
		secrets['/ok'] = await register('/ok', ALL, SECRET_OK);
		expect(secrets['/ok']).toBe(SECRET_OK);
		secrets['/paused'] = await register('/paused', ALL);
		secrets['/flaky'] = await register('/flaky', ['response.submitted']);
		secrets['/down'] = await register('/down', ['edition.state_changed']);
		expect(secrets['/flaky']).toMatch(/^whsec_[\w-]{43}$/);
		const listed = await page();
		expect(listed).not.toContain(secrets['/flaky']);
		expect(listed).toContain(`${hooks}/flaky`);
		const ids = await endpointIds();
		expect(
			(
				await post('/admin/webhooks?/state', [
					['endpoint', ids['/paused']!],
					['state', 'paused']
				])
			).status
		).toBe(200);
		expect(await page()).toMatch(new RegExp(`data-endpoint="${ids['/paused']}"[\\s\\S]*?data-state="paused"`));

		expect((await post('/admin/webhooks?/test', [['endpoint', ids['/ok']!]])).status).toBe(200);
		await until(() => events('/ok', 'webhook.test').length > 0);
		const test = events('/ok', 'webhook.test')[0]!;
		const signature = String(test.headers['x-rps-signature']);
		expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
		expect(verifySignature(SECRET_OK, test.body, signature, Math.floor(Date.now() / 1000))).toBe(true);
		expect(verifySignature('another-secret-of-enough-length-000', test.body, signature, Math.floor(Date.now() / 1000))).toBe(false);
		expect(verifySignature(SECRET_OK, test.body + ' ', signature, Math.floor(Date.now() / 1000))).toBe(false);
		expect(JSON.parse(test.body)).toMatchObject({ type: 'webhook.test', id: test.headers['x-rps-event-id'] });
		expect(test.headers['content-type']).toBe('application/json');
	});

	it('delivers response.submitted without who answered, retrying a failing receiver with backoff', async () => {
		await answerAndSubmit(server.demoLink);
		await until(() => events('/ok', 'response.submitted').length > 0);
		const [delivery] = events('/ok', 'response.submitted');
		expect(delivery, 'the active endpoint receives response.submitted').toBeDefined();
		expect(verifySignature(SECRET_OK, delivery!.body, String(delivery!.headers['x-rps-signature']), Math.floor(Date.now() / 1000))).toBe(true);
		const body = JSON.parse(delivery!.body);
		const submitted = await db.selectFrom('response').select('id').where('state', '=', 'submitted').execute();
		expect(body).toMatchObject({ type: 'response.submitted', data: { edition: 'rp-2026', submitted: submitted.length } });
		expect(Object.keys(body.data).sort()).toEqual(['edition', 'invited', 'submitted', 'submitted_at']);
		// The demo respondent is Senegal: neither its code, its name nor its region is sent.
		const entity = await db.selectFrom('entity').select(['code', 'name', 'region_code']).where('code', 'like', '%SEN%').executeTakeFirstOrThrow();
		for (const secret of [entity.code, entity.name, 'SEN', 'Senegal', 'Sénégal', entity.region_code]) expect(delivery!.body).not.toContain(secret);

		// The flaky receiver refused twice: the page shows the failure and the next attempt while it waits.
		const flaky = (await endpointIds())['/flaky']!;
		const section = async () => {
			const html = await page();
			return html.slice(html.indexOf(`data-endpoint="${flaky}"`));
		};
		const retrying = /data-state="queued"[\s\S]*?data-attempts="[12]"[\s\S]*?HTTP 500/;
		let waiting = '';
		await until(async () => retrying.test((waiting = await section())), 10_000);
		expect(waiting).toMatch(retrying);
		await until(() => at('/flaky').length >= 3);
		const tries = at('/flaky');
		expect(tries).toHaveLength(3);
		// The same event each time (the receiver's idempotency key), signed each time with a fresh timestamp.
		expect(new Set(tries.map((t) => t.headers['x-rps-event-id'])).size).toBe(1);
		for (const t of tries) expect(verifySignature(secrets['/flaky']!, t.body, String(t.headers['x-rps-signature']), Math.floor(Date.now() / 1000))).toBe(true);
		// Backoff: the second wait is about twice the first.
		const gaps = [tries[1]!.at - tries[0]!.at, tries[2]!.at - tries[1]!.at];
		expect(gaps[0]).toBeGreaterThanOrEqual(RETRY_BASE_MS - 50);
		expect(gaps[1]).toBeGreaterThanOrEqual(2 * RETRY_BASE_MS - 50);
		await until(async () => {
			const row = await db.selectFrom('outbox_message').select(['state']).where('endpoint_id', '=', flaky).executeTakeFirst();
			return row?.state === 'sent';
		}, 10_000);
		const done = await page();
		expect(done.slice(done.indexOf(`data-endpoint="${flaky}"`))).toMatch(/data-state="sent"[\s\S]*?data-attempts="3"[\s\S]*?HTTP 204/);
	});

	it('delivers edition.state_changed, gives up on a receiver that keeps failing, and retries it on request', async () => {
		const closed = await post('/admin/editions/rp-2026/settings?/state', [['to', 'closed']]);
		expect(closed.status).toBe(200);
		await until(() => events('/ok', 'edition.state_changed').length > 0);
		expect(JSON.parse(events('/ok', 'edition.state_changed')[0]!.body).data).toEqual({ edition: 'rp-2026', from: 'open', to: 'closed' });

		const down = (await endpointIds())['/down']!;
		const state = async () => (await db.selectFrom('outbox_message').select(['id', 'state', 'attempts']).where('endpoint_id', '=', down).executeTakeFirst())!;
		await until(async () => (await state())?.state === 'failed');
		expect(await state()).toMatchObject({ state: 'failed', attempts: 3 });
		expect(at('/down')).toHaveLength(3);
		const shown = await page();
		expect(shown.slice(shown.indexOf(`data-endpoint="${down}"`))).toMatch(/data-state="failed"[\s\S]*?HTTP 503[\s\S]*?Retry now/);

		expect((await post('/admin/webhooks?/retry', [['delivery', (await state()).id]])).status).toBe(200);
		await until(() => at('/down').length >= 4);
		expect(at('/down')).toHaveLength(4);
	});

	it('delivers results.released', async () => {
		const res = await post('/admin/results/rp-2026?/release', []);
		expect(res.status).toBe(200);
		await until(() => events('/ok', 'results.released').length > 0);
		expect(JSON.parse(events('/ok', 'results.released')[0]!.body).data).toMatchObject({ edition: 'rp-2026', release: 1 });
	});

	it('sent nothing to the paused endpoint, and queued nothing for it', async () => {
		// Every event reached the active endpoint (the positive side of the bound) ...
		for (const type of ['webhook.test', ...ALL]) expect(events('/ok', type).length, type).toBeGreaterThan(0);
		// ... and none the paused one.
		expect(at('/paused')).toHaveLength(0);
		const paused = (await endpointIds())['/paused']!;
		expect(await db.selectFrom('outbox_message').select('id').where('endpoint_id', '=', paused).execute()).toHaveLength(0);
		// No e-mail view counts webhook deliveries: they belong to no edition.
		expect(await db.selectFrom('outbox_message').select('id').where('kind', '=', 'webhook').where('edition_id', 'is not', null).execute()).toHaveLength(0);
	});
});
