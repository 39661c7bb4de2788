import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { DEFAULT_POOL_SIZE, dialectOf, createDb, isPostgresUrl } from './db/create-db.ts';

describe('DATABASE_POOL_SIZE', () => {
	it('defaults, and accepts a whole number in range', () => {
		expect(loadConfig({}).databasePoolSize).toBe(DEFAULT_POOL_SIZE);
		expect(loadConfig({ DATABASE_POOL_SIZE: '25' }).databasePoolSize).toBe(25);
	});

	it.each([
		['abc', 'whole number'],
		['2.5', 'whole number'],
		['1', 'at least 2'],
		['0', 'at least 2'],
		['500', 'at most 100']
	])('refuses %s with a message naming the setting', (value, reason) => {
		expect(() => loadConfig({ DATABASE_POOL_SIZE: value })).toThrow(new RegExp(`DATABASE_POOL_SIZE.*${reason}`));
	});
});

describe('the dialect seam', () => {
	it('chooses PostgreSQL for postgres:// and postgresql:// URLs only', () => {
		expect(isPostgresUrl('postgres://u:p@db:5432/survey')).toBe(true);
		expect(isPostgresUrl('postgresql://db/survey')).toBe(true);
		expect(isPostgresUrl('data/survey.db')).toBe(false);
		expect(isPostgresUrl('sqlite:postgres.db')).toBe(false);
	});

	it('tells which engine a handle talks to, without connecting', async () => {
		const pg = createDb('postgres://nobody@127.0.0.1:1/none');
		const lite = createDb(':memory:');
		expect(dialectOf(pg)).toBe('postgres');
		expect(dialectOf(lite)).toBe('sqlite');
		await pg.destroy();
		await lite.destroy();
	});
});
