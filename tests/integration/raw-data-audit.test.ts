import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, runCli, type RunningServer } from '../helpers/server.ts';
import { get, seedUsers, signInCookie } from '../helpers/access-http.ts';
import { createDb, type Db } from '../../src/lib/server/db/create-db.ts';
import { insertSyntheticResponses } from '../../src/lib/server/analysis/demo.ts';

/**
 * Issue 12 item 5: every raw-data download (microdata CSV and XLSX, codebook, open answers,
 * non-responders) writes exactly one audit entry saying who, which file, when and which
 * edition; a refused download writes none. Real HTTP against the built server.
 */
let server: RunningServer;
let db: Db;
const PASSWORD = 'a long enough password';
const ADMIN = 'admin@example.org';
const cookies: Record<string, string> = {};
let editionId = '';
const ACTION = 'data.download';

beforeAll(async () => {
	server = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: ADMIN });
	db = createDb(server.dbPath);
	await insertSyntheticResponses(db, 'rp-2026', 150, 11);
	editionId = (await db.selectFrom('edition').select('id').where('slug', '=', 'rp-2026').executeTakeFirstOrThrow()).id;
	await seedUsers(
		server.dbPath,
		[
			{ email: 'analyst@example.org', role: 'analyst' },
			{ email: 'coordinator@example.org', role: 'coordinator' },
			{ email: 'council@example.org', role: 'council' }
		],
		PASSWORD
	);
	for (const role of ['analyst', 'coordinator', 'council']) cookies[role] = await signInCookie(server.url, `${role}@example.org`, PASSWORD);
	cookies.admin = await signInCookie(server.url, ADMIN, PASSWORD);
});
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
});

const downloads = () => db.selectFrom('audit_log').selectAll().where('action', '=', ACTION).orderBy('at').orderBy('id').execute();

/** Downloads `path` as `who` and returns the audit entries it added. */
async function download(who: string, path: string, status = 200) {
	const before = await downloads();
	const started = new Date().toISOString();
	const res = await get(`${server.url}${path}`, cookies[who]);
	expect(res.status, path).toBe(status);
	await res.arrayBuffer();
	const added = (await downloads()).slice(before.length);
	return { added, started, finished: new Date().toISOString(), res };
}

describe('raw-data downloads are audited', () => {
	const files: [string, string, string, number][] = [
		['analyst', '/admin/results/rp-2026/export/microdata.csv', 'microdata.csv', 150],
		['analyst', '/admin/results/rp-2026/export/microdata.xlsx', 'microdata.xlsx', 150],
		['analyst', '/admin/results/rp-2026/export/codebook.csv', 'codebook.csv', 0],
		['admin', '/admin/results/rp-2026/comments/comments.csv?language=fr', 'comments.csv', 0],
		['coordinator', '/admin/editions/rp-2026/non-responders.csv', 'non-responders.csv', 0]
	];

	it.each(files)('%s downloading %s writes one entry: who, which file, when, which edition', async (who, path, file) => {
		const { added, started, finished } = await download(who, path);
		expect(added).toHaveLength(1);
		const entry = added[0]!;
		const user = await db
			.selectFrom('app_user')
			.select(['id', 'email'])
			.where('email', '=', who === 'admin' ? ADMIN : `${who}@example.org`)
			.executeTakeFirstOrThrow();
		expect(entry.actor).toBe(user.email);
		expect(entry.actor_user_id).toBe(user.id);
		expect(entry.target_type).toBe('edition');
		expect(entry.target_id).toBe(editionId);
		expect(entry.at >= started && entry.at <= finished).toBe(true);
		expect(entry.ip).toBeTruthy();
		const details = JSON.parse(entry.details_json!) as Record<string, unknown>;
		expect(details).toMatchObject({ edition: 'rp-2026', file });
		expect(typeof details.rows).toBe('number');
		if (file === 'comments.csv') expect(details.filter).toMatchObject({ language: 'fr' });
	});

	it('counts the rows a file holds', async () => {
		const { added, res } = await download('analyst', '/admin/results/rp-2026/export/microdata.csv');
		const submitted = await db
			.selectFrom('response')
			.select((e) => e.fn.countAll<number>().as('n'))
			.where('edition_id', '=', editionId)
			.where('state', '=', 'submitted')
			.executeTakeFirstOrThrow();
		expect(JSON.parse(added[0]!.details_json!).rows).toBe(Number(submitted.n));
		expect(res.headers.get('content-disposition')).toContain('microdata.csv');
	});

	it('writes no download entry for a refused download', async () => {
		const { added } = await download('council', '/admin/results/rp-2026/export/microdata.csv', 403);
		expect(added).toEqual([]);
		expect((await download('analyst', '/admin/results/rp-2026/export/nothing.csv', 400)).added).toEqual([]);
		expect((await download('analyst', '/admin/results/no-such-edition/export/microdata.csv', 404)).added).toEqual([]);
	});

	it('shows the entries to an administrator on /admin/audit', async () => {
		const res = await get(`${server.url}/admin/audit?action=${ACTION}`, cookies.admin);
		expect(res.status).toBe(200);
		const page = await res.text();
		for (const [who, , file] of files) {
			// The log shows details as "key: value" lines and names the edition by its title (issue 14), its id in a title attribute or not at all.
			const row = [...page.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!).find((r) => r.includes(`file: ${file}`));
			expect(row, file).toBeDefined();
			expect(row).toContain(who === 'admin' ? ADMIN : `${who}@example.org`);
			expect(row!.includes(editionId) || row!.includes('Survey of satisfaction with ITU')).toBe(true);
		}
	});

	// Last: the command line takes seconds, long enough for the server to drop idle keep-alive connections.
	it('audits an export from the command line as "cli"', async () => {
		const before = (await downloads()).length;
		runCli(server, 'export', '--edition', 'rp-2026', '--file', 'codebook.csv', '--out', `${server.dir}/codebook.csv`);
		const added = (await downloads()).slice(before);
		expect(added.map((a) => [a.actor, JSON.parse(a.details_json!).file])).toEqual([['cli', 'codebook.csv']]);
	});
});
