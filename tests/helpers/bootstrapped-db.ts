import { bootstrap } from '../../src/lib/server/platform/bootstrap.ts';
import { loadConfig } from '../../src/lib/server/platform/config.ts';
import { freshDb, type TestDb } from './db.ts';

/** The PUBLIC_URL of a bootstrapped test database (links in mails and exports start with it). */
export const TEST_PUBLIC_URL = 'http://survey.test';

/**
 * A fresh database (helpers/db.ts) bootstrapped as a first server start would: the admin
 * account, the default edition and, unless `DEMO: '0'`, the demo registry. `env` adds to or
 * overrides the configuration. WARM_MODELS=0: each language's questionnaire model is built on
 * first use instead of all six up front (tests/integration/warm-models.test.ts tests the default).
 */
export async function bootstrappedDb(env: Record<string, string> = {}): Promise<TestDb> {
	const t = await freshDb();
	const config = loadConfig({
		DATABASE_URL: 'unused',
		ADMIN_PASSWORD: 'a long enough password',
		PUBLIC_URL: TEST_PUBLIC_URL,
		WARM_MODELS: '0',
		...env
	});
	await bootstrap(t.db, config, () => {});
	return t;
}
