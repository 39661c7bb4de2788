import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runCli, startServer, type RunningServer } from '../helpers/server.ts';
import { get, seedUsers, signInCookie } from '../helpers/access-http.ts';
import { createDb, type Db } from '../../src/lib/server/db/create-db.ts';
import { insertSyntheticResponses } from '../../src/lib/server/analysis/demo.ts';

/**
 * Issue 17 item 2: the CLI and the analyst's export page give SPSS, Stata and R scripts that
 * read the microdata CSV from their own folder with valid names, variable and value labels,
 * and "don't know" as a declared missing value; the scripts are loaded with Debian's PSPP and
 * R (tests skip with a message where they are not installed: `apt-get install pspp r-base-core`,
 * which .ci/run does). Partial (unsubmitted) responses come only on request, audited as such.
 */
let server: RunningServer;
let db: Db;
let dir = '';
let dontKnowId = '';
let partialId = '';
let submitted = 0;
let total = 0;
const PASSWORD = 'a long enough password';
const SLUG = 'rp-2026';

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const HAS_PSPP = has('pspp');
const HAS_R = has('Rscript');
if (!HAS_PSPP) console.warn('stats-export: pspp is not installed (apt-get install pspp): the PSPP test is skipped');
if (!HAS_R) console.warn('stats-export: Rscript is not installed (apt-get install r-base-core): the R test is skipped');

beforeAll(async () => {
	server = await startServer({ ADMIN_PASSWORD: PASSWORD });
	db = createDb(server.dbPath);
	await insertSyntheticResponses(db, SLUG, 40, 3);
	const responses = await db.selectFrom('response').select(['id', 'answers_json']).where('state', '=', 'submitted').orderBy('id').execute();
	// The first says "don't know" to the overall question; the last is put back in progress.
	dontKnowId = responses[0]!.id;
	const answers = { ...JSON.parse(responses[0]!.answers_json), overall_satisfaction: 'na', suggestions: 'First line,\r\nsecond "line"\n\nthird' };
	await db
		.updateTable('response')
		.set({ answers_json: JSON.stringify(answers) })
		.where('id', '=', dontKnowId)
		.execute();
	partialId = responses.at(-1)!.id;
	await db.updateTable('response').set({ state: 'in_progress', submitted_at: null }).where('id', '=', partialId).execute();
	const count = async (state?: 'submitted') =>
		Number(
			(
				await (state ? db.selectFrom('response').where('state', '=', state) : db.selectFrom('response'))
					.select((e) => e.fn.countAll().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);
	submitted = await count('submitted');
	total = await count();
	dir = mkdtempSync(join(tmpdir(), 'rps-stats-'));
	for (const file of ['microdata.csv', 'codebook.csv', 'microdata.sps', 'microdata.do', 'microdata.R'])
		runCli(server, 'export', '--edition', SLUG, '--file', file, '--out', dir);
});
afterAll(async () => {
	await db?.destroy();
	await server?.stop();
	if (dir) rmSync(dir, { recursive: true, force: true });
});

const read = (file: string) => readFileSync(join(dir, `${SLUG}-${file}`), 'utf8');
const parse = (csv: string) => Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
/** How many said "don't know" to the overall question, from the CSV itself. */
const dontKnows = () => parse(read('microdata.csv')).filter((r) => r.overall_satisfaction === 'na').length;

describe('statistics scripts from the command line', () => {
	it('writes the scripts next to the CSV they read, and the codebook maps dotted columns to valid names', () => {
		const csv = read('microdata.csv');
		expect(csv).toContain(dontKnowId);
		expect(csv).not.toContain(partialId);
		expect(parse(csv)).toHaveLength(submitted);
		const book = parse(read('codebook.csv'));
		const dotted = book.find((e) => e.variable === 'sat_itud_priorities.digital_transformation')!;
		expect(dotted.stats_name).toBe('sat_itud_priorities_digital_tran');
		for (const e of book) expect(e.stats_name).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,31}$/);
		for (const script of ['microdata.sps', 'microdata.do', 'microdata.R']) expect(read(script)).toContain(`${SLUG}-microdata.csv`);
		expect(read('microdata.do')).toContain('replace overall_satisfaction = .a if');
	});

	it.skipIf(!HAS_PSPP)('loads in PSPP with labels, and "don\'t know" is a missing value', () => {
		writeFileSync(
			join(dir, 'check.sps'),
			[
				`INSERT FILE="${SLUG}-microdata.sps".`,
				'DISPLAY DICTIONARY /VARIABLES=overall_satisfaction sat_itud_priorities_digital_tran respondent_category.',
				`TEMPORARY.`,
				`SELECT IF response_id = "${dontKnowId}".`,
				'LIST /VARIABLES=response_id overall_satisfaction.',
				'FREQUENCIES /VARIABLES=overall_satisfaction.',
				''
			].join('\n')
		);
		const run = spawnSync('pspp', ['-O', 'format=txt', '-O', 'width=250', '-o', 'out.txt', 'check.sps'], { cwd: dir, encoding: 'utf8' });
		const out = readFileSync(join(dir, 'out.txt'), 'utf8');
		expect(run.status, run.stdout + run.stderr + out).toBe(0);
		expect(out).not.toMatch(/error|warning/i);
		// Variable label, value labels and the declared missing value, from PSPP's own dictionary.
		expect(out).toContain('Overall, how satisfied is your entity');
		expect(out).toMatch(/Very satisfied/);
		expect(out).toMatch(/No interaction \/ don't know/);
		expect(out).toMatch(/\|overall_satisfaction\s*\|\s*8\|Right\s*\|F8\.0\s*\|F8\.0\s*\|99\s*\|/);
		expect(out).toContain('Member State');
		// The don't-know answer came through as 99, counted as missing by FREQUENCIES.
		expect(out).toMatch(new RegExp(`${dontKnowId}[\\s|]+99\\b`));
		// One case per response: an open answer's line breaks do not split a row (PSPP cannot read them inside quotes).
		expect(out).toMatch(new RegExp(`\\|Total\\s*\\|\\s*${submitted}\\|`));
		expect(out).toMatch(new RegExp(`Missing\\s+No interaction / don't(?: know)?\\s*\\|\\s*${dontKnows()}\\|`));
	});

	it.skipIf(!HAS_R)('loads in R with labels, and "don\'t know" is NA', () => {
		const check = [
			`source(${JSON.stringify(join(dir, `${SLUG}-microdata.R`))})`,
			'x <- microdata$overall_satisfaction',
			`i <- which(microdata$response_id == ${JSON.stringify(dontKnowId)})`,
			'cat("rows", nrow(microdata), "\\n")',
			'cat("dk", is.na(x[i]), attr(x, "dont_know")[i], sum(attr(x, "dont_know")), "\\n")',
			'cat("label", attr(x, "label"), "\\n")',
			'cat("labels", names(attr(x, "labels"))[attr(x, "labels") == 5], "\\n")',
			'cat("valid", all(x[-i] %in% c(1:5, NA)), "\\n")',
			'cat("category", levels(microdata$respondent_category)[1], "\\n")',
			'cat("dotted", "sat_itud_priorities_digital_tran" %in% names(microdata), "\\n")'
		].join('\n');
		const out = execFileSync('Rscript', ['-e', check], { cwd: tmpdir(), encoding: 'utf8' });
		expect(out).toContain(`rows ${submitted} `);
		expect(out).toContain(`dk TRUE TRUE ${dontKnows()} `);
		expect(out).toContain('label Overall, how satisfied is your entity');
		expect(out).toContain('labels Very satisfied');
		expect(out).toContain('valid TRUE');
		expect(out).toContain('category Member State');
		expect(out).toContain('dotted TRUE');
	});
});

describe('partial responses and the export page', () => {
	const PATH = `/admin/results/${SLUG}/export`;
	let analyst = '';
	let council = '';
	beforeAll(async () => {
		await seedUsers(
			server.dbPath,
			[
				{ email: 'analyst@example.org', role: 'analyst' },
				{ email: 'council@example.org', role: 'council' }
			],
			PASSWORD
		);
		analyst = await signInCookie(server.url, 'analyst@example.org', PASSWORD);
		council = await signInCookie(server.url, 'council@example.org', PASSWORD);
	});

	it('includes responses in progress only on request, flagged, and audits the download as partial', async () => {
		const res = await get(`${server.url}${PATH}/microdata.csv?partial=1`, analyst);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toContain(`${SLUG}-partial-microdata.csv`);
		const rows = parse(await res.text());
		expect(rows).toHaveLength(total);
		expect(rows.filter((r) => r.submitted === '1')).toHaveLength(submitted);
		expect(rows.find((r) => r.response_id === partialId)?.submitted).toBe('0');
		expect(rows.find((r) => r.response_id === dontKnowId)?.submitted).toBe('1');
		const sps = await (await get(`${server.url}${PATH}/microdata.sps?partial=1`, analyst)).text();
		expect(sps).toContain(`/FILE="${SLUG}-partial-microdata.csv"`);
		const audit = await db
			.selectFrom('audit_log')
			.select('details_json')
			.where('action', '=', 'data.download')
			.orderBy('at', 'desc')
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		expect(JSON.parse(audit.details_json!)).toMatchObject({ file: 'microdata.sps', rows: total, filter: { responses: 'submitted and in progress' } });
	});

	it('refuses the scripts to a reader without raw-data rights', async () => {
		for (const file of ['microdata.sps', 'microdata.do', 'microdata.R'])
			expect((await get(`${server.url}${PATH}/${file}?partial=1`, council)).status).toBe(403);
	});

	it('links the scripts and the partial exports on the results page', async () => {
		const html = await (await get(`${server.url}/admin/results/${SLUG}`, analyst)).text();
		for (const file of ['microdata.sps', 'microdata.do', 'microdata.R']) expect(html).toContain(`${PATH}/${file}"`);
		expect(html).toContain(`${PATH}/microdata.csv?partial=1`);
	});
});
