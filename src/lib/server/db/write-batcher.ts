import type { Transaction } from 'kysely';
import type { Database } from './schema/database.ts';
import type { Db } from './create-db.ts';

/** Enough to share one commit widely, small enough that one transaction stays short. */
const MAX_BATCH = 64;

type Job<T> = (trx: Transaction<Database>) => Promise<T>;
interface Entry {
	job: Job<unknown>;
	resolve: (value: unknown) => void;
	reject: (error: unknown) => void;
}

/**
 * Group commit: small writes that arrive together (autosaves from many respondents)
 * share one transaction, so one durable commit (an fsync with synchronous=FULL) serves
 * them all. Each caller still gets its answer only after that commit, so an acknowledged
 * save is as durable as before. If any job fails, the batch is rolled back and every
 * job runs again alone, so one bad write never takes the others with it.
 */
export class WriteBatcher {
	readonly #db: Db;
	readonly #queue: Entry[] = [];
	#scheduled = false;

	constructor(db: Db) {
		this.#db = db;
	}

	run<T>(job: Job<T>): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			this.#queue.push({ job, resolve: resolve as (value: unknown) => void, reject });
			this.#schedule();
		});
	}

	#schedule(): void {
		if (this.#scheduled || this.#queue.length === 0) return;
		this.#scheduled = true;
		// After the current turn, so that writes arriving together join one batch.
		setImmediate(() => {
			this.#scheduled = false;
			void this.#flush(this.#queue.splice(0, MAX_BATCH));
			this.#schedule();
		});
	}

	async #flush(batch: Entry[]): Promise<void> {
		try {
			const results = await this.#db.transaction().execute(async (trx) => {
				const out: unknown[] = [];
				for (const entry of batch) out.push(await entry.job(trx));
				return out;
			});
			batch.forEach((entry, i) => entry.resolve(results[i]));
		} catch {
			for (const entry of batch) {
				try {
					entry.resolve(await this.#db.transaction().execute(entry.job));
				} catch (error) {
					entry.reject(error);
				}
			}
		}
	}
}

const batchers = new WeakMap<Db, WriteBatcher>();

/** The batcher of a database handle (one per process and database). */
export function writeBatcher(db: Db): WriteBatcher {
	let batcher = batchers.get(db);
	if (!batcher) batchers.set(db, (batcher = new WriteBatcher(db)));
	return batcher;
}
