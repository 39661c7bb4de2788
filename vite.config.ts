import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './tests/helpers/sequencer.ts';

// How many files of a kind run at once. Unit files share nothing and use every core;
// integration files each start their own server process (or open their own database
// file) on a free port, so a few at a time keep a 2-core machine busy without starving
// the servers; end-to-end files also drive a Chromium each. Override per machine.
const workers = (name: string, fallback: number) => Number(process.env[name]) || fallback;

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// We always pass the locale explicitly (a respondent's language comes from
			// their invitation, not from the URL or a cookie): no global locale state.
			strategy: ['baseLocale'],
			emitTsDeclarations: true
		}),
		sveltekit()
	],
	test: {
		environment: 'node',
		// Generous: the slowest end-to-end tests take ~20 s on the shared 2-core CI machine,
		// and a busy run must not fail them for time alone (a hang still fails).
		testTimeout: 90_000,
		hookTimeout: 120_000,
		// Known slow files first when Vitest has no durations of its own (a fresh clone): see the sequencer.
		sequence: { sequencer: SlowFirstSequencer },
		// Three projects, run one group after another (groupOrder) so each can have its
		// own number of workers. Every integration or e2e file makes its own temporary
		// directory, SQLite file or PostgreSQL database, server port and SMTP port
		// (tests/helpers), so files of a project share nothing and may run side by side.
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'tests/*.test.ts'],
					sequence: { groupOrder: 0 }
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					maxWorkers: workers('TEST_INTEGRATION_WORKERS', 3),
					sequence: { groupOrder: 1 }
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					maxWorkers: workers('TEST_E2E_WORKERS', 2),
					sequence: { groupOrder: 2 }
				}
			}
		]
	}
});
