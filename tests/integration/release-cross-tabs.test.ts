import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../helpers/db.ts';
import { bootstrappedDb } from '../helpers/bootstrapped-db.ts';
import { loadEditionData, type EditionData } from '../../src/lib/server/analysis/data.ts';
import { buildSnapshot } from '../../src/lib/server/analysis/releases/snapshot.ts';
import { aggregateAll } from '../../src/lib/domain/analysis/one-pass.ts';
import { DIMENSIONS } from '../../src/lib/domain/analysis/dimensions.ts';
import { publishCrossTab, type PublishedResult } from '../../src/lib/domain/analysis/suppression.ts';
import type { Respondent } from '../../src/lib/domain/analysis/aggregate.ts';
import { seededRandom, syntheticAnswers } from '../../src/lib/domain/analysis/synthetic.ts';
import { LOCALES } from '../../src/lib/domain/locales.ts';

/**
 * A release keeps each cross-tabulation's section indexes only, and publishes only those (issue 16
 * item 6: publishing every figure of the 20 cross-tabulations, then trimming, was most of a release's
 * time). Suppression decides figure by figure, so the kept figures must be exactly those of publishing
 * everything and trimming after: compared as JSON text (every float, every key in its order), with
 * groups small enough for suppression to hide cells and their complements.
 */
let t: TestDb;
let data: EditionData;

beforeAll(async () => {
	t = await bootstrappedDb();
	data = await loadEditionData(t.db, 'rp-2026');
}, 120_000);
afterAll(async () => {
	await t?.close();
});

const trim = (r: PublishedResult): PublishedResult => ({ respondents: r.respondents, scales: {}, choices: {}, criteria: {}, sections: r.sections });

describe('a release’s cross-tabulations', () => {
	it('are what publishing every figure and then keeping the section indexes gave', () => {
		const { catalogue } = data;
		const choices = (name: string) => catalogue.choices.find((c) => c.name === name)?.choices.map((c) => c.value) ?? [];
		const random = seededRandom(16);
		const [categories, sectors, regions] = [choices('respondent_category'), choices('sectors_involved'), ['AFR', 'AMS', 'ASP', 'ARB', 'EUR', 'CIS']];
		const respondents: Respondent[] = Array.from({ length: 300 }, (_, i) => {
			const category = categories[i % categories.length]!;
			return {
				id: String(i),
				answers: syntheticAnswers(catalogue, random, { fixed: { respondent_category: category } }),
				region: regions[Math.floor(random() * regions.length)]!,
				category,
				sectors: sectors.filter(() => random() < 0.3),
				language: LOCALES[i % LOCALES.length]!
			};
		});
		const minCount = 5;
		const snapshot = buildSnapshot({
			data: { ...data, respondents, lastSubmittedAt: null },
			minCount,
			rates: [],
			regionCodes: regions,
			officeCodes: [],
			waves: [],
			themes: []
		});
		const all = aggregateAll(catalogue, respondents, { crossTabs: true });
		let hidden = 0;
		for (const rows of DIMENSIONS)
			for (const columns of DIMENSIONS) {
				if (rows === columns) continue;
				const p = publishCrossTab(all.crossTab(rows, columns), minCount);
				const expected = {
					...p,
					cells: p.cells.map((r) => r.map(trim)),
					rowMargins: p.rowMargins.map(trim),
					columnMargins: p.columnMargins.map(trim),
					total: trim(p.total)
				};
				const kept = snapshot.crossTabs[`${rows}|${columns}`];
				expect(JSON.stringify(kept), `${rows}|${columns}`).toBe(JSON.stringify(expected));
				hidden += JSON.stringify(kept).split('"suppressed":true').length - 1;
			}
		// The comparison covered suppressed cells, not only published ones.
		expect(hidden).toBeGreaterThan(0);
	}, 120_000);
});
