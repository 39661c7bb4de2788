import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../helpers/db.ts';
import { bootstrap } from '../../src/lib/server/platform/bootstrap.ts';
import { loadConfig } from '../../src/lib/server/platform/config.ts';

let t: TestDb;
beforeEach(async () => {
	t = await freshDb();
});
afterEach(async () => {
	await t.close();
});

const startLog = async (env: Record<string, string>) => {
	const lines: string[] = [];
	await bootstrap(
		t.db,
		loadConfig({ DATABASE_URL: 'unused', ADMIN_PASSWORD: 'a long enough password', PUBLIC_URL: 'http://survey.test', DEMO: '0', ...env }),
		(l) => lines.push(l)
	);
	return lines.join('\n');
};

// Test servers start with WARM_MODELS=0 (tests/helpers/server.ts); production keeps the default.
describe('preparing the respondent pages at start', () => {
	it('happens by default, before the server listens', async () => {
		expect(await startLog({})).toContain('respondent pages of rp-2026 prepared in every language');
	});
	it('is left to first use with WARM_MODELS=0', async () => {
		const log = await startLog({ WARM_MODELS: '0' });
		expect(log).toContain('edition rp-2026 created');
		expect(log).not.toContain('prepared in every language');
	});
});
