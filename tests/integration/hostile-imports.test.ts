import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import ExcelJS from 'exceljs';
import { sqlAll, sqlGet, sqlRun } from '../helpers/sql.ts';
import { startServer, type RunningServer } from '../helpers/server.ts';
import { rng } from '../helpers/random.ts';
import { get, signInCookie } from '../helpers/access-http.ts';

/**
 * The second half of the hostile-input suite (the first, hostile-input.test.ts,
 * posts pages): generated hostile files for every import — questionnaire JSON,
 * registry CSV/XLSX, translation XLIFF/XLSX — each answered with a 4xx and a
 * message, never a 5xx, and nothing stored; then formula injection through the
 * registry and an answer, neutralised in every CSV export.
 */
const PASSWORD = 'hostile imports password 1';
const ADMIN = 'admin@hostile.example.org';
let server: RunningServer;
let admin: string;

const random = rng(20261127);
const at = (length: number) => 1 + Math.floor(random() * (length - 2));

type Bytes = Uint8Array<ArrayBuffer>;
interface FileCase {
	name: string;
	file: string;
	body: string | Bytes;
	/** For translation files: which importer the form names. */
	format?: 'xliff' | 'xlsx';
}

const encode = (s: string): Bytes => new TextEncoder().encode(s) as Bytes;
function withBytes(text: string, position: number, bytes: number[]): Bytes {
	const head = encode(text.slice(0, position));
	const tail = encode(text.slice(position));
	const out = new Uint8Array(head.length + bytes.length + tail.length);
	out.set(head);
	out.set(bytes, head.length);
	out.set(tail, head.length + bytes.length);
	return out;
}
const nested = (depth: number, open: string, close: string, inner = '1') => open.repeat(depth) + inner + close.repeat(depth);

async function postFile(path: string, c: FileCase, fields: Record<string, string>): Promise<{ status: number; text: string }> {
	const form = new FormData();
	for (const [k, v] of Object.entries(fields)) form.set(k, v);
	form.set('file', new File([c.body], c.file));
	const res = await fetch(server.url + path, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', origin: server.url, cookie: admin },
		body: form
	});
	return { status: res.status, text: await res.text() };
}

/**
 * A body over the server's limit, sent as a browser would: the server may answer
 * (413) and close before the upload is over, so the answer is read as soon as it
 * comes and the rest of the upload is abandoned (fetch would report only EPIPE).
 */
function postOversized(path: string, bytes: number): Promise<{ status: number; text: string }> {
	return new Promise((resolve, reject) => {
		const url = new URL(server.url + path);
		const req = request(
			{
				host: url.hostname,
				port: url.port,
				path: url.pathname + url.search,
				method: 'POST',
				headers: { accept: 'text/html', origin: server.url, cookie: admin, 'content-type': 'multipart/form-data; boundary=x', 'content-length': bytes }
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => (text += chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
			}
		);
		req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
		// A server that closed without answering fails the test instead of hanging it.
		req.on('socket', (socket) => socket.on('close', () => setTimeout(() => resolve({ status: 0, text: 'closed without an answer' }), 1_000)));
		const chunk = Buffer.alloc(64 * 1024, 'x');
		let sent = 0;
		const pump = () => {
			while (sent < bytes) {
				sent += chunk.length;
				if (!req.write(chunk)) return void req.once('drain', pump);
			}
			req.end();
		};
		pump();
	});
}

/** A multipart upload cut off in the middle of its file part, as when a connection drops. */
async function postCutShort(path: string, fields: Record<string, string>): Promise<{ status: number; text: string }> {
	const parts = Object.entries(fields).map(([k, v]) => `--cut\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
	const body = `${parts.join('')}--cut\r\nContent-Disposition: form-data; name="file"; filename="half.csv"\r\nContent-Type: text/csv\r\n\r\ncode;kind;name\nMS-SEN;member_st`;
	const res = await fetch(server.url + path, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', origin: server.url, cookie: admin, 'content-type': 'multipart/form-data; boundary=cut' },
		body
	});
	return { status: res.status, text: await res.text() };
}

/** Sends every case; returns the ones not answered with a 4xx carrying a message. */
async function refusedEach(cases: FileCase[], send: (c: FileCase) => Promise<{ status: number; text: string }>, message: RegExp): Promise<string[]> {
	const failures: string[] = [];
	for (const c of cases) {
		const r = await send(c);
		if (r.status < 400 || r.status >= 500 || !message.test(r.text))
			failures.push(
				`${c.name}: HTTP ${r.status} ${r.text
					.replace(/<[^>]+>/g, ' ')
					.replace(/\s+/g, ' ')
					.slice(0, 160)}`
			);
	}
	return failures;
}

const questionnaireText = readFileSync('surveys/regional-presence-2026.json', 'utf8');

function questionnaireCases(): FileCase[] {
	const cases: FileCase[] = [];
	const add = (name: string, body: string | Bytes) => cases.push({ name, file: `${name.replace(/\W+/g, '-')}.json`, body });
	for (const depth of [33, 40, 100, 1_000, 10_000, 100_000]) {
		add(`arrays nested ${depth} deep`, nested(depth, '[', ']'));
		add(`objects nested ${depth} deep`, nested(depth, '{"a":', '}'));
		add(`arrays nested ${depth} deep in a page`, `{"pages":[{"name":"p","elements":${nested(depth, '[', ']', '{}')}}]}`);
		add(
			`objects nested ${depth} deep in a question`,
			`{"pages":[{"name":"p","elements":[{"type":"text","name":"q","title":${nested(depth, '{"default":', '}', '"x"')}}]}]}`
		);
	}
	for (let i = 0; i < 20; i++) add(`the 2026 questionnaire cut short ${i}`, questionnaireText.slice(0, at(questionnaireText.length)));
	const badUtf8 = [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82]];
	for (let i = 0; i < 15; i++) {
		// Inside a string value, so that only the bytes are wrong.
		const quote = questionnaireText.indexOf('"title"', at(questionnaireText.length - 200)) + 10;
		add(`invalid UTF-8 in a title ${i}`, withBytes(questionnaireText, quote, badUtf8[i % badUtf8.length]!));
	}
	for (const [name, text] of Object.entries({
		'empty file': '',
		'a byte-order mark only': '\uFEFF',
		null: 'null',
		'an array': '[]',
		'a number': '42',
		'a string': '"pages"',
		true: 'true',
		NaN: '{"pages": NaN}',
		Infinity: '{"title": Infinity, "pages": []}',
		comments: '{/* x */ "pages": []}',
		'a trailing comma': '{"pages": [],}',
		'single quotes': "{'pages': []}",
		'unquoted keys': '{pages: []}',
		'two documents': '{"pages": []}{"pages": []}',
		'a NUL byte': '{"title": "a\u0000b", "pages": []}',
		'pages not a list': '{"pages": {"name": "p"}}',
		// (A question without a name is no longer hostile: it is named on import as SurveyJS Creator names it; nor are two questions sharing one name, which share one value as in survey-core: issue 18.)
		'an element that is a string': '{"pages": [{"name": "p", "elements": ["text"]}]}',
		'__proto__ at the top': '{"__proto__": {"polluted": true}, "pages": [{"name": "p", "elements": [{"type": "text", "name": "q"}]}]}',
		'constructor.prototype in a question':
			'{"pages": [{"name": "p", "elements": [{"type": "text", "name": "q", "constructor": {"prototype": {"polluted": true}}}]}]}',
		'__proto__ in a question': '{"pages": [{"name": "p", "elements": [{"type": "text", "name": "q", "__proto__": {"isRequired": true}}]}]}',
		'an unknown question type': '{"pages": [{"name": "p", "elements": [{"type": "evil-widget", "name": "s"}]}]}',
		'a condition that does not parse': '{"pages": [{"name": "p", "elements": [{"type": "text", "name": "q", "visibleIf": "{a} = = ) ("}]}]}',
		'a 2.1 MB questionnaire': JSON.stringify({ title: 'x'.repeat(2_100_000), pages: [{ name: 'p', elements: [{ type: 'text', name: 'q' }] }] })
	}))
		add(name, text);
	return cases;
}

function registryCases(valid: string, workbook: Bytes): FileCase[] {
	const cases: FileCase[] = [];
	for (let i = 0; i < 15; i++)
		cases.push({ name: `an XLSX cut short ${i} (half-written upload)`, file: `cut-${i}.xlsx`, body: workbook.slice(0, at(workbook.length)) as Bytes });
	for (let i = 0; i < 5; i++)
		cases.push({
			name: `random bytes named .xlsx ${i}`,
			file: `random-${i}.xlsx`,
			body: Uint8Array.from({ length: 2_000 + i * 5_000 }, () => Math.floor(random() * 256)) as Bytes
		});
	cases.push({ name: 'a ZIP that is no workbook', file: 'empty.xlsx', body: Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]) as Bytes });
	cases.push({ name: 'an empty CSV', file: 'empty.csv', body: '' });
	cases.push({
		name: 'a CSV of 10,000 columns',
		file: 'wide.csv',
		body: `${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',')}\n${'x,'.repeat(9_999)}x\n`
	});
	cases.push({
		name: 'a CSV in UTF-16',
		file: 'utf16.csv',
		body: Uint8Array.from([0xff, 0xfe, ...[...'code,kind'].flatMap((c) => [c.charCodeAt(0), 0])]) as Bytes
	});
	cases.push({ name: 'a CSV with invalid UTF-8', file: 'bad.csv', body: withBytes(valid, valid.indexOf('Senegal') + 2, [0xff, 0xfe]) });
	cases.push({ name: 'a CSV with an unclosed quote', file: 'quote.csv', body: valid.replace('Senegal', '"Senegal') });
	cases.push({ name: 'a CSV row with a NUL byte in the code', file: 'nul.csv', body: valid.replace('MS-SEN', 'MS-\u0000SEN') });
	cases.push({ name: 'a CSV row with a bidi override in the country', file: 'bidi.csv', body: valid.replace(';SEN;', ';\u202ESEN;') });
	return cases;
}

function translationCases(xliff: string, workbook: Bytes): FileCase[] {
	const cases: FileCase[] = [];
	const x = (name: string, body: string | Bytes) => cases.push({ name, file: 'file.xlf', body, format: 'xliff' });
	x(
		'a billion-laughs DOCTYPE',
		`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>${xliff.replace(/^<\?xml[^>]*\?>/, '').replace('<target>', '<target>&c;')}`
	);
	x('an external entity', `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${xliff.replace(/^<\?xml[^>]*\?>/, '')}`);
	x('elements nested 10,000 deep', xliff.replace('</file>', `${nested(10_000, '<g>', '</g>', '')}</file>`));
	x('not XML at all', 'id,target\nq,x\n');
	x('another XML vocabulary', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
	for (let i = 0; i < 10; i++) x(`the export cut short ${i}`, xliff.slice(0, at(xliff.length)));
	for (let i = 0; i < 5; i++)
		x(`invalid UTF-8 in a target ${i}`, withBytes(xliff, xliff.indexOf('<target>', at(xliff.length - 500)) + 8, [0xff, 0xc3, 0x28].slice(0, 1 + (i % 3))));
	for (let i = 0; i < 10; i++)
		cases.push({ name: `a workbook cut short ${i}`, file: 'file.xlsx', body: workbook.slice(0, at(workbook.length)) as Bytes, format: 'xlsx' });
	return cases;
}

beforeAll(async () => {
	server = await startServer({ ADMIN_PASSWORD: PASSWORD, ADMIN_EMAIL: ADMIN });
	admin = await signInCookie(server.url, ADMIN, PASSWORD);
}, 60_000);
afterAll(async () => {
	await server?.stop();
});

describe('hostile imports', () => {
	it('refuses every hostile questionnaire JSON with a message, storing no draft', async () => {
		const cases = questionnaireCases();
		expect(cases.length).toBeGreaterThanOrEqual(60);
		const failures = await refusedEach(
			cases,
			(c) => postFile('/admin/questionnaires?/import', c, { slug: 'hostile-json' }),
			/line|column|JSON|too large|deep|UTF-8|unknown|unsupported|not|missing|must|duplicate|error/i
		);
		expect(failures).toEqual([]);
		expect(await sqlAll(server.dbPath, "select slug from questionnaire_draft where slug = 'hostile-json'")).toEqual([]);
		expect((await get(`${server.url}/healthz`)).status).toBe(200);
	}, 120_000);

	it('refuses every hostile registry file with a message, changing no entity', async () => {
		const valid = readFileSync('tests/fixtures/registry/valid-bom-semicolon.csv', 'utf8');
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet('registry');
		const rows = valid
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\n')
			.map((l) => l.split(';'));
		for (const row of rows) sheet.addRow(row);
		const workbook = new Uint8Array(await book.xlsx.writeBuffer()) as Bytes;
		const before = await sqlAll(server.dbPath, 'select * from entity order by code');
		const failures = await refusedEach(
			registryCases(valid, workbook),
			(c) => postFile('/admin/registry?/import', c, {}),
			/row|line|column|file|UTF|too large|workbook|XLSX|CSV|character|quote|empty/i
		);
		expect(failures).toEqual([]);
		const oversized = await postOversized('/admin/registry?/import', 7 * 1024 * 1024);
		expect(oversized.status).toBe(413);
		expect(oversized.text).toContain('larger than the server accepts');
		expect(await sqlAll(server.dbPath, 'select * from entity order by code')).toEqual(before);
	}, 120_000);

	it('refuses every hostile translation file with a message, changing no translation', async () => {
		const SLUG = 'regional-presence-2026';
		expect(
			(
				await fetch(`${server.url}/admin/questionnaires/${SLUG}?/startDraft`, {
					method: 'POST',
					redirect: 'manual',
					headers: { accept: 'text/html', origin: server.url, cookie: admin, 'content-type': 'application/x-www-form-urlencoded' },
					body: ''
				})
			).status
		).toBe(303);
		const base = `${server.url}/admin/questionnaires/${SLUG}/translations`;
		const xliff = await (await get(`${base}/export?lang=fr&format=xliff`, admin)).text();
		const workbook = new Uint8Array(await (await get(`${base}/export?lang=fr&format=xlsx`, admin)).arrayBuffer()) as Bytes;
		expect(xliff).toContain('<target>');
		const snapshot = async () =>
			JSON.stringify([
				await sqlAll(server.dbPath, `select definition_json, revision from questionnaire_draft where slug = ?`, SLUG),
				await sqlAll(server.dbPath, 'select * from translation_state order by owner_id, string_key, locale')
			]);
		const before = await snapshot();
		const cases = translationCases(xliff, workbook);
		const failures = await refusedEach(
			cases,
			(c) => postFile(`/admin/questionnaires/${SLUG}/translations?/import`, c, { locale: 'fr', format: c.format ?? 'xliff' }),
			/line|DOCTYPE|XML|XLIFF|XLSX|workbook|UTF|not|missing|unknown|malformed/i
		);
		expect(failures).toEqual([]);
		expect(await snapshot()).toBe(before);
	}, 120_000);
});

describe('half-written uploads', () => {
	it.each([
		['/admin/registry?/import', {}],
		['/admin/questionnaires?/import', { slug: 'half-written' }],
		['/admin/questionnaires/regional-presence-2026/translations?/import', { locale: 'fr', format: 'xliff' }]
	])('%s answers 400 "could not be read" and stores nothing', async (path, fields) => {
		const before = await sqlAll(server.dbPath, 'select count(*) as n from audit_log');
		const res = await postCutShort(path, fields);
		expect(res.status).toBe(400);
		expect(res.text).toContain('could not be read');
		expect(await sqlAll(server.dbPath, 'select count(*) as n from audit_log')).toEqual(before);
	});
});

describe('formula injection', () => {
	const HOSTILE = ['=HYPERLINK("http://evil.example","open")', "+cmd|' /C calc'!A0", '-2+3', "@SUM(1+1)*cmd|' /C calc'!A0"];

	it('imports hostile names as text and neutralises them in the non-responders CSV', async () => {
		// An existing, invited entity renamed through the registry file (updates go by code).
		const header = 'code;kind;name;country;sectors;language;contact_name;contact_email';
		const csv = `${header}\nMS-SEN;member_state;${HOSTILE[0]!.replace(/"/g, '""').replace(/^(.*)$/, '"$1"')};SEN;;fr;${HOSTILE[2]};awa.diop@example.org\n`;
		const res = await postFile('/admin/registry?/import', { name: 'formula names', file: 'registry.csv', body: csv }, {});
		expect(res.status).toBe(200);
		expect(await sqlGet(server.dbPath, "select name from entity where code = 'MS-SEN'")).toEqual({ name: HOSTILE[0] });
		const export_ = await (await get(`${server.url}/admin/editions/rp-2026/non-responders.csv`, admin)).text();
		expect(export_).toContain(`"'=HYPERLINK(""http://evil.example"",""open"")"`);
		expect(export_).not.toMatch(/(^|[,\n])=HYPERLINK/);
	});

	it('neutralises an answer typed as a formula in the comments, microdata and codebook exports', async () => {
		const response = await sqlGet<{ id: string; answers_json: string }>(
			server.dbPath,
			"select r.id, r.answers_json from response r join entity e on e.id = r.entity_id where e.code = 'MS-SEN'"
		);
		const answers = { ...(response ? JSON.parse(response.answers_json) : {}), suggestions: HOSTILE[3], respondent_category: 'member_state' };
		if (response)
			await sqlRun(
				server.dbPath,
				"update response set answers_json = ?, state = 'submitted', submitted_at = ? where id = ?",
				JSON.stringify(answers),
				new Date().toISOString(),
				response.id
			);
		else {
			await fetch(server.demoLink, { headers: { accept: 'text/html' } });
			const created = await sqlGet<{ id: string }>(server.dbPath, "select r.id from response r join entity e on e.id = r.entity_id where e.code = 'MS-SEN'");
			await sqlRun(
				server.dbPath,
				"update response set answers_json = ?, state = 'submitted', submitted_at = ? where id = ?",
				JSON.stringify(answers),
				new Date().toISOString(),
				created!.id
			);
		}
		const comments = await (await get(`${server.url}/admin/results/rp-2026/comments/comments.csv`, admin)).text();
		expect(comments).toContain(`'${HOSTILE[3]!.slice(0, 9)}`);
		const microdata = await (await get(`${server.url}/admin/results/rp-2026/export/microdata.csv`, admin)).text();
		expect(microdata).toContain(`'${HOSTILE[3]!.slice(0, 9)}`);
		for (const text of [comments, microdata]) expect(text.split(/\r?\n/).some((line) => line.split(',').some((cell) => /^"?[=+@]/.test(cell)))).toBe(false);
		// In the workbook the answer is a text cell (type 3 = string), never a formula.
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(await (await get(`${server.url}/admin/results/rp-2026/export/microdata.xlsx`, admin)).arrayBuffer());
		const cells: ExcelJS.Cell[] = [];
		book.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => cells.push(c))));
		const hostile = cells.filter((c) => String(c.value).startsWith('@SUM'));
		expect(hostile.length).toBeGreaterThan(0);
		for (const c of hostile) expect(c.type).toBe(ExcelJS.ValueType.String);
	});
});
