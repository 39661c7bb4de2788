import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runCli, startServer, type RunningServer } from '../helpers/server.ts';
import { createDb, type Db } from '../../src/lib/server/db/create-db.ts';
import { newId, nowIso } from '../../src/lib/server/db/ids.ts';
import { insertSubmittedResponse } from '../../src/lib/server/analysis/demo.ts';

/**
 * Issue 18 (review of item 3): a real export of an edition answered with the new kinds. Matrix
 * cells, dynamic rows and panels (index in the name, up to the largest count), the "Other"
 * text (`<name>-Comment`), image picker, slider and signature are columns of their own in the
 * CSV, the codebook and the SPSS script, with labels: no JSON blob, nothing missing.
 */
const SLUG = 'export-kinds';
let server: RunningServer;
let db: Db;
let dir = '';

const ANSWERS = [
	{
		role: 'other',
		'role-Comment': 'Volunteer',
		nps: 9,
		tools: { office: { score: 3, uses: ['chat'], paid: true, note: 'Old licence' } },
		devices: [{ kind: 'laptop', count: '3' }, { kind: 'phone' }, { count: '1' }],
		members: [{ 'first-name': 'Amal', works: 'yes' }],
		walls: ['blue'],
		staff: 40,
		signature: { typedName: 'Amal Haddad' }
	},
	{ role: 'chief', nps: 2, devices: [{ kind: 'phone', count: '2' }], members: [{ 'first-name': 'Badr' }, { 'first-name': 'Chadi', works: 'no' }] }
];

beforeAll(async () => {
	server = await startServer();
	runCli(
		server,
		'edition:create',
		'--questionnaire',
		'tests/fixtures/surveyjs-export-kinds.json',
		'--slug',
		SLUG,
		'--override-translations',
		'--reason',
		'test fixture in English only'
	);
	db = createDb(server.dbPath);
	const edition = await db.selectFrom('edition').select(['id', 'questionnaire_id']).where('slug', '=', SLUG).executeTakeFirstOrThrow();
	const entities = await db.selectFrom('entity').select('id').orderBy('code').limit(ANSWERS.length).execute();
	const now = nowIso();
	for (const [i, answers] of ANSWERS.entries())
		await insertSubmittedResponse(db, {
			id: `r${i}-${newId()}`,
			editionId: edition.id,
			entityId: entities[i]!.id,
			questionnaireId: edition.questionnaire_id,
			answers: JSON.stringify(answers),
			locale: 'en',
			furthestPage: 0,
			now
		});
	dir = mkdtempSync(join(tmpdir(), 'rps-kinds-'));
	for (const file of ['microdata.csv', 'codebook.csv', 'microdata.sps']) runCli(server, 'export', '--edition', SLUG, '--file', file, '--out', dir);
	// Four CLI runs (each a Node start) on a shared 2-core machine.
}, 300_000);
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

const read = (file: string) => readFileSync(join(dir, `${SLUG}-${file}`), 'utf8');
const parse = (csv: string) => Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

describe('exports of matrix, dynamic, Other, image picker, slider and signature answers', () => {
	it('writes one column per cell, row and panel, with the answers as values', () => {
		const rows = parse(read('microdata.csv'));
		expect(rows).toHaveLength(2);
		const [first, second] = [...rows].sort((a, b) => (a.role === 'other' ? -1 : b.role === 'other' ? 1 : 0));
		expect(first).toMatchObject({
			role: 'other',
			'role-Comment': 'Volunteer',
			nps: '9',
			'tools.office.score': '3',
			'tools.office.uses.mail': '0',
			'tools.office.uses.chat': '1',
			'tools.office.paid': 'true',
			'tools.office.note': 'Old licence',
			'devices.1.kind': 'laptop',
			'devices.1.count': '3',
			'devices.2.kind': 'phone',
			'devices.3.count': '1',
			'members.1.first-name': 'Amal',
			'members.1.works': 'yes',
			'walls.white': '0',
			'walls.blue': '1',
			staff: '40',
			signature: 'signed (typed: Amal Haddad)'
		});
		// Up to the largest count: the second response has two panels and one row; its missing ones are empty.
		expect(second).toMatchObject({ 'members.2.first-name': 'Chadi', 'members.2.works': 'no', 'devices.1.kind': 'phone', 'devices.3.kind': '' });
		expect(Object.keys(first!)).not.toContain('members.3.first-name');
		// No JSON blob anywhere.
		for (const row of rows) for (const value of Object.values(row)) expect(value).not.toMatch(/^[[{]/);
	});

	it('labels every column in the codebook, with the rating points survey-core draws', () => {
		const book = new Map(parse(read('codebook.csv')).map((e) => [e.variable, e]));
		expect(book.get('nps')).toMatchObject({ type: 'scale', values: '10; 9; 8; 7; 6; 5; 4; 3; 2; 1; 0' });
		expect(book.get('tools.office.score')).toMatchObject({ type: 'single', label: 'Tools: Office suite: Score', values: '1=1; 2=2; 3=3' });
		expect(book.get('tools.office.uses.chat')).toMatchObject({ type: 'multiple', label: 'Tools: Office suite: Uses: chat' });
		expect(book.get('devices.2.kind')).toMatchObject({ type: 'single', label: 'Devices #2: Kind', values: 'laptop=laptop; phone=phone' });
		expect(book.get('members.2.works')).toMatchObject({ type: 'single', label: 'Members #2: Works?' });
		expect(book.get('role-Comment')).toMatchObject({ type: 'text', label: 'Your role: Other (please specify)' });
		expect(book.get('role')?.values).toContain('other=Other');
		expect(book.get('walls.blue')).toMatchObject({ type: 'multiple', label: 'Wall colours: Blue' });
		expect(book.get('staff')).toMatchObject({ type: 'number', label: 'Staff' });
		expect(book.get('signature')?.values).toContain('typed');
		// Statistics names are valid (no dots or hyphens).
		for (const e of book.values()) expect(e.stats_name).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,31}$/);
	});

	it('declares the new columns in the SPSS script with their labels', () => {
		const sps = read('microdata.sps');
		expect(sps).toContain('tools_office_score');
		expect(sps).toContain('Members #1: First name');
		expect(sps).toContain('role_Comment');
	});
});
