import { CompiledQuery, SqliteAdapter, SqliteDialect, type DatabaseConnection, type DialectAdapter, type Driver, type TransactionSettings } from 'kysely';

/**
 * One SQLite connection, handed to one user at a time, in arrival order, and
 * transactions that take the write lock when they begin.
 *
 * Kysely guards a single-connection dialect with a mutex that wakes every waiter at
 * each release and lets the first to run win (kysely 0.29 ConnectionMutex). Under 200
 * concurrent autosaves that meant a few hundred wake-ups per query and, worse, no
 * order: some saves waited over 10 s while later ones went through (bench/load.ts
 * timeouts). This queue hands the connection to the longest waiter, one wake-up each.
 */
export class FifoLock {
	#held = false;
	readonly #waiters: (() => void)[] = [];

	async acquire(): Promise<void> {
		if (!this.#held) {
			this.#held = true;
			return;
		}
		await new Promise<void>((resolve) => this.#waiters.push(resolve));
	}

	/** Passes the lock straight to the next waiter, so nobody can barge in between. */
	release(): void {
		const next = this.#waiters.shift();
		if (next) next();
		else this.#held = false;
	}
}

type Options = Parameters<Driver['init']>[0];

/** Kysely's SQLite driver behind the FIFO lock. */
class FifoDriver implements Driver {
	readonly #inner: Driver;
	readonly #lock = new FifoLock();

	constructor(inner: Driver) {
		this.#inner = inner;
	}
	init(options?: Options): Promise<void> {
		return this.#inner.init(options);
	}
	async acquireConnection(options?: Options): Promise<DatabaseConnection> {
		await this.#lock.acquire();
		try {
			return await this.#inner.acquireConnection(options);
		} catch (error) {
			this.#lock.release();
			throw error;
		}
	}
	async releaseConnection(connection: DatabaseConnection, options?: Options): Promise<void> {
		try {
			await this.#inner.releaseConnection(connection, options);
		} finally {
			this.#lock.release();
		}
	}
	/**
	 * `begin immediate`, not Kysely's `begin`: a deferred transaction that reads, then
	 * writes after another process committed, fails at once with SQLITE_BUSY (its
	 * snapshot is stale; the busy timeout does not apply). Taking the write lock at the
	 * start makes a second process wait its turn (busy_timeout) instead. Our
	 * transactions exist to write, so nothing is lost by it.
	 */
	async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
		await connection.executeQuery(CompiledQuery.raw('begin immediate'));
	}
	commitTransaction(connection: DatabaseConnection): Promise<void> {
		return this.#inner.commitTransaction(connection);
	}
	rollbackTransaction(connection: DatabaseConnection): Promise<void> {
		return this.#inner.rollbackTransaction(connection);
	}
	destroy(): Promise<void> {
		return this.#inner.destroy();
	}
}

/** Tells Kysely not to add its own mutex: FifoDriver serialises the one connection. */
class FifoSqliteAdapter extends SqliteAdapter {
	override get supportsMultipleConnections(): boolean {
		return true;
	}
}

export class FifoSqliteDialect extends SqliteDialect {
	override createDriver(): Driver {
		return new FifoDriver(super.createDriver());
	}
	override createAdapter(): DialectAdapter {
		return new FifoSqliteAdapter();
	}
}
