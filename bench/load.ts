// bench/load: 200 concurrent respondents saving pages (the autosave endpoint, the same
// service as a page post), against the built server on a fresh SQLite file.
// Prints saves per second, p50/p99 latency, and the ratio to the raw SQLite insert
// rate measured in the same run with the same durability (WAL, synchronous=FULL,
// one transaction per row). Target (issue "Scale and proof"): >= 3,000 saves/s, p99 <= 50 ms.
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../tests/helpers/server.ts';
import { issueTokens, saveBody } from './lib/respondents.ts';

const CONNECTIONS = Number(process.env.CONNECTIONS ?? 200);
const DURATION_S = Number(process.env.DURATION ?? 15);
const BASELINE_MS = 3_000;
const TARGET_SAVES = 3_000;
const TARGET_P99_MS = 50;

/** Raw better-sqlite3 inserts, one durable transaction each: the ceiling a save can approach. */
function rawInsertRate(): number {
	const dir = mkdtempSync(join(tmpdir(), 'rps-raw-'));
	const db = new SQLite(join(dir, 'raw.db'));
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = FULL');
	db.exec('create table t (id integer primary key, body text not null)');
	const insert = db.prepare('insert into t (body) values (?)');
	const body = JSON.stringify({ suggestions: 'x'.repeat(200), sat_responsiveness: 4 });
	let n = 0;
	const end = performance.now() + BASELINE_MS;
	while (performance.now() < end) {
		insert.run(body);
		n++;
	}
	db.close();
	rmSync(dir, { recursive: true, force: true });
	return n / (BASELINE_MS / 1000);
}

const server = await startServer({ DEMO: '1', WARM_MODELS: '1' }); // models warmed as in production (test servers skip it);
try {
	const tokens = await issueTokens(server.dbPath, server.url, CONNECTIONS);
	// Open every link once, as a respondent would, so each has its response row.
	await Promise.all(tokens.map((t) => fetch(`${server.url}/r/${t}`, { headers: { accept: 'text/html' } }).then((r) => r.arrayBuffer())));
	const raw = rawInsertRate();
	let next = 0;
	let seq = 0;
	const result = await autocannon({
		url: server.url,
		connections: CONNECTIONS,
		duration: DURATION_S,
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, accept: 'application/json' },
		requests: [
			{
				method: 'POST',
				setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
					context.token ??= tokens[next++ % tokens.length];
					context.revision ??= 0;
					return { ...req, path: `/r/${context.token}/autosave`, body: saveBody(Number(context.revision), seq++) };
				},
				onResponse: (status: number, body: string, context: Record<string, unknown>) => {
					if (status === 200) context.revision = JSON.parse(body).revision;
				}
			}
		]
	} as autocannon.Options);
	const saves = result['2xx'] / DURATION_S;
	const p50 = result.latency.p50;
	const p99 = result.latency.p99;
	console.log(
		`connections ${CONNECTIONS}, ${DURATION_S} s, ${result['2xx']} saves answered 2xx, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`
	);
	console.log(`saves/s              ${saves.toFixed(0)}   (target >= ${TARGET_SAVES}: ${saves >= TARGET_SAVES ? 'PASS' : 'MISS'})`);
	console.log(`latency p50 / p99    ${p50} ms / ${p99} ms   (p99 target <= ${TARGET_P99_MS} ms: ${p99 <= TARGET_P99_MS ? 'PASS' : 'MISS'})`);
	console.log(`raw SQLite inserts/s ${raw.toFixed(0)}   (same durability, one process, no HTTP)`);
	console.log(`ratio saves / raw    ${(saves / raw).toFixed(3)}`);
} finally {
	await server.stop();
}
