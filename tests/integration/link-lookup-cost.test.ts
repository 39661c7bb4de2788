// A respondent request reads its link once (issue 16, bench/page-turns.ts): the guessing
// throttle's counters come with the link in the same query, not in a query of their own
// before it. A miss still reads the counters (nothing was found to carry them), and an
// address over its limit is still refused, found link or not.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KyselyPlugin } from 'kysely';
import { freshDb, type TestDb } from '../helpers/db.ts';
import { bootstrap } from '../../src/lib/server/platform/bootstrap.ts';
import { loadConfig } from '../../src/lib/server/platform/config.ts';
import { inviteEntity } from '../../src/lib/server/distribution/invitations/invitations.ts';
import { guardedRespondentLink } from '../../src/lib/server/respondent/service.ts';
import { recordLinkMiss } from '../../src/lib/server/respondent/link-guard.ts';
import { ADDRESS_MAX_MISSES } from '../../src/lib/domain/invitation/guess-throttle.ts';
import type { Db } from '../../src/lib/server/db/create-db.ts';

const PUBLIC_URL = 'http://survey.test';
let t: TestDb;
beforeEach(async () => {
	t = await freshDb();
	await bootstrap(t.db, loadConfig({ DATABASE_URL: 'unused', ADMIN_PASSWORD: 'a long enough password', PUBLIC_URL, DEMO: '0' }), () => {});
});
afterEach(async () => {
	await t.close();
});

/** The same database, counting the statements sent through it. */
function counting(db: Db): { db: Db; count: () => number } {
	let n = 0;
	const plugin: KyselyPlugin = {
		transformQuery: (args) => {
			n++;
			return args.node;
		},
		transformResult: async (args) => args.result
	};
	return { db: db.withPlugin(plugin), count: () => n };
}

async function token(): Promise<string> {
	const { code } = (await t.db.selectFrom('entity').select('code').orderBy('code').executeTakeFirstOrThrow())!;
	return (await inviteEntity(t.db, 'rp-2026', code, PUBLIC_URL, 'test')).token;
}

describe('respondent link lookup', () => {
	it('finds a good link and its throttle counters in one statement', async () => {
		const good = await token();
		const c = counting(t.db);
		const found = await guardedRespondentLink(c.db, '10.0.0.1', good);
		expect(found.kind).toBe('found');
		expect(found.kind === 'found' && found.context.entity_name).toBeTruthy();
		expect(c.count()).toBe(1);
	});

	it('still refuses a good link to an address that missed too often, and counts misses', async () => {
		const good = await token();
		const miss = await guardedRespondentLink(t.db, '10.0.0.2', 'b'.repeat(32));
		expect(miss.kind).toBe('gone');
		const own = await t.db.selectFrom('link_guess_throttle').select('misses').where('key', '=', 'address:10.0.0.2').executeTakeFirstOrThrow();
		expect(own.misses).toBe(1);
		for (let i = 1; i < ADDRESS_MAX_MISSES; i++) await recordLinkMiss(t.db, '10.0.0.2');
		const refused = await guardedRespondentLink(t.db, '10.0.0.2', good);
		expect(refused.kind).toBe('refused');
		expect(refused.kind === 'refused' && refused.retryAfterSeconds).toBeGreaterThan(0);
		expect((await guardedRespondentLink(t.db, '10.0.0.3', good)).kind).toBe('found');
	});
});
