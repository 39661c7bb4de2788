import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningServer } from '../helpers/server.ts';
import { resultsSite, type ResultsSite } from '../helpers/analysis-http.ts';
import type { Db } from '../../src/lib/server/db/create-db.ts';
import { newId, nowIso } from '../../src/lib/server/db/ids.ts';
import { formatDate } from '../../src/lib/ui/format.ts';
import { insertSubmittedResponse } from '../../src/lib/server/analysis/demo.ts';

/**
 * Results releases over real HTTP (issue 12, item 1): a Council reader, a regional
 * office and a signed-out visitor of the public dashboard see exactly the same before
 * and after one more submission, until an analyst makes a release the rule allows.
 */
let server: RunningServer;
let db: Db;
const K = 5;
const cookies: Record<string, string> = {};
/** The Member State whose answers every added response copies, and its region. */
let template: { answers_json: string; locale: string; region: string };
/** Member States of that region whose responses are removed at the start, to submit later. */
const heldBack: string[] = [];

const get = (who: string, path: string) => fetch(`${server.url}${path}`, { headers: { cookie: cookies[who] ?? '' }, redirect: 'manual' });
const text = async (who: string, path: string) => {
	const res = await get(who, path);
	expect(res.status, path).toBe(200);
	return res.text();
};
const bytes = async (who: string, path: string) => {
	const res = await get(who, path);
	expect(res.status, path).toBe(200);
	return Buffer.from(await res.arrayBuffer()).toString('base64');
};
const post = (who: string, action: string, body = '') =>
	fetch(`${server.url}/admin/results/rp-2026?/${action}`, {
		method: 'POST',
		headers: { accept: 'text/html', cookie: cookies[who]!, origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
		body
	});
const decode = (s: string) =>
	s
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');

/** The report the analyst generates now, as the Council downloads it: its text and the data it was built from. */
async function report(): Promise<{ xml: string; data: string }> {
	expect((await post('analyst', 'report', 'locale=en')).status).toBe(200);
	const list = await text('council', '/admin/results/rp-2026');
	const link = /href="(\/admin\/results\/rp-2026\/reports\/([^"]+))"/.exec(list)!;
	const file = join(server.dir, `report-${link[2]}.docx`);
	writeFileSync(file, Buffer.from(await (await get('council', link[1]!)).arrayBuffer()));
	const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	const row = await db.selectFrom('analysis_report').select('data_json').where('id', '=', link[2]!).executeTakeFirstOrThrow();
	return { xml, data: row.data_json };
}

/** Everything a reader without raw-data rights can see, as sent. */
async function whatNonRawReadersSee(): Promise<Record<string, string>> {
	const seen: Record<string, string> = {};
	for (const path of [
		'/admin/results/rp-2026',
		'/admin/results/rp-2026?by=region',
		'/admin/results/rp-2026?by=category',
		'/admin/results/rp-2026?by=office',
		'/admin/results/rp-2026?rows=region&columns=category'
	])
		seen[`council ${path}`] = await text('council', path);
	seen['council chart'] = await bytes('council', '/admin/results/rp-2026/chart.png');
	for (const path of ['/admin/results/rp-2026', '/admin/results/rp-2026?by=category']) seen[`office ${path}`] = await text('regional_office', path);
	seen['office chart'] = await bytes('regional_office', '/admin/results/rp-2026/chart.png');
	for (const lang of ['en', 'fr', 'ar']) seen[`public ${lang}`] = await text('nobody', `/reports/rp-2026?lang=${lang}`);
	// The public breakdowns by member category, office and Sector (issue 15 item 5) come from the release too.
	for (const by of ['category', 'office', 'sector']) seen[`public by ${by}`] = await text('nobody', `/reports/rp-2026?lang=en&by=${by}`);
	seen['public chart'] = await bytes('nobody', '/reports/rp-2026/chart.png?lang=en');
	return seen;
}

/** Submits `count` more responses, of the Member States held back, each with the template's answers. */
async function submitMore(count: number): Promise<void> {
	const edition = await db.selectFrom('edition').select(['id', 'questionnaire_id']).where('slug', '=', 'rp-2026').executeTakeFirstOrThrow();
	const entities = heldBack.splice(0, count);
	expect(entities).toHaveLength(count);
	const now = nowIso();
	for (const entity of entities) {
		const invited = await db.selectFrom('invitation').select('id').where('edition_id', '=', edition.id).where('entity_id', '=', entity).executeTakeFirst();
		if (!invited)
			await db
				.insertInto('invitation')
				.values({ id: newId(), edition_id: edition.id, entity_id: entity, state: 'active', created_at: now, first_opened_at: null, last_opened_at: null })
				.execute();
		await insertSubmittedResponse(db, {
			editionId: edition.id,
			entityId: entity,
			questionnaireId: edition.questionnaire_id,
			answers: template.answers_json,
			locale: template.locale,
			now
		});
	}
}

const respondentsShown = (page: string) => Number(/(\d+) submitted responses/.exec(page)![1]);

let site: ResultsSite;
beforeAll(async () => {
	site = await resultsSite({
		env: { ANALYSIS_MIN_COUNT: String(K) },
		seed: 11,
		officeRegion: 'EUR',
		prepare: async (db) => {
			const region = 'AFR';
			const rows = await db
				.selectFrom('response as r')
				.innerJoin('entity as n', 'n.id', 'r.entity_id')
				.select(['r.id', 'r.entity_id', 'r.answers_json', 'r.locale'])
				.where('n.region_code', '=', region)
				.where('n.kind', '=', 'member_state')
				.where('r.state', '=', 'submitted')
				.orderBy('r.id')
				.execute();
			template = { answers_json: rows[0]!.answers_json, locale: rows[0]!.locale, region };
			const held = rows.slice(1, 1 + K);
			heldBack.push(...held.map((r) => r.entity_id));
			await db
				.deleteFrom('response')
				.where(
					'id',
					'in',
					held.map((r) => r.id)
				)
				.execute();
		}
	});
	({ server, db } = site);
	Object.assign(cookies, site.cookies);
	expect((await post('analyst', 'publish', 'publish=1')).status).toBe(200);
});
afterAll(async () => {
	await site?.stop();
});

describe('results releases', () => {
	it('shows readers without raw-data rights no figure before the first release, and refuses a report', async () => {
		const council = await text('council', '/admin/results/rp-2026');
		expect(council).toContain('No results have been released yet');
		expect(council).not.toContain('id="sections"');
		expect(await text('regional_office', '/admin/results/rp-2026?by=region')).toContain('No results have been released yet');
		expect(await text('nobody', '/reports/rp-2026')).toContain('No results have been released yet');
		expect((await get('council', '/admin/results/rp-2026/chart.png')).status).toBe(404);
		expect((await get('nobody', '/reports/rp-2026/chart.png')).status).toBe(404);
		const refused = await post('analyst', 'report', 'locale=en');
		expect(refused.status).toBe(400);
		expect(await refused.text()).toContain('no results released yet');
		// The analyst keeps the live view, and is offered the release.
		const analyst = await text('analyst', '/admin/results/rp-2026');
		expect(analyst).toContain('id="sections"');
		expect(analyst).toContain('Release results');
	});

	it('releases, audited, and then shows the release with its number and date', async () => {
		const res = await post('analyst', 'release');
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Results release 1 made.');
		const council = await text('council', '/admin/results/rp-2026');
		// The release's date in the reader's words ("Dec 2, 2026"), not the stored ISO string.
		expect(council).toContain(`Figures of results release 1 of ${formatDate(nowIso(), 'en')}.`);
		expect(council).toContain('id="sections"');
		const audit = await db.selectFrom('audit_log').select(['actor', 'details_json']).where('action', '=', 'analysis.release').execute();
		expect(audit).toHaveLength(1);
		expect(audit[0]!.actor).toBe('analyst@example.org');
		expect(JSON.parse(audit[0]!.details_json!)).toMatchObject({ slug: 'rp-2026', number: 1 });
		// The Council cannot release.
		expect((await post('council', 'release')).status).toBe(403);
	});

	it('shows the Council, the regional office and the public exactly the same before and after one more submission', async () => {
		const reportBefore = await report();
		const before = await whatNonRawReadersSee();
		const liveBefore = respondentsShown(await text('analyst', '/admin/results/rp-2026'));
		await submitMore(1);
		expect(respondentsShown(await text('analyst', '/admin/results/rp-2026'))).toBe(liveBefore + 1);
		const after = await whatNonRawReadersSee();
		for (const key of Object.keys(before)) expect(after[key], key).toBe(before[key]);
		const reportAfter = await report();
		expect(reportAfter.data).toBe(reportBefore.data);
		// The DOCX library numbers drawings, bookmarks and table-of-contents anchors with counters of the server
		// process: not content.
		const content = (xml: string) =>
			xml
				.replace(/<wp:docPr id="\d+"/g, '<wp:docPr')
				.replace(/_Toc\d+/g, '_Toc')
				.replace(/ w:id="\d+"/g, ' w:id');
		expect(content(reportAfter.xml)).toBe(content(reportBefore.xml));
		expect(decode(reportAfter.xml)).toMatch(/This report uses results release 1 of \d{1,2} \w+ \d{4} \(\d+ responses\)/);
	});

	it('refuses a release that would show one submission by difference, naming the cells, audited', async () => {
		const res = await post('analyst', 'release');
		expect(res.status).toBe(409);
		const page = decode(await res.text());
		expect(page).toContain(`Release refused: since an earlier release, the cells below changed by fewer than ${K} responses`);
		expect(page).toContain('<li><bdi>all</bdi> – 1 response(s) in or out since release 1</li>');
		expect(page).toContain(`<li><bdi>region=${template.region}</bdi> – 1 response(s) in or out since release 1</li>`);
		expect(await db.selectFrom('analysis_release').select('id').execute()).toHaveLength(1);
		expect(await db.selectFrom('audit_log').select('id').where('action', '=', 'analysis.release_refused').execute()).toHaveLength(1);
	});

	it('allows a release once enough responses changed every cell, and then shows the new figures', async () => {
		const before = await whatNonRawReadersSee();
		await submitMore(K - 1);
		const res = await post('analyst', 'release');
		expect(decode(await res.text())).toContain('Results release 2 made.');
		const after = await whatNonRawReadersSee();
		const council = after['council /admin/results/rp-2026']!;
		expect(council).toContain('Figures of results release 2 of');
		expect(respondentsShown(council)).toBe(respondentsShown(before['council /admin/results/rp-2026']!) + K);
		expect(after['public en']).not.toBe(before['public en']);
		expect(decode((await report()).xml)).toContain('This report uses results release 2 of');
	});

	it('shows a regional office only its region from the release', async () => {
		const page = await text('regional_office', '/admin/results/rp-2026?by=region');
		expect(page).toContain('Results of your region only');
		const groups = [...page.matchAll(/data-group="([^"]+)"/g)].map((m) => m[1]);
		expect(groups.length).toBeGreaterThan(20);
		expect(new Set(groups)).toEqual(new Set(['EUR']));
		const rates = /<table[^>]*id="rates"[\s\S]*?<\/table>/.exec(page)?.[0] ?? '';
		for (const other of ['Africa', 'Arab States', 'Asia', 'Americas', 'CIS']) expect(rates, other).not.toContain(other);
		// The office's figures are its own region's, not the whole membership's.
		const council = await text('council', '/admin/results/rp-2026?by=region');
		expect(respondentsShown(page)).toBeLessThan(respondentsShown(council));
		expect(page).not.toContain('id="crosstab-table"');
		expect(await text('regional_office', '/admin/results/rp-2026?rows=region&columns=category')).not.toContain('id="crosstab-table"');
	});
});
