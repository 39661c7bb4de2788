import { createDb } from '../../src/lib/server/db/create-db.ts';
import { createUser } from '../../src/lib/server/access/user-service.ts';

/** HTTP helpers for the access tests: form posts as a browser sends them, sign-in, users. */
export function formPost(url: string, body: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
	return fetch(url, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', origin: new URL(url).origin, 'content-type': 'application/x-www-form-urlencoded', ...headers },
		body: new URLSearchParams(body).toString()
	});
}

export function get(url: string, cookie?: string, headers: Record<string, string> = {}): Promise<Response> {
	return fetch(url, { redirect: 'manual', headers: { accept: 'text/html', ...(cookie ? { cookie } : {}), ...headers } });
}

/** Signs in through /login and returns the session cookie ("rps_session=..."). */
export async function signInCookie(base: string, email: string, password: string, headers: Record<string, string> = {}): Promise<string> {
	const res = await formPost(`${base}/login`, { email, password }, headers);
	const cookie = /rps_session=[a-z2-7]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
	if (res.status !== 303 || !cookie) throw new Error(`sign-in of ${email} failed with ${res.status}`);
	return cookie;
}

/** Creates users straight in the server's database file (as the CLI would). */
export async function seedUsers(
	dbPath: string,
	users: { email: string; role: string; regionCode?: string; language?: string }[],
	password: string
): Promise<void> {
	const db = createDb(dbPath);
	try {
		for (const u of users) await createUser(db, { ...u, password }, 'test');
	} finally {
		await db.destroy();
	}
}
