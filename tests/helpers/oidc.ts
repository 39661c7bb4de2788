import type { Server } from 'node:http';
import { createServer } from 'node:net';
import Provider from 'oidc-provider';

/** The provider's accounts: `sub` → claims (groups as an identity provider sends them). */
export const PROVIDER_ACCOUNTS: Record<string, { email: string; name: string; groups: string[] }> = {
	ana: { email: 'ana@sso.example.org', name: 'Ana Lyst', groups: ['staff', 'rps-analysts'] },
	afr: { email: 'afr@sso.example.org', name: 'Africa Office', groups: ['rps-ro-afr'] },
	boss: { email: 'boss@sso.example.org', name: 'Big Boss', groups: ['rps-admins', 'rps-analysts'] },
	stranger: { email: 'stranger@sso.example.org', name: 'Stranger', groups: ['staff'] }
};

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1:`port` for the app at `appUrl`:
 * its development login form takes any password for the accounts above, whose claims
 * carry their groups (under the `groups` scope, as Okta and Keycloak send them).
 */
export function startProvider(port: number, appUrl: string, client: { client_id: string; client_secret: string }): Server {
	const provider = new Provider(`http://127.0.0.1:${port}`, {
		clients: [
			{
				...client,
				redirect_uris: [`${appUrl}/auth/oidc/callback`],
				post_logout_redirect_uris: [`${appUrl}/login`],
				grant_types: ['authorization_code'],
				response_types: ['code']
			}
		],
		claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
		scopes: ['openid', 'email', 'profile', 'groups'],
		cookies: { keys: ['oidc-test-cookie-key'] },
		findAccount: (_ctx: unknown, id: string) => {
			const account = PROVIDER_ACCOUNTS[id];
			return account ? { accountId: id, claims: () => ({ sub: id, email_verified: true, ...account }) } : undefined;
		},
		features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } }
	});
	return provider.listen(port, '127.0.0.1');
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

/** A cookie jar per origin (paths ignored: enough for one provider and one app). */
class Jar {
	private cookies = new Map<string, string>();
	take(res: Response): void {
		for (const line of res.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const eq = pair!.indexOf('=');
			const name = pair!.slice(0, eq).trim();
			const value = pair!.slice(eq + 1).trim();
			if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}
	header(): string {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}
	get(name: string): string | undefined {
		return this.cookies.get(name);
	}
}

/** The first form of a page: its action and its fields (hidden ones with their values). */
function firstForm(html: string, base: string): { action: string; fields: Record<string, string> } | null {
	const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
	if (!form) return null;
	const fields: Record<string, string> = {};
	for (const input of form[2]!.matchAll(/<(?:input|button)[^>]*>/gi)) {
		const name = /name="([^"]*)"/.exec(input[0])?.[1];
		if (name) fields[name] = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
	}
	return { action: new URL(form[1]!.replaceAll('&amp;', '&'), base).toString(), fields };
}

/**
 * A browser as far as single sign-on needs one: our app's cookies and the provider's
 * apart, redirects followed by hand so each hop's cookies are kept, the provider's
 * development login (any password) and consent forms submitted.
 */
export class OidcBrowser {
	private app = new Jar();
	private idp = new Jar();
	private readonly appUrl: string;
	constructor(appUrl: string) {
		this.appUrl = appUrl;
	}

	/** The app's session cookie ("rps_session=…"), once signed in. */
	get session(): string | undefined {
		const value = this.app.get('rps_session');
		return value ? `rps_session=${value}` : undefined;
	}

	private async fetchIn(url: string, init: RequestInit = {}): Promise<Response> {
		const jar = url.startsWith(this.appUrl) ? this.app : this.idp;
		const headers = new Headers(init.headers);
		headers.set('cookie', jar.header());
		headers.set('accept', 'text/html');
		const res = await fetch(url, { ...init, headers, redirect: 'manual' });
		jar.take(res);
		return res;
	}

	/** Starts at /auth/oidc/login; returns the provider URL it sends the browser to. */
	async startOnly(): Promise<string> {
		const res = await this.fetchIn(`${this.appUrl}/auth/oidc/login`);
		if (res.status !== 303 && res.status !== 302) throw new Error(`/auth/oidc/login answered ${res.status}: ${await res.text()}`);
		return res.headers.get('location')!;
	}

	callback(query: string): Promise<Response> {
		return this.fetchIn(`${this.appUrl}/auth/oidc/callback${query}`);
	}

	/** Signs in as the provider's account `login`; returns our callback's answer. */
	async signIn(login: string): Promise<Response> {
		let url = await this.startOnly();
		for (let hop = 0; hop < 20; hop++) {
			if (url.startsWith(this.appUrl)) return this.fetchIn(url);
			let res = await this.fetchIn(url);
			if (res.status === 200) {
				const form = firstForm(await res.text(), url);
				if (!form) throw new Error(`no form at ${url}`);
				if ('login' in form.fields) Object.assign(form.fields, { login, password: 'any' });
				res = await this.fetchIn(form.action, {
					method: 'POST',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					body: new URLSearchParams(form.fields).toString()
				});
			}
			const next = res.headers.get('location');
			if (!next) throw new Error(`provider answered ${res.status} at ${url}: ${(await res.text()).slice(0, 500)}`);
			url = new URL(next, url).toString();
		}
		throw new Error('too many redirects');
	}

	/** Follows the provider's pages (confirming forms) until it sends the browser back to the app; returns that URL. */
	async followProvider(start: string): Promise<string> {
		let url = start;
		for (let hop = 0; hop < 10; hop++) {
			if (url.startsWith(this.appUrl)) return url;
			let res = await this.fetchIn(url);
			if (res.status === 200) {
				const form = firstForm(await res.text(), url);
				if (!form) throw new Error(`no form at ${url}`);
				res = await this.fetchIn(form.action, {
					method: 'POST',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					body: new URLSearchParams({ ...form.fields, logout: 'yes' }).toString()
				});
			}
			const next = res.headers.get('location');
			if (!next) throw new Error(`provider answered ${res.status} at ${url}`);
			url = new URL(next, url).toString();
		}
		throw new Error('too many redirects');
	}
}
