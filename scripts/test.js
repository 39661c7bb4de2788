// The whole test suite: build the server once (end-to-end tests run the real build),
// then Vitest over unit, integration and end-to-end tests on SQLite; then, when
// TEST_POSTGRES_URL names a PostgreSQL server, the integration suite again on
// PostgreSQL (TEST_DB=postgres: every test file gets its own database). Prints the
// closing line CI reads ("N passed, N failed", both passes together) and exits
// non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });

const build = run('npx', ['vite', 'build', '--logLevel', 'warn']);
if (build.status !== 0) {
	console.log('0 passed, 1 failed');
	process.exit(1);
}

/** One Vitest run; returns its counts (a run that wrote no report counts as one failure). */
function vitest(label, args, env) {
	const report = '.vitest.json';
	rmSync(report, { force: true });
	const tests = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...args], env);
	if (!existsSync(report)) return { label, suites: 0, passed: 0, failed: 1, skipped: 0, status: tests.status || 1 };
	const result = JSON.parse(readFileSync(report, 'utf8'));
	const { numPassedTests, numFailedTests, numPendingTests, numTotalTestSuites, numFailedTestSuites } = result;
	rmSync(report, { force: true });
	// A suite that fails to load has no failed test of its own: count it as a failure.
	const failed = numFailedTests + (numFailedTests === 0 ? numFailedTestSuites : 0);
	return { label, suites: numTotalTestSuites, passed: numPassedTests, failed, skipped: numPendingTests, status: tests.status, failures: failuresOf(result) };
}

/**
 * What failed, by file and test name with the first lines of its message: printed
 * again at the very end, because CI logs are often read from the tail only.
 */
function failuresOf(result) {
	const out = [];
	const first = (text) => String(text ?? '').split('\n').filter((l) => l.trim()).slice(0, 3).join(' | ').slice(0, 400);
	for (const file of result.testResults ?? []) {
		const name = String(file.name ?? '').replace(`${process.cwd()}/`, '');
		const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
		for (const t of failedTests) out.push(`${name} > ${t.fullName}: ${first((t.failureMessages ?? [])[0])}`);
		if (!failedTests.length && file.status === 'failed') out.push(`${name}: ${first(file.message) || 'the file failed to run'}`);
	}
	return out;
}

const extra = process.argv.slice(2);
const passes = [vitest('SQLite', extra, { TEST_DB: 'sqlite' })];
if (process.env.TEST_POSTGRES_URL) {
	// Only the integration suite: unit tests touch no database, and the browser
	// tests exercise pages, not the engine underneath.
	const files = extra.length ? extra.filter((a) => a.startsWith('tests/integration')) : ['tests/integration'];
	if (files.length || !extra.length) passes.push(vitest('PostgreSQL', files, { TEST_DB: 'postgres' }));
} else {
	console.log('\nPostgreSQL pass skipped: set TEST_POSTGRES_URL=postgres://user:password@127.0.0.1:5432/postgres (a role that may create databases) to run tests/integration on PostgreSQL too.');
}

console.log('');
for (const p of passes) for (const f of p.failures ?? []) console.log(`FAILED (${p.label}) ${f}`);
for (const p of passes) console.log(`${p.label}: ${p.suites} suites, ${p.passed} passed, ${p.failed} failed${p.skipped ? `, ${p.skipped} skipped` : ''}`);
const total = (key) => passes.reduce((sum, p) => sum + p[key], 0);
const skipped = total('skipped');
console.log(`${total('passed')} passed, ${total('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`);
const bad = passes.some((p) => p.failed > 0 || p.status !== 0 || p.passed === 0);
process.exit(bad ? 1 : 0);
