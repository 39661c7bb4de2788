import { describe, expect, it } from 'vitest';
import { FifoLock } from './sqlite-dialect.ts';

describe('FifoLock', () => {
	it('hands the lock to waiters in arrival order, none barging in', async () => {
		const lock = new FifoLock();
		const order: number[] = [];
		await lock.acquire();
		const waiters = [1, 2, 3].map((n) => lock.acquire().then(() => order.push(n)));
		lock.release();
		// A newcomer after the release queues behind those already waiting.
		const late = lock.acquire().then(() => order.push(4));
		await waiters[0];
		lock.release();
		await waiters[1];
		lock.release();
		await waiters[2];
		lock.release();
		await late;
		expect(order).toEqual([1, 2, 3, 4]);
	});
});
