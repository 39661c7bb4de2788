// Loaded into the benchmarked server (NODE_OPTIONS=--import, by bench/page-turns.ts): on each
// SIGUSR2 it appends one JSON line to RPS_PROBE_FILE — the event-loop delay since the previous
// signal (p50, p99, max: how long a ready request waited behind whatever ran) and the heap by
// space — then starts a new histogram. Only in the process running server.js.
import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import v8 from 'node:v8';

const file = process.env.RPS_PROBE_FILE;
if (file && process.argv[1]?.endsWith('server.js')) {
	const delay = monitorEventLoopDelay({ resolution: 2 });
	delay.enable();
	const mb = (bytes: number) => Math.round(bytes / 1048576);
	process.on('SIGUSR2', () => {
		const memory = process.memoryUsage();
		const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name.replace(/_space$/, ''), mb(s.space_size)]));
		const ms = (ns: number) => Math.round(ns / 1e4) / 100;
		const line = {
			at: Date.now(),
			delay: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
			rss: mb(memory.rss),
			heapTotal: mb(memory.heapTotal),
			heapUsed: mb(memory.heapUsed),
			spaces
		};
		appendFileSync(file, JSON.stringify(line) + '\n');
		delay.reset();
	});
}
