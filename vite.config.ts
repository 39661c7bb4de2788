import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';

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
		include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
		environment: 'node',
		// Generous: the slowest end-to-end tests take ~20 s on the shared 2-core CI machine,
		// and a busy run must not fail them for time alone (a hang still fails).
		testTimeout: 90_000,
		hookTimeout: 120_000,
		// Integration and e2e files each start their own server or database file.
		fileParallelism: false
	}
});
