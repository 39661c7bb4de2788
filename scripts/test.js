// The whole test suite: the static checks (ESLint, svelte-check, Prettier's check), then build the server once (end-to-end tests run the real build),
// then Vitest over unit, integration and end-to-end tests on SQLite (vite.config.ts: three
// projects, files of a project side by side, one project after another); then, when
// TEST_POSTGRES_URL names a PostgreSQL server, the integration suite again on
// PostgreSQL (TEST_DB=postgres: every test file gets its own database). Prints the
// closing line CI reads ("N passed, N failed", both passes together) and exits
// non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });

/**
 * A static check (npm run <script>): its own output shows why it failed; it counts as one
 * test in the closing line, so CI fails on a lint error as on a failing test.
 */
function check(script) {
	const started = Date.now();
	const result = spawnSync('npm', ['run', '--silent', script], { stdio: 'inherit' });
	const ok = result.status === 0;
	console.log(`${script}: ${ok ? 'passed' : 'FAILED'} (${Math.round((Date.now() - started) / 1000)} s)`);
	return { label: script, ok };
}

// TEST_CHECKS=0 skips them (a quick rerun of a few test files).
const checks = process.env.TEST_CHECKS === '0' ? [] : [check('lint'), check('check'), check('format:check')];
const checksFailed = checks.filter((c) => !c.ok);

const build = run('npx', ['vite', 'build', '--logLevel', 'warn']);
if (build.status !== 0) {
	for (const c of checksFailed) console.log(`FAILED (${c.label}) npm run ${c.label} reported errors: see its output above`);
	console.log('FAILED (build) vite build failed: see its output above');
	console.log(`${checks.length - checksFailed.length} passed, ${checksFailed.length + 1} failed`);
	process.exit(1);
}

/** One Vitest run; returns its counts (a run that wrote no report counts as one failure). */
function vitest(label, args, env) {
	const report = '.vitest.json';
	rmSync(report, { force: true });
	const tests = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...args], env);
	if (!existsSync(report)) return { label, suites: 0, passed: 0, failed: 1, skipped: 0, status: tests.status || 1 };
	const result = JSON.parse(readFileSync(report, 'utf8'));
	const { numPassedTests, numFailedTests, numPendingTests, numTotalTestSuites } = result;
	rmSync(report, { force: true });
	// A file that fails to load (or whose beforeAll fails) has no failed test of its own: count it
	// as one failure, also when other files have failing tests (it was hidden by them before).
	const brokenFiles = (result.testResults ?? []).filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((t) => t.status === 'failed')).length;
	const failed = numFailedTests + brokenFiles;
	return { label, suites: numTotalTestSuites, passed: numPassedTests, failed, skipped: numPendingTests, status: tests.status, failures: failuresOf(result) };
}

/**
 * What failed, by file and test name with the first lines of its message: printed
 * again at the very end, because CI logs are often read from the tail only.
 */
function failuresOf(result) {
	const out = [];
	const first = (text) =>
		String(text ?? '')
			.split('\n')
			.filter((l) => l.trim())
			.slice(0, 3)
			.join(' | ')
			.slice(0, 400);
	for (const file of result.testResults ?? []) {
		const name = String(file.name ?? '').replace(`${process.cwd()}/`, '');
		const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
		for (const t of failedTests) out.push(`${name} > ${t.fullName}: ${first((t.failureMessages ?? [])[0])}`);
		if (!failedTests.length && file.status === 'failed') out.push(`${name}: ${first(file.message) || 'the file failed to run'}`);
	}
	return out;
}

/**
 * Integration files whose database use is incidental: they run in the SQLite pass only, and
 * `covered` names where their queries run on PostgreSQL (every test still runs once).
 */
const SQLITE_ONLY = [
	{
		// Most of its minutes are the .docx and LibreOffice's layout, the same on either engine.
		file: 'tests/integration/council-document.test.ts',
		covered: 'council-report-one-load, council-report-threads and analysis-release-http generate the report from a release on PostgreSQL'
	},
	{
		// Settings refused or warned about before the database matters.
		file: 'tests/integration/config-startup.test.ts',
		covered: 'every PostgreSQL-pass server start (migrations, bootstrap); access-totp-http and access-security-http sign in on PostgreSQL'
	}
];

const extra = process.argv.slice(2);
const passes = [vitest('SQLite', extra, { TEST_DB: 'sqlite' })];
if (process.env.TEST_POSTGRES_URL) {
	// Only the integration suite: unit tests touch no database, and the browser
	// tests exercise pages, not the engine underneath.
	const files = extra.length ? extra.filter((a) => a.startsWith('tests/integration')) : ['tests/integration'];
	const excluded = SQLITE_ONLY.flatMap(({ file }) => ['--exclude', file]);
	if (files.length || !extra.length) passes.push(vitest('PostgreSQL', [...files, ...excluded], { TEST_DB: 'postgres' }));
} else {
	console.log(
		'\nPostgreSQL pass skipped: set TEST_POSTGRES_URL=postgres://user:password@127.0.0.1:5432/postgres (a role that may create databases) to run tests/integration on PostgreSQL too.'
	);
}

console.log('');
for (const c of checksFailed) console.log(`FAILED (${c.label}) npm run ${c.label} reported errors: see its output above`);
for (const p of passes) for (const f of p.failures ?? []) console.log(`FAILED (${p.label}) ${f}`);
console.log(`Checks: ${checks.map((c) => `${c.label} ${c.ok ? 'passed' : 'failed'}`).join(', ')}`);
for (const p of passes) console.log(`${p.label}: ${p.suites} suites, ${p.passed} passed, ${p.failed} failed${p.skipped ? `, ${p.skipped} skipped` : ''}`);
const total = (key) => passes.reduce((sum, p) => sum + p[key], 0);
const skipped = total('skipped');
const passed = total('passed') + checks.length - checksFailed.length;
console.log(`${passed} passed, ${total('failed') + checksFailed.length} failed${skipped ? `, ${skipped} skipped` : ''}`);
const bad = checksFailed.length > 0 || passes.some((p) => p.failed > 0 || p.status !== 0 || p.passed === 0);
process.exit(bad ? 1 : 0);
