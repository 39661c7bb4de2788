import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { ADDRESS_MAX_MISSES } from '../../src/lib/domain/invitation/guess-throttle.ts';

let server: RunningServer;

beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

const page = (path: string) => fetch(`${server.url}${path}`, { headers: { accept: 'text/html' } });

describe('respondent-link guessing', () => {
	it('answers misses with the invalid-link page until the address has missed too often, then refuses every lookup from it for a while', async () => {
		expect((await page(new URL(server.demoLink).pathname)).status).toBe(200);
		for (let i = 0; i < ADDRESS_MAX_MISSES; i++) {
			const res = await page(`/r/${String(i).padStart(32, 'a').replace(/[0-9]/g, 'b')}`);
			expect(res.status).toBe(404);
		}
		const refused = await page(new URL(server.demoLink).pathname);
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		const body = await refused.text();
		expect(body).toContain('Too many attempts');
		expect(body).toContain('Trop de tentatives');
		const autosave = await fetch(`${server.demoLink}/autosave`, {
			method: 'POST',
			headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
			body: '_page=0&_revision=0'
		});
		expect(autosave.status).toBe(429);
		expect(await autosave.json()).toMatchObject({ code: 'too_many_attempts' });
	});
});
