import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../helpers/db.ts';
import { WriteBatcher } from '../../src/lib/server/db/write-batcher.ts';

let t: TestDb;
beforeEach(async () => {
	t = await freshDb();
});
afterEach(async () => {
	await t.close();
});

const insertRegion = (code: string) => async (trx: Parameters<Parameters<WriteBatcher['run']>[0]>[0]) => {
	await trx.insertInto('region').values({ code, name_json: '{}' }).execute();
	return code;
};

describe('WriteBatcher (group commit)', () => {
	it('commits writes that arrive together in far fewer transactions, answering each after its commit', async () => {
		const batcher = new WriteBatcher(t.db);
		const transactions = new Set<unknown>();
		const results = await Promise.all(
			Array.from({ length: 40 }, (_, i) =>
				batcher.run(async (trx) => {
					transactions.add(trx);
					return insertRegion(`R${i}`)(trx);
				})
			)
		);
		expect(results).toEqual(Array.from({ length: 40 }, (_, i) => `R${i}`));
		expect(transactions.size).toBeLessThan(5);
		const stored = await t.db.selectFrom('region').select('code').where('code', 'like', 'R%').execute();
		expect(stored).toHaveLength(40);
	});

	it('lets one failing write fail alone: the others of its batch are committed', async () => {
		const batcher = new WriteBatcher(t.db);
		const outcomes = await Promise.allSettled([
			batcher.run(insertRegion('OK1')),
			batcher.run(insertRegion('DUP')),
			batcher.run(insertRegion('DUP')), // primary key violation
			batcher.run(insertRegion('OK2'))
		]);
		expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
		const stored = await t.db.selectFrom('region').select('code').where('code', 'in', ['OK1', 'DUP', 'OK2']).orderBy('code').execute();
		expect(stored.map((r) => r.code)).toEqual(['DUP', 'OK1', 'OK2']);
	});
});
