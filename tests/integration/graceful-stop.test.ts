import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { startServer, newLink, type RunningServer } from '../helpers/server.ts';

/**
 * SIGTERM while respondents are saving: every request the server has received gets
 * its answer, /readyz says "draining" so a load balancer stops sending people here,
 * and the process then exits by itself (server.js).
 */
let server: RunningServer;
const ENTITIES = ['MS-FRA', 'MS-BRA', 'MS-JPN', 'MS-KEN'];

beforeAll(async () => {
	server = await startServer({ SHUTDOWN_DRAIN_MS: '3000', DEMO: '0' });
});
afterAll(async () => {
	await server?.stop();
});

/** One save on its own connection (no keep-alive), as a new respondent's browser would. */
function save(link: string, n: number): Promise<number> {
	const body = `_page=4&_revision=0&suggestions=${encodeURIComponent(`save ${n}`)}`;
	return new Promise((resolve, reject) => {
		const req = request(
			`${link}/autosave`,
			{
				method: 'POST',
				agent: false,
				headers: {
					'content-type': 'application/x-www-form-urlencoded',
					origin: server.url,
					accept: 'application/json',
					'content-length': Buffer.byteLength(body)
				}
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? 0));
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

describe('graceful stop', () => {
	it('answers every save in flight at SIGTERM, reports draining, then exits 0', async () => {
		const links: string[] = [];
		for (const e of ENTITIES) links.push(await newLink(server, e));
		await Promise.all(links.map((l) => fetch(l).then((r) => r.arrayBuffer())));
		const saves = links.flatMap((l, i) => [save(l, i), save(l, i + 100), save(l, i + 200)]);
		const exited = new Promise<number | null>((r) => server.process.once('exit', (code) => r(code)));
		server.process.kill('SIGTERM');
		// During the drain the server still answers, but says it is going away (as soon as
		// the signal is handled; the machine may be busy, so ask a few times).
		let ready = await fetch(`${server.url}/readyz`);
		for (let i = 0; i < 50 && ready.status === 200; i++) {
			await new Promise((r) => setTimeout(r, 20));
			ready = await fetch(`${server.url}/readyz`);
		}
		expect(ready.status).toBe(503);
		expect(await ready.json()).toEqual({ status: 'draining' });
		const statuses = await Promise.all(saves);
		expect(statuses.filter((s) => s !== 200)).toEqual([]);
		expect(await exited).toBe(0);
		expect(server.output()).toMatch(/stopped: every request answered/);
	}, 60_000);
});
