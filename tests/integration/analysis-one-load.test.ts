import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../helpers/db.ts';
import { bootstrappedDb } from '../helpers/bootstrapped-db.ts';
import { countQueries, readsAnswers } from '../helpers/query-count.ts';
import { insertSyntheticResponses } from '../../src/lib/server/analysis/demo.ts';
import { viewerFor } from '../../src/lib/server/analysis/results.ts';
import { resultsForViewer } from '../../src/lib/server/analysis/releases.ts';
import { commentsPage, resultsPage } from '../../src/lib/server/analysis/pages.ts';

/**
 * A results page (and the comments page) reads the edition's responses once and hands
 * the data to the pure functions: the old page read and parsed every response twice.
 */
let t: TestDb;
const analyst = { id: 'a', email: 'analyst@example.org', role: 'analyst', region_code: null, language: 'en' };

beforeAll(async () => {
	t = await bootstrappedDb();
	expect(await insertSyntheticResponses(t.db, 'rp-2026', 60, 7)).toBeGreaterThan(10);
});
afterAll(async () => {
	await t.close();
});

describe('one load of the responses per page', () => {
	it('live results for a raw-data reader (figures and wave comparison) read the answers once', async () => {
		const counted = countQueries(t.db, readsAnswers);
		const view = await resultsForViewer(counted.db, 'rp-2026', viewerFor(analyst), { by: 'region' });
		expect(view.results?.overall.respondents).toBeGreaterThan(10);
		expect(counted.count()).toBe(1);
	});

	it('the whole results page reads the answers once', async () => {
		const counted = countQueries(t.db, readsAnswers);
		const page = await resultsPage(counted.db, 'rp-2026', analyst, { by: 'region', rows: null, columns: null });
		expect(page.results?.respondents).toBeGreaterThan(10);
		expect(page.edition.slug).toBe('rp-2026');
		expect(counted.count()).toBe(1);
	});

	it('the comments page reads the answers once', async () => {
		const counted = countQueries(t.db, readsAnswers);
		const page = await commentsPage(counted.db, 'rp-2026', analyst, { question: null, region: null, language: null, theme: null });
		expect(page.questions.length).toBeGreaterThan(0);
		expect(page.comments.length).toBeGreaterThan(0);
		expect(counted.count()).toBe(1);
	});
});
