import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, configWarnings, loadConfig } from './config.ts';
import { DEFAULT_POOL_SIZE, dialectOf, createDb, isPostgresUrl } from '../db/create-db.ts';

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

describe('yes/no settings', () => {
	it.each(['1', 'true', 'TRUE', 'yes', 'Yes', ' true '])('%s means yes', (value) => {
		expect(loadConfig({ TOTP_REQUIRED_FOR_ADMINS: value }).totpRequiredForAdmins).toBe(true);
		expect(loadConfig({ DEMO: value }).demo).toBe(true);
	});
	it.each(['0', 'false', 'False', 'no', 'NO'])('%s means no', (value) => {
		expect(loadConfig({ TOTP_REQUIRED_FOR_ADMINS: value }).totpRequiredForAdmins).toBe(false);
		expect(loadConfig({ BACKGROUND_WORK: value }).backgroundWork).toBe(false);
	});
	it('keep their defaults when unset or empty', () => {
		const c = loadConfig({ DEMO: '' });
		expect([c.demo, c.backgroundWork, c.totpRequiredForAdmins]).toEqual([true, true, false]);
	});
	it.each(['maybe', 'on', 'y', '2', 'ja'])('%s stops the start, naming the variable and the value', (value) => {
		expect(() => loadConfig({ TOTP_REQUIRED_FOR_ADMINS: value })).toThrow(
			`invalid configuration: TOTP_REQUIRED_FOR_ADMINS must be 1/0, true/false or yes/no, not "${value}"`
		);
	});
});

describe('numbers and choices', () => {
	it.each([
		['ANALYSIS_MIN_COUNT', '-1', 'at least 2'],
		['ANALYSIS_MIN_COUNT', 'five', 'whole number'],
		['WORKERS', 'abc', '"auto" or a whole number'],
		['WORKERS', '0', '"auto" or a whole number'],
		['PORT', '70000', 'at most 65535'],
		['SHUTDOWN_DRAIN_MS', '1.5', 'whole number'],
		['XFF_DEPTH', '0', 'at least 1'],
		['MAIL_MAX_ATTEMPTS', '99', 'at most 20'],
		['NODE_ENV', 'prod', 'one of production, development, test'],
		['LOG_FORMAT', 'xml', 'one of json, text'],
		['ORIGIN', 'survey.example.org', 'http:// or https:// URL'],
		['ADDRESS_HEADER', 'x forwarded', 'HTTP header name'],
		['BODY_SIZE_LIMIT', '6MB', 'number of bytes']
	])('%s=%s is refused (%s)', (name, value, reason) => {
		expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name} .*${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
	});
	it('reads the good ones', () => {
		const c = loadConfig({
			ANALYSIS_MIN_COUNT: '10',
			WORKERS: 'auto',
			XFF_DEPTH: '2',
			ADDRESS_HEADER: 'X-Forwarded-For',
			BODY_SIZE_LIMIT: '12m',
			NODE_ENV: 'production'
		});
		expect(c.analysisMinCount).toBe(10);
		expect(c.server).toMatchObject({ workers: 'auto', xffDepth: 2, addressHeader: 'x-forwarded-for', bodySizeLimit: '12m' });
		expect(c.logFormat).toBe('json');
	});
	it('names every bad variable at once', () => {
		expect(() => loadConfig({ WORKERS: 'x', DEMO: 'y' })).toThrow(/WORKERS.*; DEMO|DEMO.*; WORKERS/);
	});
});

describe('behind a proxy', () => {
	it("warns in production without ADDRESS_HEADER (every respondent would share the proxy's address)", () => {
		expect(configWarnings(loadConfig({ NODE_ENV: 'production' })).join()).toMatch(/ADDRESS_HEADER/);
		expect(configWarnings(loadConfig({ NODE_ENV: 'production', ADDRESS_HEADER: 'x-forwarded-for' }))).toEqual([]);
		expect(configWarnings(loadConfig({}))).toEqual([]);
	});
});

/** Every .ts/.js/.svelte file under `dir`. */
function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return name === 'paraglide' ? [] : sources(path);
		return /\.(ts|js|svelte)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
	});
}

describe('one place reads the environment', () => {
	// heap-flags.ts runs before anything is loaded (it may re-execute the process with V8's heap sizes) and reads
	// only Node's own NODE_OPTIONS and its re-execution mark, none of the app's settings.
	it('no file of the app or server.js reads process.env but config.ts (server.js only hands BODY_SIZE_LIMIT on; heap-flags.ts reads NODE_OPTIONS)', () => {
		const allowed = [join('server', 'platform', 'config.ts'), join('server', 'platform', 'heap-flags.ts')];
		const readers = [...sources('src'), 'server.js'].filter((file) => {
			const text = readFileSync(file, 'utf8').replace(/process\.env\.BODY_SIZE_LIMIT = /, '');
			return /process\.env/.test(text) && !allowed.some((a) => file.endsWith(a));
		});
		expect(readers).toEqual([]);
	});

	it("the README's configuration table lists every variable", () => {
		const readme = readFileSync('README.md', 'utf8');
		const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 5));
		expect(CONFIG_VARIABLES.filter((name) => !table.includes(`\`${name}\``))).toEqual([]);
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
