import { Worker } from 'node:worker_threads';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { WORKER_MARK, type WorkerData, type WorkerError, type WorkerReply, type WorkerRequest } from './protocol.ts';
import type { ImportTask, ImportTasks } from './tasks.ts';

const SECOND_MS = 1_000;

export interface ImportLimits {
	/**
	 * CPU time the worker thread may use for one parse (its start included); then it is
	 * stopped. CPU time, not the clock: on a busy machine a file is not refused for
	 * waiting its turn. Ten times as much clock time stops it regardless.
	 */
	timeMs: number;
	/** The worker's V8 heap (resourceLimits.maxOldGenerationSizeMb); over it the worker dies alone. */
	memoryMb: number;
}

/**
 * A registry of 1,200 entities parses in well under a second and ~60 MB; the limits
 * leave ample room and stop a hostile file long before it hurts the server.
 */
export const IMPORT_LIMITS: ImportLimits = { timeMs: 20 * SECOND_MS, memoryMb: 256 };
/** Imports running at once (a thread each, up to IMPORT_LIMITS.memoryMb each); more wait their turn. */
const MAX_RUNNING = 2;
/** Imports waiting; beyond this the server is busy and says so. */
const MAX_WAITING = 8;
/** How often the worker's CPU time is looked at. */
const CPU_CHECK_MS = 250;
/** Clock time allowed per unit of CPU time, for a worker the machine gives little CPU. */
const WALL_PER_CPU = 10;
/** A worker kept after an import, ready for the next (exceljs alone takes a second to load), then ended. */
const IDLE_MS = 60 * SECOND_MS;

interface PooledWorker {
	worker: Worker;
	idleTimer?: ReturnType<typeof setTimeout>;
}

let running = 0;
const waiting: (() => void)[] = [];
const idle: PooledWorker[] = [];
let nextId = 1;

async function takeTurn(): Promise<void> {
	if (running < MAX_RUNNING) {
		running++;
		return;
	}
	if (waiting.length >= MAX_WAITING)
		throw new InvalidInputError('The server is reading other uploaded files; nothing was stored. Please send the file again in a minute.', [], 'imports_busy');
	await new Promise<void>((resolve) => waiting.push(resolve));
}

function endTurn(): void {
	const next = waiting.shift();
	if (next) next();
	else running--;
}

function startWorker(url: string, limits: ImportLimits): PooledWorker {
	const data: WorkerData = { [WORKER_MARK]: true };
	const pooled: PooledWorker = {
		worker: new Worker(new URL(url), {
			workerData: data,
			resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 }
		})
	};
	pooled.worker.on('exit', () => {
		const at = idle.indexOf(pooled);
		if (at >= 0) idle.splice(at, 1);
	});
	return pooled;
}

/** A worker for one import: an idle one when its limits are these, else a new one. */
function takeWorker(url: string, limits: ImportLimits): PooledWorker {
	const pooled = limits === IMPORT_LIMITS ? idle.pop() : undefined;
	if (!pooled) return startWorker(url, limits);
	clearTimeout(pooled.idleTimer);
	pooled.worker.ref();
	return pooled;
}

/** Keeps a worker that answered for the next import; it must not keep a CLI process alive. */
function keepWorker(pooled: PooledWorker): void {
	pooled.worker.unref();
	pooled.idleTimer = setTimeout(() => void pooled.worker.terminate(), IDLE_MS);
	pooled.idleTimer.unref();
	idle.push(pooled);
}

/** The worker's error as the domain error it was (errors lose their class when they cross threads). */
function rebuild(error: WorkerError): Error {
	const code = error.code ?? 'invalid_input';
	if (error.name === 'InvalidInputError') return new InvalidInputError(error.message, error.details, code);
	if (error.name === 'NotFoundError') return new NotFoundError(error.message, code);
	if (error.name === 'ForbiddenError') return new ForbiddenError(error.message, code);
	if (error.name === 'ConflictError') return new ConflictError(error.message, code);
	return new Error(`import worker: ${error.message}`);
}

function runInWorker(url: string, task: string, input: unknown, limits: ImportLimits): Promise<unknown> {
	const pooled = takeWorker(url, limits);
	const { worker } = pooled;
	const id = nextId++;
	return new Promise((resolve, reject) => {
		let settled = false;
		const settle = (outcome: () => void, reuse: boolean) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			clearInterval(cpuCheck);
			worker.off('message', onMessage).off('error', onError).off('exit', onExit);
			// A worker stopped by a limit, or that failed, goes with its heap; one that answered is kept.
			if (reuse && limits === IMPORT_LIMITS) keepWorker(pooled);
			else void worker.terminate();
			outcome();
		};
		const tooSlow = () =>
			settle(
				() =>
					reject(
						new InvalidInputError(
							`Reading the file took longer than ${limits.timeMs / SECOND_MS} s, so it was stopped; nothing was stored. Is it really the file to import?`,
							[],
							'import_too_slow'
						)
					),
				false
			);
		// A worker not yet running has used nothing.
		const cpuStart = worker.cpuUsage().catch(() => ({ user: 0, system: 0 }));
		const cpuCheck = setInterval(
			() => {
				void Promise.all([cpuStart, worker.cpuUsage()]).then(
					([start, now]) => {
						if ((now.user + now.system - start.user - start.system) / 1_000 >= limits.timeMs) tooSlow();
					},
					() => undefined // the worker has ended: its exit is handled below
				);
			},
			Math.min(CPU_CHECK_MS, limits.timeMs)
		);
		const timer = setTimeout(tooSlow, limits.timeMs * WALL_PER_CPU);
		const onMessage = (reply: WorkerReply) => {
			if (reply.id === id) settle(() => (reply.ok ? resolve(reply.value) : reject(rebuild(reply.error))), true);
		};
		const onError = (error: Error & { code?: string }) => {
			if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
				settle(
					() =>
						reject(
							new InvalidInputError(
								`Reading the file needed more than the ${limits.memoryMb} MB an import may use, so it was stopped; nothing was stored. Is it really the file to import?`,
								[],
								'import_too_large'
							)
						),
					false
				);
			} else settle(() => reject(new Error(`import worker failed: ${error.message}`, { cause: error })), false);
		};
		const onExit = (code: number) => settle(() => reject(new Error(`import worker stopped (exit code ${code}) without an answer`)), false);
		worker.on('message', onMessage).on('error', onError).on('exit', onExit);
		const request: WorkerRequest = { id, task, input };
		worker.postMessage(request);
	});
}

/**
 * Parses an uploaded file in a worker thread (tasks.ts), so that no file, however
 * built, holds up the server's event loop: the server keeps answering while it is
 * read, a parse over `limits` is stopped with a clear InvalidInputError, and what
 * comes back is plain data. The CLI uses it too (the same parsers, the same limits).
 */
export async function runImport<T extends ImportTask>(
	task: T,
	input: Parameters<ImportTasks[T]>[0],
	limits: ImportLimits = IMPORT_LIMITS
): Promise<Awaited<ReturnType<ImportTasks[T]>>> {
	const { IMPORT_WORKER_URL } = await import('./worker.ts');
	await takeTurn();
	try {
		return (await runInWorker(IMPORT_WORKER_URL, task, input, limits)) as Awaited<ReturnType<ImportTasks[T]>>;
	} finally {
		endTurn();
	}
}
