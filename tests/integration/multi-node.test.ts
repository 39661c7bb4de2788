import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { runCli, startServer, type RunningServer } from '../helpers/server.ts';
import { startSmtp, type TestSmtp } from '../helpers/smtp.ts';
import { formPost, get, signInCookie } from '../helpers/access-http.ts';
import { sqlAll, sqlGet } from '../helpers/sql.ts';
import { createTestDatabase, postgresMode } from '../helpers/pg.ts';

/**
 * Two app processes on one database, as behind a reverse proxy: a session made on one
 * is honoured by the other, saves of one response through both never lose a page,
 * and the two e-mail senders deliver each queued message exactly once. Runs on the
 * SQLite file in the SQLite pass (one machine) and on PostgreSQL in the PostgreSQL pass.
 */
const PASSWORD = 'two nodes password 2026';
const MAILS = 50;
let a: RunningServer;
let b: RunningServer;
let smtp: TestSmtp;

beforeAll(async () => {
	smtp = await startSmtp();
	// Fast senders (a message a millisecond, polling every 50 ms) so both compete for the same rows.
	const env = { ADMIN_PASSWORD: PASSWORD, SMTP_URL: smtp.url, MAIL_RATE_PER_MINUTE: '60000', MAIL_POLL_MS: '50' };
	a = await startServer(env);
	b = await startServer({ ...env, DATABASE_URL: a.dbPath });
});
afterAll(async () => {
	await b?.stop();
	await a?.stop();
	await smtp?.close();
});

const tokenPath = () => new URL(a.demoLink).pathname;
async function response() {
	const row = await sqlGet<{ revision: number; answers_json: string }>(
		a.dbPath,
		`select r.revision, r.answers_json from response r join entity e on e.id = r.entity_id where e.code = 'MS-SEN'`
	);
	return row ? { revision: Number(row.revision), answers: JSON.parse(row.answers_json) as Record<string, unknown> } : { revision: 0, answers: {} };
}
async function autosave(node: RunningServer, fields: Record<string, string>) {
	const res = await formPost(`${node.url}${tokenPath()}/autosave`, fields);
	expect(res.status).toBe(200);
	return (await res.json()) as { ok: boolean; revision: number; conflict: boolean };
}

describe(`two nodes on one ${postgresMode() ? 'PostgreSQL' : 'SQLite'} database`, () => {
	it('honours on one node a session made on the other, and ends it everywhere at sign-out', async () => {
		const cookie = await signInCookie(a.url, 'admin@example.org', PASSWORD);
		expect((await get(`${b.url}/admin`, cookie)).status).toBe(200);
		expect((await formPost(`${b.url}/logout`, {}, { cookie })).status).toBe(303);
		const after = await get(`${a.url}/admin`, cookie);
		expect(after.status).toBe(303);
		expect(after.headers.get('location')).toMatch(/^\/login/);
	});

	it('reports a save made on a stale revision through the other node as a conflict, keeping both saves', async () => {
		const start = (await response()).revision;
		const first = await autosave(a, { _page: '1', _revision: String(start), sat_responsiveness: '4' });
		expect(first).toMatchObject({ ok: true, revision: start + 1, conflict: false });
		// The same respondent's other tab, still at the old revision, saves page 0 through node B.
		const stale = await formPost(`${b.url}${tokenPath()}`, { _action: 'save', _page: '0', _revision: String(start), respondent_category: 'academia' });
		expect(stale.status).toBe(200);
		expect(await stale.text()).toContain('notice warning');
		const after = await response();
		expect(after.revision).toBe(start + 2);
		expect(after.answers).toMatchObject({ respondent_category: 'academia' });
		expect(String(after.answers.sat_responsiveness)).toBe('4');
	});

	it('loses no page when both nodes save the same response at the same moment', async () => {
		const categories = ['member_state', 'sector_member', 'associate', 'academia', 'rto'];
		for (let round = 0; round < 10; round++) {
			const { revision } = await response();
			const category = categories[round % categories.length]!;
			const score = String((round % 5) + 1);
			const [onA, onB] = await Promise.all([
				autosave(a, { _page: '0', _revision: String(revision), respondent_category: category }),
				autosave(b, { _page: '1', _revision: String(revision), sat_responsiveness: score })
			]);
			expect(onA.ok && onB.ok).toBe(true);
			// Whichever came second saw a revision it did not send: told, not hidden.
			expect(onA.conflict || onB.conflict).toBe(true);
			const after = await response();
			expect(after.revision).toBe(revision + 2);
			expect(after.answers.respondent_category).toBe(category);
			expect(String(after.answers.sat_responsiveness)).toBe(score);
		}
	});

	it(`sends each of ${MAILS} and more queued e-mails exactly once although both nodes run a sender`, async () => {
		const entities = await sqlAll<{ code: string; name: string; country_iso3: string }>(
			a.dbPath,
			`select code, name, country_iso3 from entity where kind = 'member_state' and country_iso3 is not null order by code limit ${MAILS}`
		);
		expect(entities).toHaveLength(MAILS);
		const csv = [
			'code,kind,name,country,language,contact_name,contact_email,contact_language,contact2_name,contact2_email',
			...entities.map((e, i) => `${e.code},member_state,"${e.name}",${e.country_iso3},en,Focal point ${i},focal${i}@nodes.example.org,en,,`)
		].join('\n');
		const file = `${a.dir}/registry.csv`;
		writeFileSync(file, csv);
		runCli(a, 'registry:import', file);
		// Queued only (the CLI has no SMTP_URL): the two servers' senders deliver.
		runCli(a, 'invite', '--edition', 'rp-2026', '--all', '--send');

		// Entities of the demo registry may have focal points already: they are mailed too.
		const queued = (await sqlAll<{ to_email: string }>(a.dbPath, `select to_email from outbox_message`)).map((m) => m.to_email).sort();
		expect(queued.length).toBeGreaterThanOrEqual(MAILS);

		const deadline = Date.now() + 60_000;
		const sent = async () => Number((await sqlGet<{ n: number }>(a.dbPath, `select count(*) as n from outbox_message where state = 'sent'`))!.n);
		// Each sender logs what a finished round sent ("outbox: N sent"). Wait until every row is
		// sent and the senders' finished rounds account for every message the SMTP server got:
		// a second delivery of a row would then show, in the SMTP server and in a sender's count.
		const logged = () => [a, b].reduce((sum, node) => sum + [...node.output().matchAll(/outbox: (\d+) sent/g)].reduce((n, m) => n + Number(m[1]), 0), 0);
		while (((await sent()) < queued.length || logged() !== smtp.received.length) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
		expect(logged()).toBe(queued.length);

		expect(await sent()).toBe(queued.length);
		expect(smtp.received.map((m) => m.to).sort()).toEqual(queued);
		const states = await sqlAll<{ state: string; n: number }>(a.dbPath, `select state, count(*) as n from outbox_message group by state`);
		expect(states.map((s) => [s.state, Number(s.n)])).toEqual([['sent', queued.length]]);
		// Both senders took part (each logs what it sent), or the test proved nothing.
		for (const node of [a, b]) expect(node.output()).toMatch(/outbox: [1-9]\d* sent/);
	});
});

// SQLite is one machine's file: several processes starting on it at once is not a
// deployment we offer (docs/postgresql.md), so this runs on PostgreSQL only.
describe.skipIf(!postgresMode())('nodes starting at the same moment on an empty PostgreSQL database', () => {
	it('all start: one migrates and creates the edition and the administrator, the others find them', async () => {
		const database = await createTestDatabase();
		const nodes: RunningServer[] = [];
		try {
			const env = { DATABASE_URL: database.url, ADMIN_PASSWORD: PASSWORD };
			nodes.push(...(await Promise.all([startServer(env), startServer(env), startServer(env)])));
			const migrated = nodes.filter((n) => /migrations applied/.test(n.output()));
			expect(migrated).toHaveLength(1);
			for (const node of nodes) expect((await fetch(`${node.url}/readyz`)).status).toBe(200);
			const counts = await sqlGet<{ editions: number; admins: number }>(
				database.url,
				`select (select count(*) from edition) as editions, (select count(*) from app_user where role = 'admin') as admins`
			);
			expect(counts).toEqual({ editions: 1, admins: 1 });
		} finally {
			for (const node of nodes) await node.stop();
			await database.drop();
		}
	});
});
