import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ out: 'build' }),
		// A respondent on a slow link must be able to answer after one round trip: the layout's
		// CSS (≈ 8.6 KB, 2.4 KB gzip) goes inside the document instead of a render-blocking
		// stylesheet request (300 ms more on 2G). Every stylesheet under this size is inlined, so
		// Secretariat pages inline theirs too; tests/integration/respondent-http.test.ts holds the line.
		inlineStyleThreshold: 12_000,
		// A respondent's page must never run third-party or injected script: everything
		// we ship is served from our own origin, and SvelteKit adds nonces to its own
		// inline bootstrap script.
		csp: {
			mode: 'nonce',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				// https: for the images a questionnaire brings (image picker, image; only https and raster data URLs pass the lint).
				'img-src': ['self', 'data:', 'https:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		}
		// SvelteKit's cross-site form-post check stays on (the default; not configured away).
	}
};

export default config;
