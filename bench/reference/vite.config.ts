// Bundles the reference page with the vite of the root node_modules:
//   node node_modules/vite/bin/vite.js build --config bench/reference/vite.config.ts --outDir DIR
// survey-core and survey-js-ui resolve from bench/reference/node_modules (2.5.38), not the app's survey-core 3.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
	root: fileURLToPath(new URL('.', import.meta.url)),
	base: '/reference/',
	logLevel: 'warn',
	build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, reportCompressedSize: false, chunkSizeWarningLimit: 10_000 }
});
