import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlAll } from '../helpers/sql.ts';
import { runCli, startServer, type RunningServer } from '../helpers/server.ts';
import { formPost, get, seedUsers, signInCookie } from '../helpers/access-http.ts';

/**
 * The read-only JSON API under /api/v1 (issue 17 item 3), over real HTTP against the
 * built server: tokens made by the CLI and by the administrator's page, scope by role
 * and region as the web pages have it (content, not status codes), released results
 * only, microdata for analyst tokens only, revocation, the rate limit, and the OpenAPI
 * document: valid OpenAPI 3.1, and every answer checked against its schema.
 */
const PASSWORD = 'api password 2026';
const ADMIN = 'admin@api.example.org';
const RATE = 40;
const OTHER_REGIONS = ['AMS', 'ARB', 'ASP', 'CIS', 'EUR'];

let server: RunningServer;
let adminCookie: string;
const tokens: Record<string, string> = {};
let openapi: any;
let ajv: Ajv2020;
let checked = 0;

function createToken(name: string, role: string, region?: string): string {
	const out = runCli(server, 'api-token:create', '--name', name, '--role', role, ...(region ? ['--region', region] : []));
	expect(out).toMatch(/^rps_[a-z2-7]{32}$/);
	return out;
}

/** An API call; its answer is checked against the OpenAPI document's schema for that path and status. */
async function api(path: string, token: string | null, template = path): Promise<{ status: number; body: any; headers: Headers }> {
	const res = await fetch(`${server.url}/api/v1${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
	const body = await res.json();
	expect(res.headers.get('content-type')).toMatch(/^application\/json/);
	if (openapi) {
		const responses = openapi.paths[template.split('?')[0]!]?.get?.responses;
		expect(responses, `OpenAPI has ${template}`).toBeDefined();
		expect(responses[String(res.status)], `OpenAPI documents ${res.status} for ${template}`).toBeDefined();
		const pointer = ['paths', template.split('?')[0]!, 'get', 'responses', String(res.status), 'content', 'application/json', 'schema']
			.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1'))
			.join('/');
		const valid = ajv.validate({ $ref: `api#/${pointer}` }, body);
		expect(valid, `${template} ${res.status}: ${ajv.errorsText()}`).toBe(true);
		checked++;
	}
	return { status: res.status, body, headers: res.headers };
}

beforeAll(async () => {
	server = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: ADMIN, DEMO: '1', API_RATE_PER_MINUTE: String(RATE) });
	adminCookie = await signInCookie(server.url, ADMIN, PASSWORD);
	runCli(server, 'demo:responses', '--edition', 'rp-2026', '--count', '400');
	tokens.analyst = createToken('analysis scripts', 'analyst');
	tokens.africa = createToken('Addis Ababa dashboard', 'regional_office', 'AFR');
	tokens.council = createToken('council portal', 'council');
	tokens.coordinator = createToken('coordination sheet', 'coordinator');
	tokens.rate = createToken('busy script', 'council');
}, 180_000);
afterAll(async () => {
	await server?.stop();
});

describe('the OpenAPI document', () => {
	it('is valid OpenAPI 3.1, public, and names every endpoint', async () => {
		const res = await fetch(`${server.url}/api/v1/openapi.json`);
		expect(res.status).toBe(200);
		const doc = await res.json();
		expect(doc.openapi).toBe('3.1.0');
		await SwaggerParser.validate(structuredClone(doc));
		expect(Object.keys(doc.paths).sort()).toEqual(
			[
				'/editions',
				'/editions/{slug}',
				'/editions/{slug}/codebook',
				'/editions/{slug}/microdata',
				'/editions/{slug}/results',
				'/editions/{slug}/tracking'
			].sort()
		);
		openapi = doc;
		ajv = new Ajv2020({ strict: false, allErrors: true });
		ajv.addSchema(doc, 'api');
	});
});

describe('authentication', () => {
	it('refuses no token, a malformed token and an unknown token with 401 and a JSON message', async () => {
		const none = await api('/editions', null);
		expect(none.status).toBe(401);
		expect(none.body).toEqual({ error: 'unauthorized', message: expect.stringContaining('Authorization: Bearer') });
		expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
		expect((await api('/editions', 'not-a-token')).status).toBe(401);
		const unknown = await api('/editions', `rps_${'a'.repeat(32)}`);
		expect(unknown.status).toBe(401);
		expect(unknown.body.message).toMatch(/not valid/);
	});

	it('keeps only a hash of each token, and audits its creation', async () => {
		const rows = await sqlAll<{ token_hash: string; name: string }>(server.dbPath, 'select token_hash, name from api_token');
		expect(rows.length).toBeGreaterThanOrEqual(5);
		for (const row of rows) {
			expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
			expect(Object.values(tokens)).not.toContain(row.token_hash);
		}
		const audit = await sqlAll<{ actor: string; details_json: string }>(
			server.dbPath,
			"select actor, details_json from audit_log where action = 'api.token_create'"
		);
		expect(audit.map((a) => JSON.parse(a.details_json).name)).toEqual(expect.arrayContaining(['analysis scripts', 'Addis Ababa dashboard']));
	});
});

describe('editions and tracking', () => {
	it('lists the editions and their state for any token', async () => {
		for (const who of ['analyst', 'africa', 'council', 'coordinator']) {
			const { status, body } = await api('/editions', tokens[who]!);
			expect(status).toBe(200);
			expect(body.editions).toContainEqual(expect.objectContaining({ slug: 'rp-2026', state: 'open' }));
		}
		const one = await api('/editions/rp-2026', tokens.council!, '/editions/{slug}');
		expect(one.body.edition).toMatchObject({ slug: 'rp-2026', state: 'open' });
		const missing = await api('/editions/nope', tokens.council!, '/editions/{slug}');
		expect(missing.status).toBe(404);
		expect(missing.body.error).toBe('not_found');
	});

	it("gives a regional office's token its own region's counts only, equal to the coordinator's row for it", async () => {
		const all = await api('/editions/rp-2026/tracking', tokens.coordinator!, '/editions/{slug}/tracking');
		expect(all.status).toBe(200);
		expect(all.body.scope).toBe('all');
		expect(all.body.byRegion.map((r: any) => r.region)).toEqual(expect.arrayContaining(['AFR', ...OTHER_REGIONS]));
		const own = await api('/editions/rp-2026/tracking', tokens.africa!, '/editions/{slug}/tracking');
		expect(own.status).toBe(200);
		expect(own.body.scope).toBe('AFR');
		expect(own.body.byRegion.map((r: any) => r.region)).toEqual(['AFR']);
		const afr = all.body.byRegion.find((r: any) => r.region === 'AFR');
		expect(own.body.total).toEqual({ ...afr, region: 'all' });
		expect(afr.submitted).toBeGreaterThan(0);
		for (const code of OTHER_REGIONS) expect(JSON.stringify(own.body)).not.toContain(`"${code}"`);
	});

	it("refuses tracking to a Council token (403), as the Secretariat's tracking pages do", async () => {
		const { status, body } = await api('/editions/rp-2026/tracking', tokens.council!, '/editions/{slug}/tracking');
		expect(status).toBe(403);
		expect(body.error).toBe('forbidden');
	});
});

describe('released results', () => {
	let released = 0;

	it('answers 404 no_release before the first results release', async () => {
		const { status, body } = await api('/editions/rp-2026/results', tokens.council!, '/editions/{slug}/results');
		expect(status).toBe(404);
		expect(body.error).toBe('no_release');
	});

	it('reads the latest release, never the live responses', async () => {
		expect(runCli(server, 'results:release', '--edition', 'rp-2026')).toMatch(/^release 1 of rp-2026/);
		const first = await api('/editions/rp-2026/results', tokens.council!, '/editions/{slug}/results');
		expect(first.status).toBe(200);
		expect(first.body.release.number).toBe(1);
		released = first.body.release.respondents;
		expect(first.body.overall.respondents).toBe(released);
		expect(released).toBeGreaterThan(100);
		// More responses come in: the API still shows the release, for every role (an analyst's token too).
		runCli(server, 'demo:responses', '--edition', 'rp-2026', '--count', '30', '--seed', '7');
		for (const who of ['council', 'analyst']) {
			const later = await api('/editions/rp-2026/results', tokens[who]!, '/editions/{slug}/results');
			expect(later.body.release.number).toBe(1);
			expect(later.body.overall.respondents).toBe(released);
		}
	});

	it("gives a regional office's token its region's part of the release only", async () => {
		const own = await api('/editions/rp-2026/results?by=region', tokens.africa!, '/editions/{slug}/results');
		expect(own.status).toBe(200);
		expect(own.body.scope).toBe('AFR');
		expect(own.body.rates.map((r: any) => r.region)).toEqual(['AFR']);
		expect(own.body.breakdown.groups.map((g: any) => g.key)).toEqual(['AFR']);
		expect(own.body.overall.respondents).toBeLessThan(released);
		for (const code of OTHER_REGIONS) expect(JSON.stringify(own.body)).not.toContain(`"${code}"`);
		const council = await api('/editions/rp-2026/results?by=region', tokens.council!, '/editions/{slug}/results');
		expect(council.body.breakdown.groups.map((g: any) => g.key)).toEqual(expect.arrayContaining(['AFR', ...OTHER_REGIONS]));
		const afr = council.body.breakdown.groups.find((g: any) => g.key === 'AFR');
		expect(own.body.overall.respondents).toBe(afr.result.respondents);
	});

	it('refuses an unknown breakdown with 400', async () => {
		const { status, body } = await api('/editions/rp-2026/results?by=colour', tokens.council!, '/editions/{slug}/results');
		expect(status).toBe(400);
		expect(body.message).toMatch(/by must be one of/);
	});

	it('refuses results to a coordinator token (403): the role has no results on the web pages either', async () => {
		expect((await api('/editions/rp-2026/results', tokens.coordinator!, '/editions/{slug}/results')).status).toBe(403);
	});
});

describe('microdata and codebook', () => {
	it('are for analyst tokens only', async () => {
		for (const who of ['africa', 'council', 'coordinator']) {
			for (const what of ['microdata', 'codebook']) {
				const { status, body } = await api(`/editions/rp-2026/${what}`, tokens[who]!, `/editions/{slug}/${what}`);
				expect(status, `${who} ${what}`).toBe(403);
				expect(body.error).toBe('forbidden');
				expect(JSON.stringify(body)).not.toContain('response_id');
			}
		}
	});

	it('give an analyst the table of microdata.csv and its codebook, each call audited as a download', async () => {
		const book = await api('/editions/rp-2026/codebook', tokens.analyst!, '/editions/{slug}/codebook');
		expect(book.status).toBe(200);
		expect(book.body.variables[0]).toMatchObject({ variable: 'response_id', type: 'attribute' });
		const data = await api('/editions/rp-2026/microdata', tokens.analyst!, '/editions/{slug}/microdata');
		expect(data.status).toBe(200);
		expect(data.body.columns).toEqual(book.body.variables.map((v: any) => v.variable));
		expect(data.body.rows.length).toBeGreaterThan(100);
		expect(data.body.rows[0]).toHaveLength(data.body.columns.length);
		const partial = await api('/editions/rp-2026/microdata?include_partial=true', tokens.analyst!, '/editions/{slug}/microdata');
		expect(partial.body.columns.at(-1)).toBe('submitted');
		expect((await api('/editions/rp-2026/microdata?include_partial=maybe', tokens.analyst!, '/editions/{slug}/microdata')).status).toBe(400);
		const audit = await sqlAll<{ actor: string; details_json: string }>(
			server.dbPath,
			"select actor, details_json from audit_log where action = 'data.download'"
		);
		const files = audit.filter((a) => a.actor === 'api-token:analysis scripts').map((a) => JSON.parse(a.details_json).file);
		expect(files).toEqual(expect.arrayContaining(['codebook.json', 'microdata.json']));
	});
});

describe('the administrator page /admin/api-tokens', () => {
	it('creates a token shown once, lists it, and revokes it: the next call gets 401', async () => {
		const page = await (await get(`${server.url}/admin/api-tokens`, adminCookie)).text();
		expect(page).toContain('Addis Ababa dashboard');
		expect(page).not.toContain(tokens.africa!);
		const created = await formPost(`${server.url}/admin/api-tokens?/create`, { name: 'nightly export', role: 'analyst', region: '' }, { cookie: adminCookie });
		const html = await created.text();
		const token = /data-new-token[^>]*>(rps_[a-z2-7]{32})</.exec(html)?.[1];
		expect(token, html.slice(0, 500)).toBeDefined();
		expect((await api('/editions', token!)).status).toBe(200);
		const [row] = await sqlAll<{ id: string }>(server.dbPath, "select id from api_token where name = 'nightly export'");
		// The list never shows a token again.
		expect(await (await get(`${server.url}/admin/api-tokens`, adminCookie)).text()).not.toContain(token!);
		const unconfirmed = await formPost(`${server.url}/admin/api-tokens?/revoke`, { token: row!.id }, { cookie: adminCookie });
		expect(unconfirmed.status).toBe(422);
		expect((await api('/editions', token!)).status).toBe(200);
		const revoked = await formPost(`${server.url}/admin/api-tokens?/revoke`, { token: row!.id, confirm: 'yes' }, { cookie: adminCookie });
		expect(revoked.status).toBe(200);
		expect(await revoked.text()).toContain('nightly export is revoked');
		const refused = await api('/editions', token!);
		expect(refused.status).toBe(401);
		expect(refused.body.message).toMatch(/revoked/);
		const audit = await sqlAll<{ actor: string }>(server.dbPath, "select actor from audit_log where action = 'api.token_revoke'");
		expect(audit.map((a) => a.actor)).toContain(ADMIN);
	});

	it('refuses a region for a role other than the regional office', async () => {
		const res = await formPost(`${server.url}/admin/api-tokens?/create`, { name: 'odd', role: 'council', region: 'EUR' }, { cookie: adminCookie });
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('regional_office token only');
	});

	it('is for administrators only', async () => {
		await seedUsers(server.dbPath, [{ email: 'analyst@api.example.org', role: 'analyst' }], PASSWORD);
		const analyst = await signInCookie(server.url, 'analyst@api.example.org', PASSWORD);
		const res = await get(`${server.url}/admin/api-tokens`, analyst);
		expect(res.status).toBe(403);
		expect(await (await get(`${server.url}/admin`, adminCookie)).text()).toContain('href="/admin/api-tokens"');
		expect(await (await get(`${server.url}/admin`, analyst)).text()).not.toContain('href="/admin/api-tokens"');
	});
});

describe('rate limit', () => {
	it(`answers 429 with Retry-After past ${RATE} requests a minute for one token, and only for that token`, async () => {
		for (let i = 1; i <= RATE; i++) expect((await api('/editions', tokens.rate!)).status, `request ${i}`).toBe(200);
		const over = await api('/editions', tokens.rate!);
		expect(over.status).toBe(429);
		expect(over.body.error).toBe('rate_limited');
		expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
		expect((await api('/editions', tokens.council!)).status).toBe(200);
	});

	it('checked every answer above against the OpenAPI document', () => {
		expect(checked).toBeGreaterThan(RATE + 20);
	});
});
