import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { renderCouncilReport, type ReportModel } from './docx/council-docx.ts';

/**
 * A thread that lays out Council reports (issue 16 item 6): render-reports.ts starts it on this
 * very module (`new Worker(RENDER_WORKER_URL)`), as the import worker does, so it needs no path of
 * its own in the build (Vite keeps a dynamically imported module as a chunk of its own and
 * `import.meta.url` is that chunk's address; in development, tests and the CLI it is this file).
 * It receives a finished model and answers with the document: it reads nothing itself.
 */
export const RENDER_WORKER_URL = import.meta.url;

export const RENDER_WORKER_MARK = 'rps-report-render-worker';

export interface RenderRequest {
	id: number;
	model: ReportModel;
}
export type RenderReply = { id: number; content: Uint8Array } | { id: number; error: string };

function serve(): void {
	parentPort!.on('message', async ({ id, model }: RenderRequest) => {
		let reply: RenderReply;
		try {
			reply = { id, content: await renderCouncilReport(model) };
		} catch (e) {
			reply = { id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
		}
		// The document's bytes move to the server's thread rather than being copied.
		const transfer = 'content' in reply && reply.content.byteLength === reply.content.buffer.byteLength ? [reply.content.buffer as ArrayBuffer] : [];
		parentPort!.postMessage(reply, transfer);
	});
}

if (!isMainThread && (workerData as Record<string, unknown> | null)?.[RENDER_WORKER_MARK] === true) serve();
