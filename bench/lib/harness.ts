// What both benchmarks share: the reference page (installed and built in the same run),
// our built server (started as tests/helpers/server.ts does), one gzip reverse proxy in
// front of both, and Debian's Chromium, which can reach nothing but 127.0.0.1.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH } from '../../tests/helpers/browser.ts';
import { startServer, type RunningServer } from '../../tests/helpers/server.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const REFERENCE_DIR = join(ROOT, 'bench/reference');
/** The gzip level of the proxy: zlib's default (6), a common reverse-proxy setting. */
export const PROXY_GZIP_LEVEL = 6;

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** npm install --prefix bench/reference when its node_modules is missing or holds other versions. */
export function ensureReferenceInstalled(): void {
	const wanted = JSON.parse(readFileSync(join(REFERENCE_DIR, 'package.json'), 'utf8')).dependencies as Record<string, string>;
	const installed = Object.entries(wanted).every(([name, version]) => {
		const file = join(REFERENCE_DIR, 'node_modules', name, 'package.json');
		return existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).version === version;
	});
	if (installed) return;
	log('installing the reference page dependencies (npm install --prefix bench/reference)');
	execFileSync('npm', ['install', '--prefix', REFERENCE_DIR, '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: ROOT,
		stdio: ['ignore', 'inherit', 'inherit']
	});
}

/** Builds the reference page into a fresh temp dir with the root vite; returns the dir. */
export function buildReference(): string {
	const outDir = mkdtempSync(join(tmpdir(), 'rps-bench-ref-'));
	execFileSync(
		process.execPath,
		[join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(REFERENCE_DIR, 'vite.config.ts'), '--outDir', outDir, '--emptyOutDir'],
		{
			cwd: ROOT,
			stdio: ['ignore', 'ignore', 'pipe'] // vite's timing chatter stays quiet; on failure it is in the thrown error
		}
	);
	if (!existsSync(join(outDir, 'index.html'))) throw new Error('the reference build wrote no index.html');
	return outDir;
}

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.ico': 'image/x-icon'
};

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|manifest\+json|ld\+json)|image\/svg\+xml)/;
const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'proxy-connection', 'upgrade'];

/** Gzips the body when the type is text-like and the client accepts gzip, as nginx/caddy would. */
function send(res: import('node:http').ServerResponse, status: number, headers: IncomingHttpHeaders, body: Buffer, acceptsGzip: boolean): void {
	const out: Record<string, string | string[]> = {};
	for (const [k, v] of Object.entries(headers)) if (v !== undefined && !HOP_BY_HOP.includes(k)) out[k] = v;
	const type = String(headers['content-type'] ?? '');
	let payload = body;
	if (acceptsGzip && body.length >= 20 && COMPRESSIBLE.test(type)) {
		payload = gzipSync(body, { level: PROXY_GZIP_LEVEL });
		out['content-encoding'] = 'gzip';
		out['vary'] = 'Accept-Encoding';
	}
	out['content-length'] = String(payload.length);
	res.writeHead(status, out);
	res.end(payload);
}

export interface Proxy {
	url: string;
	stop(): Promise<void>;
}

/**
 * One HTTP server: /reference/* from the reference build, everything else proxied to our
 * app (asked for identity encoding, then gzipped here), so both are served the same way.
 */
export async function startProxy(upstream: string, referenceDir: string): Promise<Proxy> {
	const up = new URL(upstream);
	let self = '';
	const server: Server = createServer((req, res) => {
		const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
		const path = new URL(req.url ?? '/', 'http://x').pathname;
		if (path === '/reference' || path.startsWith('/reference/')) {
			const rel = normalize(decodeURIComponent(path.slice('/reference'.length)) || '/');
			let file = join(referenceDir, rel);
			if (!file.startsWith(referenceDir + sep) && file !== referenceDir)
				return send(res, 403, { 'content-type': 'text/plain' }, Buffer.from('forbidden'), acceptsGzip);
			if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
			if (!existsSync(file)) return send(res, 404, { 'content-type': 'text/plain' }, Buffer.from('not found'), acceptsGzip);
			return send(
				res,
				200,
				{ 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' },
				readFileSync(file),
				acceptsGzip
			);
		}
		const headers = { ...req.headers, host: up.host, 'accept-encoding': 'identity' };
		const upReq = httpRequest({ host: up.hostname, port: up.port, method: req.method, path: req.url, headers }, (upRes) => {
			const chunks: Buffer[] = [];
			upRes.on('data', (c: Buffer) => chunks.push(c));
			upRes.on('end', () => {
				const h = { ...upRes.headers };
				if (typeof h.location === 'string' && h.location.startsWith(up.origin)) h.location = self + h.location.slice(up.origin.length);
				send(res, upRes.statusCode ?? 502, h, Buffer.concat(chunks), acceptsGzip);
			});
			upRes.on('error', () => res.destroy());
		});
		upReq.on('error', (e) => send(res, 502, { 'content-type': 'text/plain' }, Buffer.from(String(e)), acceptsGzip));
		req.pipe(upReq);
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	self = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url: self,
		stop: () =>
			new Promise<void>((r) => {
				server.closeAllConnections();
				server.close(() => r());
			})
	};
}

/**
 * Debian's Chromium with the flags of tests/helpers/browser.ts, plus a host resolver that
 * resolves nothing but loopback: whatever a page asks of another host (the reference CSS
 * links web fonts on a font CDN) fails in the browser and never leaves the machine.
 */
export async function launchBenchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM_PATH,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1'
		]
	});
}

export function chromiumVersion(browser: Browser): string {
	return browser.version();
}

export interface Bench {
	/** Our demo respondent link, through the proxy. */
	ours: string;
	/** The reference page, through the proxy. */
	reference: string;
	browser: Browser;
	stop(): Promise<void>;
}

/** Installs and builds the reference, starts our server, the proxy and Chromium; stop() undoes all. */
export async function setUp(): Promise<Bench> {
	if (!existsSync(join(ROOT, 'build/index.js'))) throw new Error('build/index.js is missing: run `npx vite build` first');
	const cleanups: (() => Promise<void> | void)[] = [];
	let stopped = false;
	const stop = async () => {
		if (stopped) return;
		stopped = true;
		for (const c of cleanups.reverse()) {
			try {
				await c();
			} catch (e) {
				log(`cleanup: ${e}`);
			}
		}
	};
	const onSignal = (sig: NodeJS.Signals) => {
		log(`${sig}: stopping`);
		void stop().then(() => process.exit(130));
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	try {
		ensureReferenceInstalled();
		log('building the reference page');
		const refDir = buildReference();
		cleanups.push(() => rmSync(refDir, { recursive: true, force: true }));
		log('starting our server (build/index.js) on a fresh database');
		const server: RunningServer = await startServer({ WARM_MODELS: '1' }); // models warmed as in production (test servers skip it)
		cleanups.push(() => server.stop());
		if (!server.demoLink) throw new Error(`the server printed no demo link:\n${server.output()}`);
		const proxy = await startProxy(server.url, refDir);
		cleanups.push(() => proxy.stop());
		const browser = await launchBenchBrowser();
		cleanups.push(() => browser.close());
		const demo = new URL(server.demoLink);
		return { ours: proxy.url + demo.pathname + demo.search, reference: `${proxy.url}/reference/`, browser, stop };
	} catch (e) {
		await stop();
		throw e;
	}
}

export const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
