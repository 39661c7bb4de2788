import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SKIP_ON_POSTGRES } from '../helpers/pg.ts';

const dir = mkdtempSync(join(tmpdir(), 'rps-backup-'));
const dbPath = join(dir, 'survey.db');
const cli = (...args: string[]) =>
	execFileSync(process.execPath, ['src/cli/main.ts', ...args], {
		env: { ...process.env, DATABASE_URL: dbPath, PUBLIC_URL: 'http://x' },
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe']
	});
const cliFails = (...args: string[]) => {
	try {
		cli(...args);
	} catch (e) {
		return String((e as { stderr: string }).stderr);
	}
	throw new Error('expected the command to fail');
};

/** Every row of every application table, as text: equal dumps mean equal data. */
function dump(file: string): string {
	const db = new Database(file, { readonly: true });
	try {
		const tables = (
			db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`).all() as { name: string }[]
		).map((t) => t.name);
		return tables.map((t) => `${t}:${JSON.stringify(db.prepare(`select * from "${t}" order by 1`).all())}`).join('\n');
	} finally {
		db.close();
	}
}

// SQLite's online backup API and integrity check: on PostgreSQL, backup is pg_dump (postgres-backup.test.ts).
describe.skipIf(SKIP_ON_POSTGRES)('backup and restore of SQLite (CLI)', () => {
	it('round-trips the whole database, and refuses a file that is not a backup', () => {
		cli('migrate');
		cli('edition:create', '--questionnaire', 'surveys/regional-presence-2026.json', '--slug', 'b1');
		cli('invite', '--edition', 'b1', '--entity', 'MS-FRA');
		const original = dump(dbPath);
		expect(cli('backup', join(dir, 'copy.db'))).toMatch(/integrity ok/);
		expect(cliFails('backup', join(dir, 'copy.db'))).toMatch(/exists/);

		cli('invite', '--edition', 'b1', '--entity', 'MS-DEU');
		expect(dump(dbPath)).not.toBe(original);
		expect(cli('restore', join(dir, 'copy.db'))).toMatch(/restored/);
		expect(dump(dbPath)).toBe(original);
		expect(existsSync(`${dbPath}.before-restore`)).toBe(true);

		writeFileSync(join(dir, 'junk.db'), 'not a database at all');
		expect(cliFails('restore', join(dir, 'junk.db'))).toMatch(/error:/);
		expect(dump(dbPath)).toBe(original);
	});
});
