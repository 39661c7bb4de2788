import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's nginx, where installed (`.ci/run` installs it). */
export const NGINX_PATH = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));

export interface RunningNginx {
	/** https://127.0.0.1:<port> */
	url: string;
	/** The self-signed certificate nginx presents (trust it as a CA for requests). */
	ca: string;
	errors: () => string;
	stop(): Promise<void>;
}

/** Replaces exactly one occurrence of `pattern`, or fails: a deploy file that changed shape must fail the test, not slip past it. */
function replaceOnce(text: string, pattern: RegExp, by: string): string {
	const matches = text.match(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'));
	if (matches?.length !== 1) throw new Error(`deploy/nginx/rps.conf: expected one match of ${pattern}, found ${matches?.length ?? 0}`);
	return text.replace(pattern, by);
}

/**
 * deploy/nginx/rps.conf as the test runs it: the two upstream servers become the test's
 * app ports, the HTTPS server listens on 127.0.0.1:<port> with a self-signed certificate
 * made here by openssl, and the port-80 redirect server is dropped (it needs a privileged
 * port). Everything else (proxy headers, body size, compression, timeouts) is the file as shipped.
 */
export function testSite(site: string, port: number, upstreams: [number, number], dir: string): string {
	let conf = site;
	conf = replaceOnce(conf, /server 127\.0\.0\.1:3001 /, `server 127.0.0.1:${upstreams[0]} `);
	conf = replaceOnce(conf, /server 127\.0\.0\.1:3002 /, `server 127.0.0.1:${upstreams[1]} `);
	conf = replaceOnce(conf, /\nserver \{\n\s*listen 80;[\s\S]*?\n\}\n/, '\n');
	conf = replaceOnce(conf, /listen 443 ssl http2;/, `listen 127.0.0.1:${port} ssl http2;`);
	conf = replaceOnce(conf, /\n\s*listen \[::\]:443 ssl http2;/, '');
	conf = replaceOnce(conf, /ssl_certificate \S+;/, `ssl_certificate ${join(dir, 'cert.pem')};`);
	conf = replaceOnce(conf, /ssl_certificate_key \S+;/, `ssl_certificate_key ${join(dir, 'key.pem')};`);
	return conf;
}

/**
 * Starts nginx as an unprivileged process: on a free high port, with every file it
 * writes (pid, logs, temporary bodies) in its own temporary folder, in the foreground
 * (one process, `master_process off`), and, when the tests run as root, as user nobody.
 */
export async function startNginx(port: number, upstreams: [number, number]): Promise<RunningNginx> {
	if (!NGINX_PATH) throw new Error('nginx is not installed');
	const dir = mkdtempSync(join(tmpdir(), 'rps-nginx-'));
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-days',
			'1',
			'-subj',
			'/CN=127.0.0.1',
			'-addext',
			'subjectAltName=IP:127.0.0.1',
			'-keyout',
			join(dir, 'key.pem'),
			'-out',
			join(dir, 'cert.pem')
		],
		{ stdio: 'ignore' }
	);
	for (const t of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, t));
	const site = testSite(readFileSync('deploy/nginx/rps.conf', 'utf8'), port, upstreams, dir);
	writeFileSync(
		join(dir, 'nginx.conf'),
		[
			'daemon off;',
			'master_process off;',
			`pid ${join(dir, 'nginx.pid')};`,
			`error_log ${join(dir, 'error.log')} warn;`,
			'events { worker_connections 512; }',
			'http {',
			'    include /etc/nginx/mime.types;',
			'    default_type application/octet-stream;',
			`    access_log ${join(dir, 'access.log')};`,
			...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t === 'body' ? 'client_body' : t}_temp_path ${join(dir, t)};`),
			site,
			'}'
		].join('\n')
	);
	const asRoot = process.getuid?.() === 0;
	const nobody = asRoot
		? { uid: Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' })) }
		: undefined;
	if (nobody) for (const f of ['', ...readdirSync(dir)]) chownSync(join(dir, f), nobody.uid, nobody.gid);
	const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')];
	execFileSync(NGINX_PATH, ['-t', '-q', ...args], { stdio: 'pipe', ...nobody });
	let output = '';
	const child: ChildProcess = spawn(NGINX_PATH, args, { stdio: ['ignore', 'pipe', 'pipe'], ...nobody });
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const url = `https://127.0.0.1:${port}`;
	const ca = readFileSync(join(dir, 'cert.pem'), 'utf8');
	const errors = () => output + (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '');
	const deadline = Date.now() + 15_000;
	for (;;) {
		const ready = await through({ url, ca }, '/readyz').then(
			(r) => r.status === 200,
			() => false
		);
		if (ready) break;
		if (child.exitCode !== null || Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`nginx did not start:\n${errors()}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		ca,
		errors,
		async stop() {
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGQUIT');
				await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
				if (child.exitCode === null) child.kill('SIGKILL');
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

export interface ProxiedResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
}

/**
 * One HTTPS request to nginx (trusting its test certificate) from a chosen loopback
 * address (`from`, e.g. 127.0.0.2): nginx sees each as a different client, as people
 * behind different addresses are in production.
 */
export function through(
	proxy: Pick<RunningNginx, 'url' | 'ca'>,
	path: string,
	options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; from?: string } = {}
): Promise<ProxiedResponse> {
	return new Promise((resolve, reject) => {
		const req = request(
			`${proxy.url}${path}`,
			{ method: options.method ?? 'GET', ca: proxy.ca, localAddress: options.from, headers: { accept: 'text/html', ...options.headers }, agent: false },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
				res.on('error', reject);
			}
		);
		req.on('error', reject);
		req.end(options.body);
	});
}
