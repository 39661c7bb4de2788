import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlGet } from '../helpers/sql.ts';
import { newLink, startServer, type RunningServer } from '../helpers/server.ts';

/**
 * Issue 12, item 11: an exclusive "none of these" choice is held by the server, not
 * only by survey-core in a browser. Posted as a browser without JavaScript would.
 */
let server: RunningServer;
/** Made before any request: a link costs a CLI run of seconds, after which a kept-alive socket may be closed under the next fetch. */
let kenya = '';
let australia = '';

beforeAll(async () => {
	server = await startServer();
	kenya = await newLink(server, 'MS-KEN');
	australia = await newLink(server, 'MS-AUS');
});
afterAll(async () => {
	await server?.stop();
});

function post(url: string, fields: [string, string][]) {
	return fetch(url, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields).toString()
	});
}

async function stored(entity: string) {
	const row = await sqlGet<{ answers_json: string; furthest_page: number; revision: number; state: string }>(
		server.dbPath,
		'select r.answers_json, r.furthest_page, r.revision, r.state from response r join entity e on e.id = r.entity_id where e.code = ?',
		entity
	);
	return { ...row!, answers: JSON.parse(row!.answers_json) as Record<string, unknown> };
}

const PAGE_ONE: [string, string][] = [
	['respondent_category', 'member_state'],
	['sectors_involved', 'itu_d'],
	['interaction_frequency', 'monthly']
];

describe('an exclusive "none of these" choice, without JavaScript', () => {
	it('refuses "none" together with an office: the same page again with a message on that question, the answers kept', async () => {
		const link = kenya;
		await fetch(link, { headers: { accept: 'text/html' } });
		const res = await post(link, [
			['_action', 'next'],
			['_page', '0'],
			['_revision', '0'],
			...PAGE_ONE,
			['offices_dealt_with', 'RO-AFR'],
			['offices_dealt_with', 'none']
		]);
		expect(res.status).toBe(422);
		const html = await res.text();
		// The message stands on the question itself and in the error summary, naming the choice.
		const question = /<div class="question[^"]*"[^>]*id="q-offices_dealt_with"[\s\S]*?<\/fieldset>/.exec(html)?.[0] ?? '';
		expect(question).toContain('class="error"');
		expect(question).toContain('None of these offices');
		expect(html).toMatch(/error-summary[\s\S]*None of these offices/);
		// Nothing lost, nothing moved on: what was ticked is saved as ticked, to be corrected.
		const row = await stored('MS-KEN');
		expect(row.furthest_page).toBe(0);
		expect(row.answers.offices_dealt_with).toEqual(['RO-AFR', 'none']);
	});

	it('never lets such an answer be submitted', async () => {
		const res = await post(kenya, [
			['_action', 'submit'],
			['_page', 'review'],
			['_revision', String((await stored('MS-KEN')).revision)]
		]);
		expect(res.status).toBe(422);
		expect(await res.text()).toContain('None of these offices');
		expect((await stored('MS-KEN')).state).toBe('in_progress');
	});

	it('accepts "none" alone, and offices without "none"', async () => {
		const link = australia;
		await fetch(link, { headers: { accept: 'text/html' } });
		const alone = await post(link, [['_action', 'next'], ['_page', '0'], ['_revision', '0'], ...PAGE_ONE, ['offices_dealt_with', 'none']]);
		expect(alone.status).toBe(303);
		expect((await stored('MS-AUS')).answers.offices_dealt_with).toEqual(['none']);
		const offices = await post(link, [
			['_action', 'previous'],
			['_page', '1'],
			['_revision', String((await stored('MS-AUS')).revision)]
		]);
		expect(offices.status).toBe(303);
		const again = await post(link, [
			['_action', 'next'],
			['_page', '0'],
			['_revision', String((await stored('MS-AUS')).revision)],
			...PAGE_ONE,
			['offices_dealt_with', 'RO-AFR'],
			['offices_dealt_with', 'RO-EUR']
		]);
		expect(again.status).toBe(303);
		expect((await stored('MS-AUS')).answers.offices_dealt_with).toEqual(['RO-AFR', 'RO-EUR']);
	});
});
