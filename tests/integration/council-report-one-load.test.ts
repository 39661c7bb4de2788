import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RootOperationNode } from 'kysely';
import type { TestDb } from '../helpers/db.ts';
import { bootstrappedDb } from '../helpers/bootstrapped-db.ts';
import { countQueries, readsAnswers } from '../helpers/query-count.ts';
import { insertSyntheticResponses } from '../../src/lib/server/analysis/demo.ts';
import { releaseResults } from '../../src/lib/server/analysis/releases.ts';
import { generateCouncilReports } from '../../src/lib/server/analysis/report/report-service.ts';
import { LOCALES } from '../../src/lib/domain/locales.ts';

/**
 * The Council report in six languages loads once (issue 13 item 1): the edition is looked up once and
 * the questionnaire read once for all the languages, and no response is read at all (the figures come
 * from the results release). The old generator looked the edition up five times and read the
 * questionnaire once per language.
 */
let t: TestDb;

beforeAll(async () => {
	t = await bootstrappedDb();
	expect(await insertSyntheticResponses(t.db, 'rp-2026', 60, 5)).toBeGreaterThan(10);
	await releaseResults(t.db, 'rp-2026', { role: 'analyst', email: 'test' });
}, 120_000);
afterAll(async () => {
	await t?.close();
});

/** A query whose FROM names the table (a join to it, as in the release's lookup by slug, is not a lookup of it). */
const selectsFrom =
	(table: string) =>
	(node: RootOperationNode): boolean =>
		node.kind === 'SelectQueryNode' && JSON.stringify(node.from ?? null).includes(`"name":"${table}"`);

describe('the Council report in six languages', () => {
	it('looks the edition up once, reads the questionnaire once and reads no response', async () => {
		const edition = countQueries(t.db, selectsFrom('edition'));
		const questionnaire = countQueries(edition.db, selectsFrom('questionnaire'));
		const answers = countQueries(questionnaire.db, readsAnswers);
		const stored = await generateCouncilReports(answers.db, 'rp-2026', LOCALES, 'test');
		expect(stored.map((r) => r.locale).sort()).toEqual([...LOCALES].sort());
		expect(new Set(stored.map((r) => r.content_sha256)).size).toBe(LOCALES.length);
		expect(edition.count(), 'edition lookups').toBe(1);
		expect(questionnaire.count(), 'questionnaire reads').toBe(1);
		expect(answers.count(), 'reads of the responses').toBe(0);
		const audited = await t.db.selectFrom('audit_log').select('target_id').where('action', '=', 'report.generate').execute();
		expect(audited.map((a) => a.target_id).sort()).toEqual(stored.map((r) => r.id).sort());
	}, 300_000);
});
