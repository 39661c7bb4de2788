import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Guards of the suite's own cost (issue 13 item 5). A CLI process costs about 3.5 s of CPU to
 * load; a test that needs a link or seeded data calls the same functions in its own process
 * (helpers/server.ts newLink, helpers/seed.ts). Only the files that test the command line spawn it for that.
 */
const testFiles = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []
	);
const FILES = testFiles('tests').map((path) => ({ path, text: readFileSync(path, 'utf8') }));
/** Files that test the command line itself (its commands, its refusals, backup and restore through it). */
const CLI_TESTS = new Set([
	'tests/integration/cli-distribution.test.ts',
	'tests/integration/backup.test.ts',
	'tests/integration/postgres-backup.test.ts',
	// Its set-up asserts the CLI's translation gate (refused, then overridden).
	'tests/e2e/question-types.test.ts'
]);

/** The runCli(...) calls of a file, and those of a local `cli(...)` wrapper, each as one string (calls span lines). */
const cliCalls = (text: string) => text.match(/\b(runCli|cli)\([^)]*\)/g) ?? [];

describe('the suite spawns no CLI process for work a helper does in-process', () => {
	it('no personal link is made with `cli invite --entity` (newLink does it)', () => {
		const found = FILES.filter((f) => !CLI_TESTS.has(f.path)).flatMap((f) =>
			cliCalls(f.text)
				.filter((call) => /'invite'/.test(call) && /'--entity'/.test(call))
				.map((call) => `${f.path}: ${call}`)
		);
		expect(found).toEqual([]);
	});

	it('no end-to-end file or fixture helper seeds through the CLI (helpers/seed.ts does it)', () => {
		const SEEDING = /'(invite|demo:responses|results:release|edition:create)'/;
		const found = FILES.filter((f) => !CLI_TESTS.has(f.path) && (f.path.startsWith('tests/e2e/') || f.path === 'tests/helpers/fixture-site.ts')).flatMap((f) =>
			cliCalls(f.text)
				.filter((call) => SEEDING.test(call))
				.map((call) => `${f.path}: ${call}`)
		);
		expect(found).toEqual([]);
	});
});
