// `npm audit` over every installed package, dev dependencies included: SvelteKit,
// Svelte and the adapter are devDependencies but are bundled into build/ and run in
// production, so `--omit=dev` would hide advisories for code the server runs.
// Fails (exit 1) on a high or critical advisory; prints moderate and low ones and
// goes on. When the registry's audit endpoint cannot be reached (offline mirrors
// answer 405), it says so and goes on, unless AUDIT_REQUIRED=1. docs/dependencies.md
// records the decision and the findings.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

// AUDIT_REPORT=file reads a saved `npm audit --json` instead (offline review, and how this script was checked).
const run = process.env.AUDIT_REPORT ? { stdout: readFileSync(process.env.AUDIT_REPORT, 'utf8') } : spawnSync('npm', ['audit', '--json'], { encoding: 'utf8' });
let report;
try {
	report = JSON.parse(run.stdout);
} catch {
	report = { message: (run.stderr || run.stdout || 'no output').trim().split('\n')[0] };
}
if (!report.vulnerabilities) {
	const why = report.message ?? report.error?.summary ?? 'no report';
	console.log(`audit: the registry's audit endpoint gave no report (${why})`);
	process.exit(process.env.AUDIT_REQUIRED === '1' ? 1 : 0);
}
const found = Object.values(report.vulnerabilities);
const blocking = found.filter((v) => v.severity === 'high' || v.severity === 'critical');
for (const v of found) {
	const titles = v.via.filter((x) => typeof x === 'object').map((x) => x.title);
	console.log(
		`audit: ${v.severity.padEnd(8)} ${v.name}${v.isDirect ? ' (direct)' : ''}${titles.length ? `: ${titles.join('; ')}` : ` via ${v.via.join(', ')}`}${v.fixAvailable ? ' (fix available)' : ''}`
	);
}
console.log(`audit: ${found.length} vulnerable packages, ${blocking.length} high or critical`);
process.exit(blocking.length ? 1 : 0);
