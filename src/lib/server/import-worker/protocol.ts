/** What run-import.ts and worker.ts say to each other (a file of its own so neither imports the other). */
export const WORKER_MARK = 'rpsImportWorker';

export interface WorkerData {
	[WORKER_MARK]: true;
}

export interface WorkerRequest {
	id: number;
	task: string;
	input: unknown;
}

export interface WorkerError {
	name: string;
	message: string;
	code: string | undefined;
	details: string[];
}

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WorkerError };
