import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlGet, sqlRun } from '../helpers/sql.ts';
import { SMTPServer } from 'smtp-server';
import { createServer } from 'node:net';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { formPost, get, signInCookie } from '../helpers/access-http.ts';

/** Password reset by e-mailed link, end to end: the built server sends to a real SMTP server process. */
const PASSWORD = 'reset test password 1';
const ADMIN = 'admin@reset.example.org';
let server: RunningServer;
let smtp: SMTPServer;
const inbox: { to: string; raw: string }[] = [];

async function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const s = createServer().listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => resolve(port));
		});
	});
}

/** Waits for the n-th message and returns the reset link in it (quoted-printable undone). */
async function linkInMessage(n: number): Promise<string> {
	const deadline = Date.now() + 10_000;
	while (inbox.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
	const body = inbox[n - 1]!.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
	return /http:\/\/127\.0\.0\.1:\d+\/login\/reset\/[a-z2-7]{32}/.exec(body)![0];
}

beforeAll(async () => {
	const port = await freePort();
	smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		onData(stream, session, callback) {
			let raw = '';
			stream.on('data', (d: Buffer) => (raw += d.toString('utf8')));
			stream.on('end', () => {
				inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve));
	server = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: ADMIN, SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'survey@reset.example.org' });
});
afterAll(async () => {
	await server?.stop();
	await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

const auditCount = async (action: string) => {
	return (await sqlGet<{ n: number }>(server.dbPath, 'select count(*) as n from audit_log where action = ?', action))!.n;
};

describe('password reset by e-mailed link', () => {
	it('answers an unknown address like a known one, and sends nothing', async () => {
		const res = await formPost(`${server.url}/login/reset`, { email: 'nobody@reset.example.org' });
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('If an account exists for this address');
		// The reset mail is sent before the answer (requestPasswordReset awaits it): once the
		// request is recorded as one for an unknown address, nothing more can arrive.
		expect(await auditCount('auth.reset_request_unknown')).toBe(1);
		expect(inbox).toHaveLength(0);
	});

	it('sends a single-use link that sets a new password and ends every session', async () => {
		const oldSession = await signInCookie(server.url, ADMIN, PASSWORD);
		const res = await formPost(`${server.url}/login/reset`, { email: ADMIN });
		expect(res.status).toBe(200);
		const link = await linkInMessage(1);
		expect(inbox[0]!.to).toBe(ADMIN);
		expect((await get(link)).status).toBe(200);
		expect(await (await get(link)).text()).toContain('name="next"');

		const mismatch = await formPost(link, { next: 'brand new password 2', confirm: 'something else entirely' });
		expect(mismatch.status).toBe(400);
		const done = await formPost(link, { next: 'brand new password 2', confirm: 'brand new password 2' });
		expect(done.status).toBe(303);
		expect(done.headers.get('location')).toBe('/login?reset=done');
		expect((await get(`${server.url}/account`, oldSession)).status).toBe(303);
		await signInCookie(server.url, ADMIN, 'brand new password 2');
		expect((await formPost(`${server.url}/login`, { email: ADMIN, password: PASSWORD })).status).toBe(400);

		// Replayed: refused with a clear message and an audit entry; the password stays.
		const replay = await formPost(link, { next: 'attacker password 3', confirm: 'attacker password 3' });
		expect(replay.status).toBe(400);
		expect(await replay.text()).toContain('This link is invalid, has expired or has already been used.');
		expect(await auditCount('auth.reset_invalid')).toBe(1);
		await signInCookie(server.url, ADMIN, 'brand new password 2');
	});

	it('refuses a forged or expired link and lets a newer link replace an older one', async () => {
		expect(await (await get(`${server.url}/login/reset/${'a'.repeat(32)}`)).text()).toContain('This link is invalid');
		await formPost(`${server.url}/login/reset`, { email: ADMIN });
		const first = await linkInMessage(2);
		await formPost(`${server.url}/login/reset`, { email: ADMIN });
		const second = await linkInMessage(3);
		expect((await formPost(first, { next: 'older link password', confirm: 'older link password' })).status).toBe(400);
		// Expire the newer one by moving its deadline into the past.
		await sqlRun(server.dbPath, "update access_password_reset set expires_at = '2000-01-01T00:00:00.000Z' where used_at is null");
		expect((await formPost(second, { next: 'expired link password', confirm: 'expired link password' })).status).toBe(400);
		await signInCookie(server.url, ADMIN, 'brand new password 2');
	});

	it('sends at most three links per account per hour', async () => {
		for (let i = 0; i < 2; i++) await formPost(`${server.url}/login/reset`, { email: ADMIN });
		// Three links went out above. The server sends before it answers, so once both requests
		// here are answered and recorded as throttled, a fourth message cannot still be on its way.
		await linkInMessage(3);
		expect(await auditCount('auth.reset_request_throttled')).toBe(2);
		expect(inbox).toHaveLength(3);
	});
});
