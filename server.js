// The production entry (`npm run serve`): adapter-node's request handler in our own
// HTTP server, for two things adapter-node's build/index.js does not do:
//
// 1. A graceful stop that loses no request. On SIGTERM adapter-node closes the listener
//    and every connection without a request in progress at once, which resets clients
//    whose request was sent but not yet read while the process was busy (bench/crash.ts
//    measured 40 of 50 reset). Here SIGTERM first *drains*: /readyz answers 503 so a
//    load balancer stops sending people here, new requests are still served (with
//    `Connection: close`) for SHUTDOWN_DRAIN_MS, then the listener closes, idle
//    connections close, and the process exits when the last request has its answer
//    (or after SHUTDOWN_TIMEOUT seconds, as adapter-node).
// 2. Several worker processes on one port (WORKERS=n or "auto": node:cluster). Each
//    runs the whole app; SQLite in WAL mode takes writers from several processes (each
//    transaction begins immediate and waits its turn), and sessions, throttles and the
//    outbox are in the database. On this 2-core machine 2 workers save 1.5x faster than
//    one on SQLite (bench/RESULTS.md). Workers start one after
//    another, so start-up work (migrations, reference data) never runs twice at once;
//    only the first runs the outbox sender and reminder planner (BACKGROUND_WORK=0 for
//    the others) and prints the demo link.
//
// Environment as adapter-node (HOST, PORT, ORIGIN, ADDRESS_HEADER, XFF_DEPTH, BODY_SIZE_LIMIT (default
// here 6M), KEEP_ALIVE_TIMEOUT, HEADERS_TIMEOUT, SHUTDOWN_TIMEOUT) plus WORKERS, SHUTDOWN_DRAIN_MS and
// LOG_FORMAT. Every variable the server reads is validated here, before anything starts, by the app's
// own schema (src/lib/server/platform/config.ts, run by Node's type stripping): a bad value of any of them
// stops the server with exit code 2 and a message naming it, not a worker later or a request.
// First: may restart the process with its heap sizes before anything else is loaded.
import './src/lib/server/platform/heap-flags.ts';
import cluster from 'node:cluster';
import http from 'node:http';
import { availableParallelism } from 'node:os';
import { configWarnings, getConfig } from './src/lib/server/platform/config.ts';
import { createLogger, redactPath } from './src/lib/server/platform/log.ts';

const DRAINING = Symbol.for('rps.draining'); // read by src/lib/server/platform/lifecycle.ts (/readyz)
const RESTART_DELAY_MS = 1_000;
/** How long a connection answered before its upload ended keeps reading (and discarding) it. */
const LINGER_MS = 5_000;

/**
 * Lingering close, as nginx and Apache do. When an answer is given before the request
 * body was read (a 413 for an upload over the limit, say), Node closes the socket as
 * soon as the answer is written; the client is still uploading, the unread bytes make
 * the kernel reset the connection, and the reset can destroy the answer before the
 * client reads it: the person sees "connection reset" instead of "too large" (found by
 * tests/integration/hostile-imports.test.ts under load). So such a socket, once
 * answered, sends its end and keeps reading until the client closes or LINGER_MS.
 */
function lingerBeforeClose(socket) {
	if (socket.lingering) return;
	socket.lingering = true;
	socket.destroySoon = function () {
		if (this.writable) this.end();
		const timer = setTimeout(() => this.destroy(), LINGER_MS);
		timer.unref();
		this.once('end', () => {
			clearTimeout(timer);
			this.destroy();
		});
		this.once('close', () => clearTimeout(timer));
		this.resume();
	};
}

let config;
try {
	config = getConfig();
} catch (error) {
	if (error?.name !== 'ConfigError') throw error;
	console.error(error.message);
	process.exit(2);
}
const settings = config.server;

function workerCount() {
	return settings.workers === 'auto' ? availableParallelism() : settings.workers;
}

const log = createLogger(cluster.isPrimary ? 'server' : `worker ${cluster.worker.id}`);
if (cluster.isPrimary) for (const warning of configWarnings(config)) log.warn(warning);

if (cluster.isPrimary && workerCount() > 1) await runPrimary(workerCount());
else await runWorker();

/** Starts the workers one by one, restarts one that dies, and passes SIGTERM on to all. */
async function runPrimary(count) {
	let stopping = false;
	const envFor = (index) => ({ WORKER_INDEX: String(index), ...(index > 0 ? { BACKGROUND_WORK: '0', DEMO: '0' } : {}) });
	const start = (index) =>
		new Promise((resolve) => {
			const worker = cluster.fork(envFor(index));
			worker.once('listening', () => resolve(worker));
			worker.once('exit', (code, signal) => {
				resolve(worker); // a worker that dies while starting must not hold up the others
				if (stopping) return;
				log.error('worker died; restarting it', { index, code, signal });
				setTimeout(() => void start(index), RESTART_DELAY_MS);
			});
		});
	for (let i = 0; i < count; i++) await start(i);
	log.info(`${count} workers serving`);
	const stop = (signal) => {
		if (stopping) return;
		stopping = true;
		log.info(`${signal}: stopping ${Object.keys(cluster.workers ?? {}).length} workers`);
		for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
		cluster.on('exit', () => {
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
		});
	};
	process.on('SIGTERM', () => stop('SIGTERM'));
	process.on('SIGINT', () => stop('SIGINT'));
}

async function runWorker() {
	const { host, shutdownDrainMs: drainMs, shutdownTimeoutS } = settings;
	const port = config.port;
	const accessLog = createLogger('http');
	const logRequests = config.logFormat === 'json';

	// Uploads are the largest bodies: a questionnaire (2 MB) or a translation file (5 MB),
	// each checked again by its own route. adapter-node's default (512 KB) refused them first;
	// adapter-node reads the variable itself, so the validated value (default 6M) is handed on.
	process.env.BODY_SIZE_LIMIT = settings.bodySizeLimit;
	// Importing the handler starts the app: SvelteKit's init hook migrates and bootstraps.
	const { handler } = await import('./build/handler.js');
	const server = http.createServer();
	if (settings.keepAliveTimeoutS > 0) server.keepAliveTimeout = settings.keepAliveTimeoutS * 1000;
	if (settings.headersTimeoutS > 0) server.headersTimeout = settings.headersTimeoutS * 1000;

	let inFlight = 0;
	let draining = false;
	let closed = false;
	const exitWhenIdle = () => {
		if (closed && inFlight === 0) {
			process.emit('sveltekit:shutdown', 'SIGTERM');
			log.info('stopped: every request answered');
			process.exit(0);
		}
	};

	server.on('request', (req, res) => {
		inFlight++;
		const started = performance.now();
		if (draining) res.setHeader('connection', 'close');
		// An answer given before the request body was read (an early 413, a refused
		// cross-site post) ends the connection: Node will not reuse it, and without this
		// header the client does not know and sends its next request into a closed socket.
		const writeHead = res.writeHead;
		res.writeHead = function (...args) {
			if (!req.complete) {
				this.setHeader('connection', 'close');
				lingerBeforeClose(req.socket);
			}
			return writeHead.apply(this, args);
		};
		res.on('close', () => {
			inFlight--;
			if (logRequests) {
				accessLog.info('request', { method: req.method, path: redactPath(req.url ?? ''), status: res.statusCode, ms: Math.round(performance.now() - started) });
			}
			if (closed) server.closeIdleConnections();
			exitWhenIdle();
		});
		// On the next turn, as polka (adapter-node's own server) does.
		setImmediate(handler, req, res, () => {
			res.statusCode = 404;
			res.end('Not found');
		});
	});

	const shutdown = (signal) => {
		if (draining) return;
		draining = true;
		globalThis[DRAINING] = true;
		log.info(`${signal}: draining for ${drainMs} ms, then closing (${inFlight} requests in flight)`);
		setTimeout(() => {
			closed = true;
			server.close();
			server.closeIdleConnections();
			exitWhenIdle();
			setTimeout(() => {
				log.error(`stopped after ${shutdownTimeoutS} s with ${inFlight} requests unanswered`);
				server.closeAllConnections();
				process.exit(1);
			}, shutdownTimeoutS * 1000).unref();
		}, drainMs);
	};
	process.on('SIGTERM', () => shutdown('SIGTERM'));
	process.on('SIGINT', () => shutdown('SIGINT'));

	server.listen({ host, port }, () => {
		// tests/helpers/server.ts waits for this line.
		console.log(`Listening on http://${host}:${port}`);
	});
}
