import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { renderCouncilReport, type ReportModel } from './docx/council-docx.ts';
import type { RenderReply } from './render-worker.ts';

/**
 * Lays out the Council report in several languages at once (issue 16 item 6: six languages of
 * a 100,000-response release in ≤ 5 s). Nearly all of a report's time is the DOCX build (its XML
 * and zip) and the charts, per language and independent of the others, so the languages are
 * shared among worker threads, one per core (at most MAX_THREADS), each taking the next language
 * as it finishes one. The models are built beforehand from the one load (the threads read
 * nothing). One language is laid out here: a thread's start (loading docx, the canvas and the
 * messages, ~0.3 s) would cost more than it saves. A thread that fails to start or dies leaves
 * its languages to this thread, so the report never depends on threads being available.
 */
const MAX_THREADS = 2;
/** A thread's heap: a report's build peaks well under 200 MB. */
const THREAD_MEMORY_MB = 512;

export async function renderReports(models: readonly ReportModel[]): Promise<Buffer[]> {
	const threads = Math.min(models.length, MAX_THREADS, availableParallelism());
	if (models.length < 2 || threads < 2) return renderHere(models);
	const { RENDER_WORKER_URL, RENDER_WORKER_MARK } = await import('./render-worker.ts');
	const contents: (Buffer | undefined)[] = models.map(() => undefined);
	let next = 0;
	const take = () => (next < models.length ? next++ : -1);
	const runThread = () =>
		new Promise<void>((resolve) => {
			const worker = new Worker(new URL(RENDER_WORKER_URL), {
				workerData: { [RENDER_WORKER_MARK]: true },
				resourceLimits: { maxOldGenerationSizeMb: THREAD_MEMORY_MB }
			});
			let current = -1;
			const done = () => {
				worker.removeAllListeners();
				void worker.terminate();
				resolve();
			};
			const send = () => {
				current = take();
				if (current < 0) done();
				else worker.postMessage({ id: current, model: models[current] });
			};
			worker.on('message', (reply: RenderReply) => {
				if ('error' in reply) {
					// Laid out again here below, where the error shows with its own stack.
					done();
					return;
				}
				contents[reply.id] = Buffer.from(reply.content.buffer, reply.content.byteOffset, reply.content.byteLength);
				send();
			});
			// A thread that cannot start or dies: what it had not finished is laid out here.
			worker.on('error', done);
			worker.on('exit', done);
			send();
		});
	await Promise.all(Array.from({ length: threads }, runThread));
	// Whatever no thread delivered (none started, one failed) is laid out on this thread.
	for (let i = 0; i < models.length; i++) contents[i] ??= await renderCouncilReport(models[i]!);
	return contents as Buffer[];
}

async function renderHere(models: readonly ReportModel[]): Promise<Buffer[]> {
	const contents: Buffer[] = [];
	for (const model of models) contents.push(await renderCouncilReport(model));
	return contents;
}
