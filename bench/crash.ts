// bench/crash: under load, kill the server with SIGKILL at random moments, 20 times,
// restarting it each time on the same SQLite file. Afterwards every page save that
// was answered 2xx must be in the database (or a later save of the same respondent),
// and SQLite's integrity check must pass. Then a graceful stop: SIGTERM under load,
// and every request already sent must still be answered.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { request as httpRequest } from 'node:http';
import { issueTokens, saveBody } from './lib/respondents.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 20);
const RESPONDENTS = Number(process.env.RESPONDENTS ?? 50);
const ROOT = new URL('..', import.meta.url).pathname;

async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const srv = createServer().listen(0, '127.0.0.1', () => {
			const address = srv.address();
			srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

async function start(dbPath: string, port: number): Promise<ChildProcess> {
	const child = spawn(process.execPath, [join(ROOT, 'server.js')], {
		cwd: ROOT,
		env: {
			...process.env,
			DATABASE_URL: dbPath,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			DEMO: '0',
			ADMIN_PASSWORD: 'crash-test-password',
			SHUTDOWN_TIMEOUT: '10'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	child.stdout!.on('data', (d) => (out += d));
	child.stderr!.on('data', (d) => (out += d));
	const deadline = Date.now() + 30_000;
	while (!out.includes('Listening on')) {
		if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
		await new Promise((r) => setTimeout(r, 20));
	}
	return child;
}

const exited = (child: ChildProcess) => new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));

interface Respondent {
	token: string;
	revision: number;
	seq: number;
	/** The highest save number answered 2xx. */
	acked: number;
}

/** One respondent saving as fast as the server answers, until `stop()` or an error. */
async function saveLoop(
	url: string,
	origin: string,
	r: Respondent,
	running: () => boolean,
	inflight: { sent: number; answered: number; failed: number }
): Promise<void> {
	while (running()) {
		const seq = ++r.seq;
		inflight.sent++;
		try {
			const res = await fetch(`${url}/r/${r.token}/autosave`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded', origin, accept: 'application/json' },
				body: saveBody(r.revision, seq)
			});
			const body = (await res.json()) as { ok: boolean; revision: number };
			if (res.ok && body.ok) {
				r.acked = Math.max(r.acked, seq);
				r.revision = body.revision;
				inflight.answered++;
			} else inflight.failed++;
		} catch {
			inflight.failed++;
			return;
		}
	}
}

const dir = mkdtempSync(join(tmpdir(), 'rps-crash-'));
const dbPath = join(dir, 'survey.db');
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
let server = await start(dbPath, port);
const respondents: Respondent[] = (await issueTokens(dbPath, url, RESPONDENTS)).map((token) => ({ token, revision: 0, seq: 0, acked: 0 }));
await Promise.all(respondents.map((r) => fetch(`${url}/r/${r.token}`).then((res) => res.arrayBuffer())));

let acknowledged = 0;
for (let round = 1; round <= ROUNDS; round++) {
	const counts = { sent: 0, answered: 0, failed: 0 };
	let running = true;
	const loops = respondents.map((r) => saveLoop(url, url, r, () => running, counts));
	await new Promise((r) => setTimeout(r, 300 + Math.random() * 1200));
	server.kill('SIGKILL');
	await exited(server);
	running = false;
	await Promise.all(loops);
	acknowledged += counts.answered;
	console.log(`round ${String(round).padStart(2)}: SIGKILL after ${counts.answered} saves answered 2xx (${counts.failed} cut off)`);
	server = await start(dbPath, port);
}

// Graceful stop: SIGTERM while saves are in flight. Each request here has its own
// connection (no keep-alive), so "in flight" means the server had accepted it; every
// one of those must be answered.
const GRACEFUL_SAVES_EACH = 8;
const graceful = { sent: 0, answered: 0, failed: 0, reasons: [] as string[] };
const oneShot = (r: Respondent) =>
	new Promise<void>((resolve) => {
		const body = saveBody(r.revision, ++r.seq);
		const req = httpRequest(
			`${url}/r/${r.token}/autosave`,
			{
				method: 'POST',
				agent: false,
				headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url, 'content-length': Buffer.byteLength(body) }
			},
			(res) => {
				let text = '';
				res.on('data', (d) => (text += d));
				res.on('end', () => {
					if (res.statusCode === 200) {
						graceful.answered++;
						// Not counted in r.acked: eight saves of one respondent race each other here,
						// so the last one answered need not be the last one stored. The kill rounds check durability.
						r.revision = JSON.parse(text).revision;
					} else {
						graceful.failed++;
						graceful.reasons.push(`HTTP ${res.statusCode} ${text.slice(0, 80)}`);
					}
					resolve();
				});
			}
		);
		req.on('error', (e) => {
			graceful.failed++;
			graceful.reasons.push(e.message);
			resolve();
		});
		graceful.sent++;
		req.end(body);
	});
// Several saves per respondent, each on its own connection, and SIGTERM soon after:
// with autosave at ~1,000/s, 50 saves and a 200 ms pause left none in flight.
const inFlight = respondents.flatMap((r) => Array.from({ length: GRACEFUL_SAVES_EACH }, () => oneShot(r)));
await new Promise((r) => setTimeout(r, 30));
const answeredBeforeTerm = graceful.answered;
server.kill('SIGTERM');
await Promise.all(inFlight);
const sentBeforeTerm = graceful.sent - answeredBeforeTerm;
await exited(server);

const db = new SQLite(dbPath, { readonly: true });
const integrity = db.pragma('integrity_check', { simple: true });
const lookup = db.prepare(
	`select r.answers_json from response r join invitation i on i.id = r.invitation_id join invitation_link l on l.invitation_id = i.id where l.token_hash = ?`
);
const { createHash } = await import('node:crypto');
let lost = 0;
for (const r of respondents) {
	const row = lookup.get(createHash('sha256').update(r.token).digest('hex')) as { answers_json: string } | undefined;
	const stored = Number(/^save (\d+)$/.exec(JSON.parse(row?.answers_json ?? '{}').suggestions ?? '')?.[1] ?? 0);
	if (stored < r.acked) {
		lost++;
		console.log(`LOST: respondent ${r.token.slice(0, 6)}… acknowledged save ${r.acked}, database has ${stored}`);
	}
}
db.close();
rmSync(dir, { recursive: true, force: true });

console.log(`\n${ROUNDS} SIGKILLs under load by ${RESPONDENTS} respondents; ${acknowledged} saves answered 2xx before the kills`);
console.log(`acknowledged saves missing afterwards: ${lost}   (${lost === 0 ? 'PASS' : 'FAIL'})`);
console.log(`SQLite integrity_check: ${integrity}   (${integrity === 'ok' ? 'PASS' : 'FAIL'})`);
console.log(
	`graceful SIGTERM: ${sentBeforeTerm} saves in flight when it came, ${graceful.answered} answered 2xx, ${graceful.failed} failed   (${graceful.failed === 0 ? 'PASS' : 'FAIL'})`
);
if (graceful.reasons.length) console.log(`  failures: ${[...new Set(graceful.reasons)].join('; ')}`);
process.exitCode = lost === 0 && integrity === 'ok' && graceful.failed === 0 ? 0 : 1;
