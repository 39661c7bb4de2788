import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlAll } from '../helpers/sql.ts';
import { runCli, startServer, type RunningServer } from '../helpers/server.ts';
import { formPost, get, seedUsers, signInCookie } from '../helpers/access-http.ts';

/**
 * Role scope is about content (issue 12 item 2): for every role and every Secretariat
 * page or export it reaches, nothing of a region outside its scope appears: no entity
 * code or name, no focal point's e-mail, no region's figures. The regional office of
 * Africa sees Africa only; the Council and authors see no entity and no contact at all.
 * Edition with every entity of the demo registry invited and ~85% submitted.
 */
const PASSWORD = 'scope password 2026';
const ROLES = ['admin', 'author', 'coordinator', 'analyst', 'regional_office', 'council'] as const;
type Who = (typeof ROLES)[number];
const OWN = 'AFR';
const OTHER_REGIONS: Record<string, string> = {
	AMS: 'Americas',
	ARB: 'Arab States',
	ASP: 'Asia and the Pacific',
	CIS: 'Commonwealth of Independent States',
	EUR: 'Europe'
};

/** The questionnaire's own texts naming a region (its office choices, "Regional Office for the Americas (Brasília)"): labels, not region data. */
function questionnaireTexts(): string[] {
	const texts: string[] = [];
	const walk = (x: unknown): void => {
		if (typeof x === 'string') texts.push(x);
		else if (Array.isArray(x)) x.forEach(walk);
		else if (x && typeof x === 'object') Object.values(x).forEach(walk);
	};
	walk(JSON.parse(readFileSync('surveys/regional-presence-2026.json', 'utf8')));
	return texts.filter((t) => Object.values(OTHER_REGIONS).some((name) => t.includes(name)));
}
const QUESTIONNAIRE_TEXTS = questionnaireTexts();

const PAGES = [
	'/admin',
	'/admin/editions/rp-2026',
	'/admin/editions/rp-2026/non-responders.csv',
	// The edition workspace's sub-pages (issue 14 item 3); a crafted filter cannot widen the scope.
	'/admin/editions/rp-2026/respondents',
	'/admin/editions/rp-2026/respondents?page=2',
	'/admin/editions/rp-2026/respondents?region=EUR',
	'/admin/editions/rp-2026/respondents?q=a&sort=name&dir=desc',
	'/admin/editions/rp-2026/invitations',
	'/admin/editions/rp-2026/invitations?state=sent',
	'/admin/editions/rp-2026/reminders',
	'/admin/editions/rp-2026/settings',
	'/admin/registry',
	'/admin/questionnaires',
	'/admin/results',
	'/admin/results/rp-2026',
	'/admin/results/rp-2026?by=region',
	'/admin/results/rp-2026?by=office',
	'/admin/results/rp-2026?rows=region&columns=category',
	'/admin/results/rp-2026/comments',
	'/admin/results/rp-2026/comments/comments.csv',
	'/admin/results/rp-2026/export/microdata.csv',
	'/admin/results/rp-2026/export/codebook.csv',
	'/admin/users',
	'/admin/audit',
	'/account'
];

let server: RunningServer;
const cookies = {} as Record<Who, string>;
const emailOf = (role: Who) => `${role}@scope.example.org`;
interface Entity {
	code: string;
	name: string;
	region: string | null;
	emails: string[];
}
let entities: Entity[] = [];

beforeAll(async () => {
	server = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: emailOf('admin'), DEMO: '1' });
	await seedUsers(
		server.dbPath,
		ROLES.filter((r) => r !== 'admin').map((role) => ({ email: emailOf(role), role, regionCode: role === 'regional_office' ? OWN : undefined })),
		PASSWORD
	);
	for (const role of ROLES) cookies[role] = await signInCookie(server.url, emailOf(role), PASSWORD);
	runCli(server, 'demo:responses', '--edition', 'rp-2026', '--count', '1000');
	const rows = await sqlAll<{ code: string; name: string; region_code: string | null; email: string | null }>(
		server.dbPath,
		'select n.code, n.name, n.region_code, c.email from entity n left join contact c on c.entity_id = n.id'
	);
	const byCode = new Map<string, Entity>();
	for (const r of rows) {
		const e = byCode.get(r.code) ?? { code: r.code, name: r.name, region: r.region_code, emails: [] };
		if (r.email) e.emails.push(r.email);
		byCode.set(r.code, e);
	}
	entities = [...byCode.values()];
}, 120_000);
afterAll(async () => {
	await server?.stop();
});

function unescapeHtml(s: string): string {
	return s
		.replace(/&#39;|&#x27;/g, "'")
		.replace(/&quot;/g, '"')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/** Which forbidden strings occur in `text`, once every allowed string is cut out ("Sudan" inside "South Sudan" is not a leak). */
function leaks(text: string, forbidden: string[], allowed: string[]): string[] {
	let rest = text;
	for (const a of [...allowed].sort((x, y) => y.length - x.length)) if (a) rest = rest.split(a).join(' ');
	return forbidden.filter((f) => f && rest.includes(f));
}

/** What a role must never see, and what it may (to cut out before looking). */
function scopeOf(role: Who): { forbidden: string[]; allowed: string[] } {
	const all = entities.flatMap((e) => [e.code, e.name, ...e.emails]);
	if (role === 'council' || role === 'author') return { forbidden: entities.flatMap((e) => [e.code, ...e.emails]), allowed: [] };
	if (role !== 'regional_office') return { forbidden: [], allowed: all };
	const outside = entities.filter((e) => e.region !== OWN);
	const inside = entities.filter((e) => e.region === OWN);
	return { forbidden: outside.flatMap((e) => [e.code, e.name, ...e.emails]), allowed: inside.flatMap((e) => [e.code, e.name, ...e.emails]) };
}

describe('every page and export shows a role nothing outside its scope', () => {
	const cases = PAGES.flatMap((path) => ROLES.map((role) => [path, role] as const));
	it.each(cases)('%s as %s', async (path, role) => {
		const res = await get(server.url + path, cookies[role]);
		// 303: a Council reader's /admin sends it to its home, the results (issue 14): the redirect shows nothing.
		expect([200, 303, 403, 404]).toContain(res.status);
		const text = unescapeHtml(await res.text());
		const { forbidden, allowed } = scopeOf(role);
		expect(leaks(text, forbidden, allowed)).toEqual([]);
		if (role === 'regional_office' && res.status === 200) {
			// No other region's row, group or name (the questionnaire's own office choices aside).
			for (const [code, name] of Object.entries(OTHER_REGIONS)) {
				expect(text).not.toMatch(new RegExp(`data-(key|group)="${code}"`));
				expect(leaks(text, [name], QUESTIONNAIRE_TEXTS)).toEqual([]);
			}
		}
	});
});

describe('the Africa office on the edition page', () => {
	it("sees Africa's tracking and respondents, and no form it may not use", async () => {
		const overview = unescapeHtml(await (await get(`${server.url}/admin/editions/rp-2026`, cookies.regional_office)).text());
		const respondents = unescapeHtml(await (await get(`${server.url}/admin/editions/rp-2026/respondents`, cookies.regional_office)).text());
		const afr = entities.filter((e) => e.region === OWN);
		expect(overview).toContain('data-key="AFR"');
		const shown = afr.filter((e) => respondents.includes(e.code));
		expect(shown.length).toBeGreaterThan(0);
		for (const html of [overview, respondents]) {
			for (const form of ['inviteAll', 'sendInvitations', 'remind', 'reissue', 'revoke', 'extend', 'onBehalf', 'addContact', 'state', 'retry', 'dates'])
				expect(html).not.toContain(`?/${form}`);
			expect(html).not.toContain('href="/admin/registry"');
			// No tab to a page it may not open.
			for (const tab of ['invitations', 'reminders', 'settings']) expect(html).not.toContain(`href="/admin/editions/rp-2026/${tab}"`);
		}
		// Its counts are Africa's: invited equals Africa's invitations.
		const invited = await sqlAll<{ n: number }>(
			server.dbPath,
			"select count(*) as n from invitation i join entity n on n.id = i.entity_id join edition e on e.id = i.edition_id where e.slug = 'rp-2026' and n.region_code = 'AFR' and i.state = 'active'"
		);
		expect(overview).toContain(`data-count="invited">${Number(invited[0]!.n)}<`);
		for (const sub of ['invitations', 'reminders', 'settings'])
			expect((await get(`${server.url}/admin/editions/rp-2026/${sub}`, cookies.regional_office)).status).toBe(403);
	});

	it('downloads a non-responders CSV of Africa only', async () => {
		const csv = await (await get(`${server.url}/admin/editions/rp-2026/non-responders.csv`, cookies.regional_office)).text();
		const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) expect(row.region).toBe(OWN);
	});

	it("is refused the coordinator's actions by a crafted post", async () => {
		const res = await formPost(
			`${server.url}/admin/editions/rp-2026/respondents?/reissue`,
			{ entity: entities.find((e) => e.region === OWN)!.code },
			{ cookie: cookies.regional_office }
		);
		expect(res.status).toBe(403);
		const retry = await formPost(`${server.url}/admin/editions/rp-2026/invitations?/retry`, { message: 'x' }, { cookie: cookies.regional_office });
		expect(retry.status).toBe(403);
	});

	it('the coordinator still sees every region', async () => {
		const html = await (await get(`${server.url}/admin/editions/rp-2026`, cookies.coordinator)).text();
		for (const code of [OWN, ...Object.keys(OTHER_REGIONS)]) expect(html).toContain(`data-key="${code}"`);
		for (const code of [OWN, ...Object.keys(OTHER_REGIONS)]) {
			const respondents = await (await get(`${server.url}/admin/editions/rp-2026/respondents?region=${code}`, cookies.coordinator)).text();
			expect(respondents).toContain(`data-region="${code}"`);
			// Row actions keep the list's view in their address.
			expect(respondents).toContain(`?/reissue&amp;region=${code}"`);
		}
	});
});
