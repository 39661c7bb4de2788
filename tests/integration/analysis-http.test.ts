import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningServer } from '../helpers/server.ts';
import { resultsSite, type ResultsSite } from '../helpers/analysis-http.ts';

/**
 * The results routes over real HTTP on the built server: what a Council reader and
 * an analyst each get, and crafted requests for a suppressed cell through every
 * route and export.
 */
let server: RunningServer;
const cookies: Record<string, string> = {};
const SUPPRESSED = 'n &lt; 5';

const get = (who: string, path: string) => fetch(`${server.url}${path}`, { headers: { cookie: cookies[who] ?? '' }, redirect: 'manual' });
const html = async (who: string, path: string) => {
	const res = await get(who, path);
	expect(res.status, path).toBe(200);
	return res.text();
};
/** A results release by the analyst: what the Council, the regional office and the public read. */
async function release(): Promise<void> {
	const res = await fetch(`${server.url}/admin/results/rp-2026?/release`, {
		method: 'POST',
		headers: { accept: 'text/html', cookie: cookies.analyst!, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
		body: ''
	});
	expect(res.status).toBe(200);
}
/** The cells of the breakdown table's column for one group. */
const column = (page: string, group: string) => [...page.matchAll(new RegExp(`<td[^>]*data-group="${group}"[^>]*>([^<]*)</td>`, 'g'))].map((m) => m[1]!);

let site: ResultsSite;
beforeAll(async () => {
	site = await resultsSite({
		seed: 3,
		officeRegion: 'AFR',
		// Leave the CIS region with two submitted responses: below the threshold.
		prepare: async (db) => {
			const cis = await db
				.selectFrom('response as r')
				.innerJoin('entity as n', 'n.id', 'r.entity_id')
				.select('r.id')
				.where('n.region_code', '=', 'CIS')
				.where('r.state', '=', 'submitted')
				.orderBy('r.id')
				.execute();
			await db
				.deleteFrom('response')
				.where(
					'id',
					'in',
					cis.slice(2).map((r) => r.id)
				)
				.execute();
		}
	});
	({ server } = site);
	Object.assign(cookies, site.cookies);
	await release();
});
afterAll(async () => {
	await site?.stop();
});

describe('results over HTTP', () => {
	it('sends a visitor who is not signed in to the login page, and refuses the downloads', async () => {
		expect((await get('nobody', '/admin/results/rp-2026')).headers.get('location')).toMatch(/^\/login(\?|$)/);
		// The hooks' guard sends every signed-out GET under /admin to the sign-in page, downloads included.
		for (const path of ['/admin/results/rp-2026/chart.png', '/admin/results/rp-2026/export/microdata.csv']) {
			const res = await get('nobody', path);
			expect(res.status).toBe(303);
			expect(res.headers.get('location')).toMatch(/^\/login\?next=/);
		}
	});

	it('shows the analyst every figure of the small region', async () => {
		const page = await html('analyst', '/admin/results/rp-2026?by=region');
		expect(page).toContain('no figure is suppressed');
		const cis = column(page, 'CIS');
		expect(cis.length).toBeGreaterThan(20);
		expect(cis.filter((c) => c.includes('n &lt;'))).toEqual([]);
	});

	it('shows the Council "n < 5" for the small region and a complement, through every breakdown a request can ask for', async () => {
		const page = await html('council', '/admin/results/rp-2026?by=region');
		expect(page).toContain('Figures resting on fewer than 5 answers');
		const cis = column(page, 'CIS');
		expect(cis.length).toBeGreaterThan(20);
		expect(cis.every((c) => c === 'n < 5' || c === SUPPRESSED)).toBe(true);
		// Each row hides at least two regions, so the total minus the others does not give CIS.
		const rows = [...page.matchAll(/<tr>\s*<th scope="row">[^<]*<\/th>([\s\S]*?)<\/tr>/g)].filter((r) => r[1]!.includes('data-group'));
		expect(rows.length).toBeGreaterThan(20);
		for (const r of rows) expect((r[1]!.match(/n &lt; 5/g) ?? []).length).not.toBe(1);
		const cross = await html('council', '/admin/results/rp-2026?rows=region&columns=language');
		expect(cross).toContain('crosstab-table');
		expect(await html('council', '/admin/results/rp-2026?by=category')).toContain('breakdown-table');
		expect((await get('council', '/admin/results/rp-2026?by=entity')).status).toBe(400);
		expect((await get('council', '/admin/results/rp-2026/export/microdata.csv')).status).toBe(403);
		expect((await get('council', '/admin/results/rp-2026/export/codebook.csv')).status).toBe(403);
		const chart = await get('council', '/admin/results/rp-2026/chart.png');
		expect(chart.headers.get('content-type')).toBe('image/png');
		expect(
			Buffer.from(await chart.arrayBuffer())
				.subarray(1, 4)
				.toString()
		).toBe('PNG');
	});

	it('limits a regional office to its own region', async () => {
		const page = await html('regional_office', '/admin/results/rp-2026?by=region');
		expect(page).toContain('Results of your region only');
		expect(column(page, 'AFR').length).toBeGreaterThan(20);
		expect(column(page, 'EUR')).toEqual([]);
		expect(page).not.toContain('id="reports"');
	});

	it('lets the analyst generate a report the Council downloads, suppressed, and refuses the Council generating one', async () => {
		const refused = await fetch(`${server.url}/admin/results/rp-2026?/report`, {
			method: 'POST',
			headers: { accept: 'text/html', cookie: cookies.council!, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
			body: 'locale=en'
		});
		expect(refused.status).toBe(403);
		const made = await fetch(`${server.url}/admin/results/rp-2026?/report`, {
			method: 'POST',
			headers: { accept: 'text/html', cookie: cookies.analyst!, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
			body: 'locale=fr'
		});
		expect(made.status).toBe(200);
		const list = await html('council', '/admin/results/rp-2026');
		const link = /href="(\/admin\/results\/rp-2026\/reports\/[^"]+)"/.exec(list)![1]!;
		const res = await get('council', link);
		expect(res.headers.get('content-disposition')).toMatch(/council-report-rp-2026-fr-.*\.docx/);
		const file = join(server.dir, 'report.docx');
		writeFileSync(file, Buffer.from(await res.arrayBuffer()));
		const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
		expect(xml).toContain('Résultats par région');
		expect(xml).toContain(SUPPRESSED);
		expect((await get('regional_office', link)).status).toBe(403);
	});

	it('gives the analyst microdata and a codebook that describe the same variables', async () => {
		const csv = await (await get('analyst', '/admin/results/rp-2026/export/microdata.csv')).text();
		const book = await (await get('analyst', '/admin/results/rp-2026/export/codebook.csv')).text();
		const header = csv
			.replace(/^\uFEFF/, '')
			.split('\r\n')[0]!
			.split(',');
		const variables = book
			.replace(/^\uFEFF/, '')
			.split('\r\n')
			.slice(1)
			.map((l) => l.split(',')[0]);
		expect(header).toEqual(variables);
		expect(header).toContain('sat_itud_priorities.affordable_connectivity');
		expect(csv.split('\r\n').length - 1).toBeGreaterThan(150);
		const xlsx = await get('analyst', '/admin/results/rp-2026/export/microdata.xlsx');
		expect(xlsx.status).toBe(200);
		expect(
			Buffer.from(await xlsx.arrayBuffer())
				.subarray(0, 2)
				.toString()
		).toBe('PK');
		expect((await get('analyst', '/admin/results/rp-2026/export/secrets.csv')).status).toBe(400);
	});

	it('takes a previous edition as a multipart upload from the analyst only, and shows the comparison to the Council', async () => {
		const upload = (who: string, content: string, name = 'rp-2022.csv') => {
			const body = new FormData();
			body.set('label', '2022');
			body.set('file', new Blob([content], { type: 'text/csv' }), name);
			return fetch(`${server.url}/admin/results/rp-2026?/wave`, {
				method: 'POST',
				headers: { accept: 'text/html', cookie: cookies[who]!, origin: server.url },
				body
			});
		};
		expect((await upload('council', 'question,n,mean,sd\nsat_responsiveness,80,3.1,1\n')).status).toBe(403);
		const bad = await upload('analyst', 'question,n,mean,sd\nsat_nothing,80,3.1,1\n');
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('"sat_nothing" is not a rated item');
		const ok = await upload('analyst', 'question,n,mean,sd\nsat_responsiveness,80,1.5,0.6\noverall_satisfaction,80,3.0,1\n');
		expect(ok.status).toBe(200);
		// The Council sees the comparison from the next release (nothing else changed, so the rule allows it).
		await release();
		const page = await html('council', '/admin/results/rp-2026');
		const table = /<table class="data[^"]*" data-wave="2022">([\s\S]*?)<\/table>/.exec(page)![1]!;
		expect((table.match(/<tr>/g) ?? []).length).toBe(3);
		expect(table).toContain('>yes<');
	});

	it('lets the analyst read, theme and export open answers, and keeps them from the Council', async () => {
		const post = (who: string, action: string, body: Record<string, string>) =>
			fetch(`${server.url}/admin/results/rp-2026/comments?/${action}`, {
				method: 'POST',
				headers: { accept: 'text/html', cookie: cookies[who]!, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams(body)
			});
		expect((await get('council', '/admin/results/rp-2026/comments')).status).toBe(403);
		expect((await get('council', '/admin/results/rp-2026/comments/comments.csv')).status).toBe(403);
		expect((await post('council', 'theme', { name: 'Funding' })).status).toBe(403);
		expect((await post('analyst', 'theme', { name: 'Funding' })).status).toBe(200);
		const page = await html('analyst', '/admin/results/rp-2026/comments?question=suggestions');
		const response = /name="response" value="([^"]+)"/.exec(page)![1]!;
		const theme = /<option value="([^"]+)">Funding<\/option>/.exec(page)![1]!;
		expect((await post('analyst', 'tag', { response, question: 'suggestions', theme })).status).toBe(200);
		const tagged = await html('analyst', `/admin/results/rp-2026/comments?theme=${theme}`);
		expect((tagged.match(/<tr>\s*<td lang=/g) ?? []).length).toBe(1);
		const csv = await (await get('analyst', `/admin/results/rp-2026/comments/comments.csv?theme=${theme}`)).text();
		expect(csv).toContain(response);
		expect((await post('analyst', 'tag', { response: 'forged', question: 'suggestions', theme })).status).toBe(400);
	});

	it('publishes a suppressed public dashboard only when an analyst says so, and withdraws it', async () => {
		const publish = (who: string, value: string) =>
			fetch(`${server.url}/admin/results/rp-2026?/publish`, {
				method: 'POST',
				headers: { accept: 'text/html', cookie: cookies[who]!, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
				body: `publish=${value}`
			});
		expect((await get('nobody', '/reports/rp-2026')).status).toBe(404);
		expect((await get('nobody', '/reports/rp-2026/chart.png')).status).toBe(404);
		expect((await publish('council', '1')).status).toBe(403);
		expect((await get('nobody', '/reports/rp-2026')).status).toBe(404);
		expect((await publish('analyst', '1')).status).toBe(200);
		const page = await html('nobody', '/reports/rp-2026?lang=fr');
		expect(page).toContain('Tableau de bord de la présence régionale');
		const cis = column(page, 'CIS');
		expect(cis.length).toBeGreaterThan(20);
		expect(cis.every((c) => c === SUPPRESSED)).toBe(true);
		expect(await html('nobody', '/reports/rp-2026?lang=ar')).toContain('dir="rtl"');
		expect((await get('nobody', '/reports/rp-2026/chart.png?lang=zh')).headers.get('content-type')).toBe('image/png');
		expect((await publish('analyst', '0')).status).toBe(200);
		expect((await get('nobody', '/reports/rp-2026')).status).toBe(404);
	});
});
