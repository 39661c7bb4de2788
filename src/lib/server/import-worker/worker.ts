import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { setPriority } from 'node:os';
import { WORKER_MARK, type WorkerData, type WorkerError, type WorkerReply, type WorkerRequest } from './protocol.ts';

/**
 * The import worker's entry. run-import.ts starts a thread on this very module
 * (`new Worker(IMPORT_WORKER_URL)`): it needs no path of its own in the build, since
 * Vite and adapter-node keep a dynamically imported module as a chunk of its own
 * and `import.meta.url` is that chunk's address (in development and the CLI, the
 * source file, run by Node's type stripping). The parsers load only in the worker.
 */
export const IMPORT_WORKER_URL = import.meta.url;

function describe(e: unknown): WorkerError {
	const error = e instanceof Error ? e : new Error(String(e));
	const { code, details } = error as { code?: unknown; details?: unknown };
	return {
		name: error.name,
		message: error.message,
		code: typeof code === 'string' ? code : undefined,
		details: Array.isArray(details) ? details.map(String) : []
	};
}

/**
 * A lower CPU priority for this thread (on Linux the nice value is per thread): when
 * the machine is busy, the server's own thread, answering people, is scheduled
 * first; the import still gets a third of its share (19 would starve it for minutes).
 */
const WORKER_NICE = 5;

function serve(): void {
	try {
		setPriority(WORKER_NICE);
	} catch {
		// Not permitted or not supported: imports run at normal priority.
	}
	// One file at a time: run-import.ts sends the next request only after the reply.
	parentPort!.on('message', async ({ id, task, input }: WorkerRequest) => {
		let reply: WorkerReply;
		try {
			const { runTask } = await import('./tasks.ts');
			reply = { id, ok: true, value: await runTask(task, input) };
		} catch (e) {
			reply = { id, ok: false, error: describe(e) };
		}
		parentPort!.postMessage(reply);
	});
}

if (!isMainThread && (workerData as WorkerData | undefined)?.[WORKER_MARK]) serve();
