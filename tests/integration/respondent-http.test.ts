import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlGet, sqlRun } from '../helpers/sql.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';

let server: RunningServer;

beforeAll(async () => {
	server = await startServer();
});
afterAll(async () => {
	await server?.stop();
});

function post(url: string, body: Record<string, string> | string, headers: Record<string, string> = {}) {
	const data = typeof body === 'string' ? body : new URLSearchParams(body).toString();
	return fetch(url, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', origin: server.url, 'content-type': 'application/x-www-form-urlencoded', ...headers },
		body: data
	});
}

async function revisionOf(entity: string): Promise<number> {
	const row = await sqlGet<{ revision: number }>(
		server.dbPath,
		'select r.revision from response r join entity e on e.id = r.entity_id where e.code = ?',
		entity
	);
	return row?.revision ?? -1;
}

/** CSP nonces differ per response; nothing else may. */
const withoutNonce = (html: string) => html.replace(/nonce="[^"]*"/g, '');

const SIX_LANGUAGE_TITLES = ['This link cannot be used'];

describe('respondent links over HTTP', () => {
	// Issue 16 item 5: on a 2G link each extra round trip costs 300 ms, so the first question must be
	// answerable from the document alone: styles inside it, scripts deferred, ≤ 14 KB compressed.
	it('draws a questionnaire page answerable after one round trip', async () => {
		const res = await fetch(server.demoLink, { headers: { accept: 'text/html' } });
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('type="radio"');
		// SvelteKit keeps a disabled <link> (media "(max-width: 0)") for client-side navigation: it blocks nothing.
		const blockingLinks = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].filter((m) => !/\sdisabled\b/.test(m[0]));
		expect(blockingLinks).toEqual([]);
		expect(html).toMatch(/<style[^>]*>[^<]*\.question/);
		// A nonce or hash in style-src would make browsers ignore 'unsafe-inline' and drop that <style>.
		expect(res.headers.get('content-security-policy')).toMatch(/style-src 'self' 'unsafe-inline'(;|$)/);
		const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=[^>]*>/g)].map((m) => m[0]);
		expect(scripts.length).toBeGreaterThan(0);
		for (const tag of scripts) expect(tag).toMatch(/\sdefer\b|\sasync\b|type="module"/);
		const headerBytes = [...res.headers].reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
		expect(gzipSync(html).length + headerBytes).toBeLessThanOrEqual(14_000);
	});

	it('answers an unknown, a malformed and a well-formed but unknown token with the same page', async () => {
		const responses = await Promise.all(
			['/r/nope', '/r/' + 'a'.repeat(32), '/r/' + 'b'.repeat(32)].map((p) => fetch(server.url + p, { headers: { accept: 'text/html' } }))
		);
		const bodies = await Promise.all(responses.map((r) => r.text()));
		for (const r of responses) expect(r.status).toBe(404);
		for (const t of SIX_LANGUAGE_TITLES) expect(bodies[0]).toContain(t);
		expect(bodies[0]).toMatch(/lang="ar"[^>]*dir="rtl"/);
		expect(withoutNonce(bodies[1]!)).toBe(withoutNonce(bodies[2]!));
	});

	it('saves a genuine page post and moves on', async () => {
		const before = await revisionOf('MS-SEN');
		const res = await post(server.demoLink, {
			_action: 'next',
			_page: '0',
			_revision: '0',
			respondent_category: 'member_state',
			sectors_involved: 'itu_d',
			offices_dealt_with: 'RO-AFR',
			interaction_frequency: 'monthly'
		});
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toMatch(/\?page=1$/);
		expect(await revisionOf('MS-SEN')).toBe(Math.max(before, 0) + 1);
	});

	it('saves a post made on a stale revision, and tells the respondent someone else saved in between', async () => {
		const before = await revisionOf('MS-SEN');
		const res = await post(server.demoLink, { _action: 'save', _page: '0', _revision: String(before - 1), respondent_category: 'member_state' });
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('notice warning');
		expect(await revisionOf('MS-SEN')).toBe(before + 1);
	});

	it.each([
		['an unknown question name', { forged_question: 'x' }],
		['a value outside the choices', { respondent_category: 'emperor' }],
		['a rating outside the scale', { respondent_category: 'member_state', interaction_frequency: '11' }],
		['a bidi override in text', { respondent_category: 'member_state', offices_dealt_with: 'RO-AFR\u202E' }]
	])('refuses %s with a 400 and saves nothing', async (_label, fields) => {
		const before = await revisionOf('MS-SEN');
		const res = await post(server.demoLink, { _action: 'save', _page: '0', _revision: String(before), ...fields });
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('class="notice error-notice"');
		expect(await revisionOf('MS-SEN')).toBe(before);
	});

	it('refuses text that is not valid UTF-8 with a 400 and saves nothing', async () => {
		const before = await revisionOf('MS-SEN');
		const res = await post(server.demoLink, `_action=save&_page=1&_revision=${before}&technical_assistance_improvement=caf%C3%A9%FF%FE`);
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('invalid_characters');
		expect(await revisionOf('MS-SEN')).toBe(before);
	});

	it('refuses an oversized body with 413', async () => {
		const res = await post(server.demoLink, `_action=save&_page=0&_revision=1&suggestions=${'x'.repeat(300_000)}`);
		expect(res.status).toBe(413);
	});

	it('refuses a comment longer than the field allows', async () => {
		const before = await revisionOf('MS-SEN');
		const res = await post(server.demoLink, { _action: 'save', _page: '4', _revision: String(before), suggestions: 'y'.repeat(10_001) });
		expect([400, 413]).toContain(res.status);
		expect(await revisionOf('MS-SEN')).toBe(before);
	});

	it('refuses a cross-site form post', async () => {
		const before = await revisionOf('MS-SEN');
		const res = await post(server.demoLink, { _action: 'save', _page: '0', _revision: String(before) }, { origin: 'http://evil.example' });
		expect(res.status).toBe(403);
		expect(await revisionOf('MS-SEN')).toBe(before);
	});

	it('answers /healthz with a database check', async () => {
		const res = await fetch(`${server.url}/healthz`);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
		const ready = await fetch(`${server.url}/readyz`);
		expect(ready.status).toBe(200);
		expect(await ready.json()).toEqual({ status: 'ready' });
	});

	it('shows the same invalid-link page for a revoked link', async () => {
		const token = server.demoLink.split('/r/')[1]!;
		const { createHash } = await import('node:crypto');
		const hash = createHash('sha256').update(token).digest('hex');
		expect(await sqlRun(server.dbPath, `update invitation_link set revoked_at = ? where token_hash = ?`, new Date().toISOString(), hash)).toBe(1);
		const revoked = await fetch(server.demoLink, { headers: { accept: 'text/html' } });
		const unknown = await fetch(`${server.url}/r/${'d'.repeat(32)}`, { headers: { accept: 'text/html' } });
		expect(revoked.status).toBe(404);
		expect(withoutNonce(await revoked.text())).toBe(withoutNonce(await unknown.text()));
		await sqlRun(server.dbPath, `update invitation_link set revoked_at = null where token_hash = ?`, hash);
	});

	it('shows the same invalid-link page once the edition is closed', async () => {
		await sqlRun(server.dbPath, `update edition set state = 'closed' where slug = 'rp-2026'`);
		const closed = await fetch(server.demoLink, { headers: { accept: 'text/html' } });
		const unknown = await fetch(`${server.url}/r/${'c'.repeat(32)}`, { headers: { accept: 'text/html' } });
		expect(closed.status).toBe(404);
		expect(withoutNonce(await closed.text())).toBe(withoutNonce(await unknown.text()));
	});
});
