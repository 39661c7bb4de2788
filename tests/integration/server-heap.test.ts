// The server sizes its own V8 heap (src/lib/server/platform/heap-flags.ts, issue 16 item 7):
// under bench/page-turns.ts V8's defaults held 378–559 MB, mostly uncollected garbage in a
// 2 × 64 MB young generation and an old generation left to grow to several times its live
// data. The process restarts itself once with the flags, keeping its pid.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.ts';

let server: RunningServer;
beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

describe('server heap', () => {
	it('runs with a small young generation and bounded old-generation growth, as the process the caller started', async () => {
		const args = readFileSync(`/proc/${server.process.pid}/cmdline`, 'utf8').split('\0');
		expect(args).toContain('--max-semi-space-size=16');
		expect(args).toContain('--heap-growing-percent=50');
		expect(args.at(-2)).toMatch(/server\.js$/);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	});
});
