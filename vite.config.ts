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
		testTimeout: 30_000,
		hookTimeout: 120_000,
		// Integration and e2e files each start their own server or database file.
		fileParallelism: false
	}
});
