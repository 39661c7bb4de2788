// The whole test suite: build the server once (end-to-end tests run the real build),
// then Vitest over unit, integration and end-to-end tests. Prints the closing line
// CI reads ("N passed, N failed") and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env });

const build = run('npx', ['vite', 'build', '--logLevel', 'warn']);
if (build.status !== 0) {
	console.log('0 passed, 1 failed');
	process.exit(1);
}

const report = '.vitest.json';
rmSync(report, { force: true });
const tests = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...process.argv.slice(2)]);
if (!existsSync(report)) {
	console.log('0 passed, 1 failed');
	process.exit(tests.status || 1);
}
const { numPassedTests, numFailedTests, numPendingTests, numTotalTestSuites, numFailedTestSuites } = JSON.parse(readFileSync(report, 'utf8'));
// A suite that fails to load has no failed test of its own: count it as a failure.
const failed = numFailedTests + (numFailedTests === 0 ? numFailedTestSuites : 0);
console.log(`\n${numTotalTestSuites} suites`);
console.log(`${numPassedTests} passed, ${failed} failed${numPendingTests ? `, ${numPendingTests} skipped` : ''}`);
process.exit(failed > 0 || tests.status !== 0 || numPassedTests === 0 ? 1 : 0);
