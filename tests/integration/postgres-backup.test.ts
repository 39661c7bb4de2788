import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, postgresMode, type TestPostgresDatabase } from '../helpers/pg.ts';
import { sqlAll, sqlRun } from '../helpers/sql.ts';

/**
 * The PostgreSQL equivalent of `npm run cli -- backup/restore` (docs/postgresql.md):
 * pg_dump's custom format, restored with pg_restore into an empty database, gives back
 * every row. The CLI's own backup says where to go instead of failing obscurely.
 */
const dir = mkdtempSync(join(tmpdir(), 'rps-pg-backup-'));
const databases: TestPostgresDatabase[] = [];
const cli = (url: string, ...args: string[]) =>
	execFileSync(process.execPath, ['src/cli/main.ts', ...args], {
		env: { ...process.env, DATABASE_URL: url, PUBLIC_URL: 'http://x' },
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe']
	});

/** Every row of every table of the public schema, as text: equal dumps mean equal data. */
async function dump(url: string): Promise<string> {
	const tables = (
		await sqlAll<{ name: string }>(url, `select table_name as name from information_schema.tables where table_schema = 'public' order by table_name`)
	).map((t) => t.name);
	const parts: string[] = [];
	// Rows sorted whole: `order by 1` leaves ties (entity_sector) in physical order, which a restore changes.
	for (const t of tables)
		parts.push(
			`${t}:${(await sqlAll(url, `select * from "${t}"`))
				.map((r) => JSON.stringify(r))
				.sort()
				.join(',')}`
		);
	return parts.join('\n');
}

afterAll(async () => {
	for (const d of databases) await d.drop();
	rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!postgresMode())('backup and restore on PostgreSQL (pg_dump, pg_restore)', () => {
	it('round-trips the whole database into an empty one, and the CLI backup points to pg_dump', async () => {
		const source = await createTestDatabase();
		const target = await createTestDatabase();
		databases.push(source, target);
		cli(source.url, 'migrate');
		cli(source.url, 'edition:create', '--questionnaire', 'surveys/regional-presence-2026.json', '--slug', 'b1');
		cli(source.url, 'invite', '--edition', 'b1', '--entity', 'MS-FRA');
		const original = await dump(source.url);
		expect(original).toMatch(/kysely_migration:\{/);

		const file = join(dir, 'survey.dump');
		execFileSync('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${source.url}`]);
		execFileSync('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${target.url}`, file]);
		expect(await dump(target.url)).toBe(original);

		// The restored database is a working one: the app writes to it.
		expect(await sqlRun(target.url, `update edition set title = ? where slug = 'b1'`, 'restored')).toBe(1);

		let message = '';
		try {
			cli(source.url, 'backup', join(dir, 'copy.db'));
		} catch (e) {
			message = String((e as { stderr: string }).stderr);
		}
		expect(message).toMatch(/error: .*use pg_dump and pg_restore/);
	});
});
