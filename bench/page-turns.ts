// bench/page-turns: N respondents without JavaScript turning pages as fast as the server
// lets them (a closed loop): POST the page's answers with "next" → 303 → GET the next page.
// A turn is that pair: a validated save and a drawn page. After D seconds the same client,
// with the same N sockets, asks /healthz for D seconds: the ratio turns/s ÷ healthz/s is
// what stays meaningful on a shared machine. Also prints the server's CPU time per turn
// and per /healthz (from /proc, not disturbed by other processes' load) and its peak RSS.
// Targets (issue 16): ratio ≥ 0.25, p99 ≤ 100 ms (item 3); RSS ≤ 300 MB (item 7).
//
//   node bench/page-turns.ts                 # RESPONDENTS=40 DURATION=15 (seconds per phase)
//   PROFILE=/tmp/prof node bench/page-turns.ts   # server under --cpu-prof, then:
//   PHASE=turns node bench/lib/profile-summary.ts /tmp/prof/*.cpuprofile   # the measured turns only
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../tests/helpers/server.ts';
import { issueTokens } from './lib/respondents.ts';
import { createClient, percentile, processUsage } from './lib/http-client.ts';
import { walkOnce, type Walk } from './lib/no-js-walk.ts';

const RESPONDENTS = Number(process.env.RESPONDENTS ?? 40);
const DURATION_S = Number(process.env.DURATION ?? 15);
const TARGET_RATIO = 0.25;
const TARGET_P99_MS = 100;
const TARGET_RSS_MB = 300;
const RSS_SAMPLE_MS = 250;

// The server carries a probe (lib/server-probe.ts): its event-loop delay and heap per phase.
const probeFile = join(mkdtempSync(join(tmpdir(), 'rps-probe-')), 'probe.jsonl');
const probeModule = fileURLToPath(new URL('./lib/server-probe.ts', import.meta.url));
// WARM_MODELS: as in production (test servers skip warming).
const env: Record<string, string> = { DEMO: '1', WARM_MODELS: '1', RPS_PROBE_FILE: probeFile, NODE_OPTIONS: `--import ${probeModule}` };
if (process.env.PROFILE) env.NODE_OPTIONS += ` --cpu-prof --cpu-prof-dir=${process.env.PROFILE}`;
if (process.env.WORKERS) env.WORKERS = process.env.WORKERS;
const server = await startServer(env);
const client = createClient(server.url, RESPONDENTS);
const pid = server.process.pid!;

const revisionOf = (html: string) => Number(/name="_revision" value="(\d+)"/.exec(html)?.[1] ?? NaN);
const pageOf = (html: string) => Number(/name="_page" value="(\d+)"/.exec(html)?.[1] ?? NaN);

interface ProbeLine {
	delay: { p50: number; p99: number; max: number };
	rss: number;
	heapUsed: number;
	spaces: Record<string, number>;
}
const probeLines = () => (existsSync(probeFile) ? readFileSync(probeFile, 'utf8').trim().split('\n').filter(Boolean) : []);
/** The server's event-loop delay since the last call, and its heap now (a new histogram starts). */
async function probe(): Promise<ProbeLine | null> {
	const before = probeLines().length;
	process.kill(pid, 'SIGUSR2');
	for (const deadline = Date.now() + 5_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 10))) {
		const lines = probeLines();
		if (lines.length > before) return JSON.parse(lines.at(-1)!) as ProbeLine;
	}
	return null;
}

/** Runs `loop` on every respondent until the deadline; returns what they counted. */
async function phase(each: (i: number, until: number, latencies: number[]) => Promise<number>) {
	const latencies: number[] = [];
	await probe();
	const before = await processUsage(pid);
	let peakRss = before.rssMb;
	const sampler = setInterval(
		() =>
			void processUsage(pid).then(
				(u) => (peakRss = Math.max(peakRss, u.rssMb)),
				() => {}
			),
		RSS_SAMPLE_MS
	);
	const startedUs = process.hrtime.bigint() / 1000n;
	const started = performance.now();
	const until = started + DURATION_S * 1000;
	const counts = await Promise.all(Array.from({ length: RESPONDENTS }, (_, i) => each(i, until, latencies)));
	const seconds = (performance.now() - started) / 1000;
	// Monotonic µs, the clock of V8's profile timestamps: profile-summary.ts can keep this phase's samples only.
	const window = [Number(startedUs), Number(process.hrtime.bigint() / 1000n)];
	clearInterval(sampler);
	const after = await processUsage(pid);
	const server = await probe();
	latencies.sort((a, b) => a - b);
	const done = latencies.length;
	return {
		done,
		errors: counts.reduce((a, b) => a + b, 0),
		rate: done / seconds,
		p50: percentile(latencies, 50),
		p99: percentile(latencies, 99),
		cpuMsEach: (after.cpuMs - before.cpuMs) / Math.max(1, done),
		window,
		server,
		peakRss: Math.max(peakRss, after.rssMb)
	};
}

const startRss = (await processUsage(pid)).rssMb;
try {
	const tokens = await issueTokens(server.dbPath, server.url, RESPONDENTS);
	// Each respondent first answers its way to the last page once (not measured): that records
	// valid answers for every page, which the measured walk then posts again and again.
	const walks: Walk[] = [];
	for (const token of tokens) walks.push(await walkOnce(client, `/r/${token}`));
	const pages = walks[0]!.bodies.length;

	const turns = await phase(async (i, until, latencies) => {
		const { path, bodies } = walks[i]!;
		let errors = 0;
		let html = (await client.request('GET', `${path}?page=0`)).body;
		while (performance.now() < until) {
			const page = pageOf(html);
			const last = page === bodies.length - 1;
			// Forward with "next"; from the last page back to the first ("goto:0" saves and validates too).
			const body = new URLSearchParams([...bodies[page]!, ['_revision', String(revisionOf(html))], ['_action', last ? 'goto:0' : 'next']]).toString();
			const t0 = performance.now();
			const posted = await client.request('POST', path, body);
			if (posted.status !== 303 || !posted.location) {
				errors++;
				html = (await client.request('GET', `${path}?page=0`)).body;
				continue;
			}
			const shown = await client.request('GET', posted.location);
			latencies.push(performance.now() - t0);
			if (shown.status !== 200) errors++;
			html = shown.body;
		}
		return errors;
	});

	const health = await phase(async (_i, until, latencies) => {
		let errors = 0;
		while (performance.now() < until) {
			const t0 = performance.now();
			const reply = await client.request('GET', '/healthz');
			latencies.push(performance.now() - t0);
			if (reply.status !== 200) errors++;
		}
		return errors;
	});

	if (process.env.PROFILE) writeFileSync(join(process.env.PROFILE, 'phases.json'), JSON.stringify({ turns: turns.window, healthz: health.window }));
	const ratio = turns.rate / health.rate;
	const peakRss = Math.max(turns.peakRss, health.peakRss);
	const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
	console.log(
		`respondents ${RESPONDENTS} without JavaScript, ${pages} pages each, ${DURATION_S} s per phase; server pid ${pid}${process.env.WORKERS ? ` (WORKERS=${process.env.WORKERS}: CPU and RSS are the primary's only)` : ''}`
	);
	console.log(`page turns          ${turns.done} (POST next → 303 → GET), ${turns.errors} errors`);
	console.log(`turns/s             ${turns.rate.toFixed(1)}`);
	console.log(
		`turn p50 / p99      ${turns.p50.toFixed(1)} ms / ${turns.p99.toFixed(1)} ms   (p99 target <= ${TARGET_P99_MS} ms: ${verdict(turns.p99 <= TARGET_P99_MS)})`
	);
	console.log(`server CPU / turn   ${turns.cpuMsEach.toFixed(2)} ms`);
	console.log(
		`/healthz/s          ${health.rate.toFixed(0)}   (same client, same ${RESPONDENTS} sockets; p50 ${health.p50.toFixed(1)} ms, p99 ${health.p99.toFixed(1)} ms, ${health.errors} errors)`
	);
	console.log(`server CPU / healthz ${health.cpuMsEach.toFixed(3)} ms`);
	console.log(
		`ratio turns/healthz ${ratio.toFixed(3)}   (target >= ${TARGET_RATIO}: ${verdict(ratio >= TARGET_RATIO)}); CPU ratio healthz/turn ${(health.cpuMsEach / turns.cpuMsEach).toFixed(3)}`
	);
	const probed = turns.server;
	if (probed) {
		console.log(
			`server event loop   delay during the turns p50 ${probed.delay.p50} ms, p99 ${probed.delay.p99} ms, max ${probed.delay.max} ms (how long ready work waited)`
		);
		console.log(`server heap         after the turns: young ${probed.spaces.new} MB, old ${probed.spaces.old} MB, used ${probed.heapUsed} MB`);
	}
	console.log(
		`server RSS peak     ${peakRss.toFixed(0)} MB, ${startRss.toFixed(0)} MB after start   (target <= ${TARGET_RSS_MB} MB: ${verdict(peakRss <= TARGET_RSS_MB)})`
	);
	if (turns.errors > 0 || turns.done === 0) process.exitCode = 1;
} finally {
	client.close();
	await server.stop();
}
