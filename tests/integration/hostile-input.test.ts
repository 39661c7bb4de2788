import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlGet } from '../helpers/sql.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { rng } from '../helpers/random.ts';

/**
 * A generated suite of hostile page posts against the built server. Every case is
 * invalid by construction; each must get a 4xx with a message, never a 5xx, and
 * none may change the stored response.
 */
let server: RunningServer;
let link: string;

beforeAll(async () => {
	server = await startServer();
	link = server.demoLink;
	await fetch(link, { headers: { accept: 'text/html' } }); // creates the response
});
afterAll(async () => {
	await server?.stop();
});

const random = rng(20261127);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const randomString = (max: number) =>
	Array.from({ length: 1 + Math.floor(random() * max) }, () => String.fromCharCode(33 + Math.floor(random() * 93))).join('');

async function state(): Promise<{ revision: number; answers: string } | undefined> {
	return sqlGet(server.dbPath, `select r.revision, r.answers_json as answers from response r join entity e on e.id = r.entity_id where e.code = 'MS-SEN'`);
}

/** `actionOnly`: invalid only through its `_action`, which the autosave endpoint does not read. */
type Case = { name: string; body: string | Uint8Array<ArrayBuffer>; contentType?: string; actionOnly?: boolean };
const form = (fields: [string, string][]) => fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
const base = (page = '0'): [string, string][] => [
	['_action', pick(['save', 'next', 'previous', 'review'])],
	['_page', page],
	['_revision', '0']
];

const PAGE0_CHOICE_FIELDS = ['respondent_category', 'sectors_involved', 'offices_dealt_with', 'interaction_frequency'];
const PAGE1_SAT_FIELDS = ['sat_responsiveness', 'sat_technical_assistance', 'sat_resource_mobilization', 'sat_ldc_sids_lldc', 'sat_regional_initiatives'];
const BAD_CHARS = ['\u202E', '\u202D', '\u2066', '\u2069', '\u0000', '\u0007', '\uFFFD', '\u001B[31m'];
const NASTY_NAMES = [
	'__proto__',
	'constructor',
	'prototype',
	'sat_x',
	'q::',
	'::',
	'respondent_category::x',
	'offices_dealt_with::RO-AFR',
	'<script>',
	"'; drop table response; --",
	'a'.repeat(5000),
	'sat_itud_priorities',
	'suggestions'
];

function generate(): Case[] {
	const cases: Case[] = [];
	for (let i = 0; i < 90; i++) {
		const name = random() < 0.5 ? pick(NASTY_NAMES) : randomString(40);
		cases.push({ name: `unknown field ${i}`, body: form([...base(), [name, randomString(20)]]) });
	}
	for (let i = 0; i < 90; i++) {
		const field = pick(PAGE0_CHOICE_FIELDS);
		const value = pick([
			randomString(12),
			String(Math.floor(random() * 1e9)),
			'-1',
			'1e3',
			'null',
			'undefined',
			'RO-AFR ',
			' member_state',
			'MEMBER_STATE',
			'[object Object]'
		]);
		cases.push({ name: `choice outside the list ${i}`, body: form([...base(), [field, value]]) });
	}
	for (let i = 0; i < 80; i++) {
		const field = pick(PAGE1_SAT_FIELDS);
		const value = pick(['0', '6', '-5', '5.5', '4 ', 'NA', 'n/a', '', '99999999999999999999']);
		// '' is a legitimate "no answer": pair it with a forbidden second value instead.
		const fields: [string, string][] =
			value === ''
				? [
						[field, '4'],
						[field, '5']
					]
				: [[field, value]];
		cases.push({ name: `rating out of range ${i}`, body: form([...base('1'), ...fields]) });
	}
	for (let i = 0; i < 80; i++) {
		const text = `${randomString(30)}${pick(BAD_CHARS)}${randomString(30)}`;
		cases.push({ name: `control or bidi characters ${i}`, body: form([...base('4'), ['suggestions', text]]) });
	}
	for (let i = 0; i < 40; i++) {
		const bytes = new TextEncoder().encode(`_action=save&_page=4&_revision=0&suggestions=`);
		const bad = Uint8Array.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80].slice(0, 1 + (i % 7)));
		const body = new Uint8Array(bytes.length + bad.length + 3);
		body.set(bytes);
		body.set(new TextEncoder().encode('abc'), bytes.length);
		body.set(bad, bytes.length + 3);
		cases.push({ name: `invalid UTF-8 (raw bytes) ${i}`, body });
		cases.push({
			name: `invalid UTF-8 (percent-encoded) ${i}`,
			body: `_action=save&_page=4&_revision=0&suggestions=ok%${pick(['FF', 'FE', 'C3%28', 'ED%A0%80', 'F8%88%80%80%80'])}`
		});
	}
	for (let i = 0; i < 40; i++) {
		cases.push({ name: `over-long comment ${i}`, body: form([...base('4'), ['suggestions', 'x'.repeat(10_001 + Math.floor(random() * 50_000))]]) });
	}
	for (let i = 0; i < 60; i++) {
		const page = pick(['-1', '999', 'abc', '1e3', '0x1', '', ' 1', '1.5', 'review ', 'NaN']);
		const revision = pick(['-5', 'x', '', '1e99', '0.5']);
		const action = pick(['delete', 'submit;', '', 'goto:9999', 'lang:xx', 'lang:', '<script>']);
		const variant = i % 3;
		const fields: [string, string][] = [
			['_action', variant === 0 ? action : 'save'],
			['_page', variant === 1 ? page : '0'],
			['_revision', variant === 2 ? revision : '0']
		];
		cases.push({ name: `malformed control fields ${i}`, body: form(fields), actionOnly: variant === 0 });
	}
	for (let i = 0; i < 30; i++) {
		cases.push({
			name: `review page with answers ${i}`,
			body: form([
				['_action', 'submit'],
				['_page', 'review'],
				['_revision', '0'],
				[pick(PAGE0_CHOICE_FIELDS), 'member_state']
			])
		});
	}
	for (let i = 0; i < 20; i++) {
		cases.push({
			name: `broken multipart ${i}`,
			contentType: 'multipart/form-data; boundary=XYZ',
			body: `--XYZ\r\nContent-Disposition: form-data; name="_action"\r\n\r\nsave\r\n--XY${randomString(5)}`
		});
		cases.push({
			name: `file where text is expected ${i}`,
			contentType: 'multipart/form-data; boundary=B',
			body: `--B\r\nContent-Disposition: form-data; name="_action"\r\n\r\nsave\r\n--B\r\nContent-Disposition: form-data; name="_page"\r\n\r\n4\r\n--B\r\nContent-Disposition: form-data; name="_revision"\r\n\r\n0\r\n--B\r\nContent-Disposition: form-data; name="suggestions"; filename="x.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--B--\r\n`
		});
	}
	for (let i = 0; i < 10; i++) {
		cases.push({ name: `oversized body ${i}`, body: form([...base('4'), ['suggestions', 'y'.repeat(300_000 + i * 1000)]]) });
	}
	return cases;
}

async function send(c: Case, path = ''): Promise<{ status: number; text: string }> {
	const res = await fetch(link + path, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: path ? 'application/json' : 'text/html', origin: server.url, 'content-type': c.contentType ?? 'application/x-www-form-urlencoded' },
		body: c.body
	});
	return { status: res.status, text: await res.text() };
}

describe('hostile page posts', () => {
	const cases = generate();

	it(`generates at least 500 cases (${cases.length})`, () => {
		expect(cases.length).toBeGreaterThanOrEqual(500);
	});

	it('answers every one with a 4xx and a message, never a 5xx, and changes nothing', async () => {
		const before = await state();
		expect(before?.revision).toEqual(expect.any(Number));
		const failures: string[] = [];
		const CONCURRENCY = 8;
		for (let i = 0; i < cases.length; i += CONCURRENCY) {
			const batch = cases.slice(i, i + CONCURRENCY);
			const results = await Promise.all(batch.map((c) => send(c)));
			results.forEach((r, j) => {
				const c = batch[j]!;
				const hasMessage = /could not be saved|error-notice|invalid|too large|forbidden|malformed|unknown/i.test(r.text);
				if (r.status < 400 || r.status >= 500 || !hasMessage) failures.push(`${c.name}: HTTP ${r.status} ${r.text.slice(0, 120).replace(/\s+/g, ' ')}`);
			});
		}
		expect(failures).toEqual([]);
		expect(await state()).toEqual(before);
	}, 240_000);

	// The autosave endpoint has its own fast path (src/lib/domain/survey/save-plan.ts): the same cases must fail there too.
	it('refuses every one on the autosave endpoint as well, with a JSON error code, and changes nothing', async () => {
		const before = await state();
		expect(before?.revision).toEqual(expect.any(Number));
		const failures: string[] = [];
		const autosaveCases = cases.filter((c) => !c.actionOnly);
		expect(autosaveCases.length).toBeGreaterThanOrEqual(500);
		const CONCURRENCY = 8;
		for (let i = 0; i < autosaveCases.length; i += CONCURRENCY) {
			const batch = autosaveCases.slice(i, i + CONCURRENCY);
			const results = await Promise.all(batch.map((c) => send(c, '/autosave')));
			results.forEach((r, j) => {
				const c = batch[j]!;
				let code: unknown;
				try {
					code = (JSON.parse(r.text) as { code?: unknown }).code;
				} catch {
					code = undefined;
				}
				// Refused for what the post carries, not because the link stopped working.
				if (r.status < 400 || r.status >= 500 || typeof code !== 'string' || code === 'invalid_link' || code === 'too_many_attempts')
					failures.push(`${c.name}: HTTP ${r.status} ${r.text.slice(0, 120).replace(/\s+/g, ' ')}`);
			});
		}
		expect(failures).toEqual([]);
		expect(await state()).toEqual(before);
	}, 240_000);
});
