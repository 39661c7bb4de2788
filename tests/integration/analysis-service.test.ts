import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDb } from '../helpers/db.ts';
import { bootstrappedDb } from '../helpers/bootstrapped-db.ts';
import { insertSyntheticResponses } from '../../src/lib/server/analysis/demo.ts';
import { editionResults, viewerFor } from '../../src/lib/server/analysis/results.ts';
import { isSuppressed, type PublishedResult } from '../../src/lib/domain/analysis/suppression.ts';
import type { ScaleSummary } from '../../src/lib/domain/analysis/stats.ts';
import { ForbiddenError, InvalidInputError } from '../../src/lib/domain/errors.ts';

let t: TestDb;
const K = 5;
const KEPT_IN_CIS = 3;
const council = viewerFor({ role: 'council', region_code: null });
const analyst = viewerFor({ role: 'analyst', region_code: null });

beforeAll(async () => {
	t = await bootstrappedDb();
	expect(await insertSyntheticResponses(t.db, 'rp-2026', 1000, 42)).toBeGreaterThan(150);
	// Leave the CIS region with three respondents: below the threshold.
	const cis = await t.db
		.selectFrom('response as r')
		.innerJoin('entity as n', 'n.id', 'r.entity_id')
		.select('r.id')
		.where('n.region_code', '=', 'CIS')
		.orderBy('r.id')
		.execute();
	await t.db
		.deleteFrom('response')
		.where(
			'id',
			'in',
			cis.slice(KEPT_IN_CIS).map((r) => r.id)
		)
		.execute();
});
afterAll(async () => {
	await t.close();
});

const scale = (r: PublishedResult, key: string) => r.scales[key] as ScaleSummary;

describe('results by role', () => {
	it('gives an analyst every breakdown, unsuppressed, with hand-checkable totals', async () => {
		const res = await editionResults(t.db, 'rp-2026', analyst, { by: 'region' }, K);
		expect(res.minCount).toBe(0);
		const cis = res.breakdown!.groups.find((g) => g.key === 'CIS')!;
		expect(cis.result.respondents).toBe(KEPT_IN_CIS);
		expect(isSuppressed(cis.result.scales.overall_satisfaction)).toBe(false);
		const sum = res.breakdown!.groups.reduce((s, g) => s + scale(g.result, 'overall_satisfaction').n + scale(g.result, 'overall_satisfaction').na, 0);
		expect(sum).toBe(scale(res.overall, 'overall_satisfaction').n + scale(res.overall, 'overall_satisfaction').na);
		for (const by of ['category', 'office', 'sector', 'language']) {
			const b = await editionResults(t.db, 'rp-2026', analyst, { by }, K);
			expect(b.breakdown!.groups.length, by).toBeGreaterThan(1);
		}
	});

	it('hides the small region from the Council, with a complement, so subtraction from the total reveals nothing', async () => {
		const res = await editionResults(t.db, 'rp-2026', council, { by: 'region' }, K);
		expect(res.minCount).toBe(K);
		for (const item of res.catalogue.scales) {
			const groups = res.breakdown!.groups;
			const cis = groups.find((g) => g.key === 'CIS')!;
			const answered = scale(
				(await editionResults(t.db, 'rp-2026', analyst, { by: 'region' }, K)).breakdown!.groups.find((g) => g.key === 'CIS')!.result,
				item.key
			);
			if (answered.n + answered.na > 0) expect(isSuppressed(cis.result.scales[item.key]), item.key).toBe(true);
			// The attack: total minus every visible region.
			const total = scale(res.overall, item.key);
			let residualN = total.n;
			for (const g of groups) if (!isSuppressed(g.result.scales[item.key])) residualN -= scale(g.result, item.key).n;
			expect(residualN === 0 || residualN >= K, item.key).toBe(true);
			expect(groups.filter((g) => isSuppressed(g.result.scales[item.key])).length).not.toBe(1);
		}
	});

	it('keeps the small region hidden in a cross-tabulation with member category', async () => {
		const res = await editionResults(t.db, 'rp-2026', council, { rows: 'region', columns: 'category' }, K);
		const i = res.crossTab!.rowKeys.indexOf('CIS');
		expect(isSuppressed(res.crossTab!.rowMargins[i]!.sections.overall)).toBe(true);
		for (const c of res.crossTab!.cells[i]!) expect(isSuppressed(c.sections.overall) || (c.sections.overall as { n: number }).n === 0).toBe(true);
	});

	it('narrows a regional office to its own region, still suppressed', async () => {
		const office = viewerFor({ role: 'regional_office', region_code: 'EUR' });
		const res = await editionResults(t.db, 'rp-2026', office, { by: 'region' }, K);
		expect(res.breakdown!.groups.map((g) => g.key)).toEqual(['EUR']);
		expect(res.rates.map((r) => r.region)).toEqual(['EUR']);
		expect(res.minCount).toBe(K);
		expect(() => viewerFor({ role: 'regional_office', region_code: null })).toThrow(ForbiddenError);
	});

	it('refuses an unknown dimension or a half cross-tabulation', async () => {
		await expect(editionResults(t.db, 'rp-2026', council, { by: 'entity' })).rejects.toThrow(InvalidInputError);
		await expect(editionResults(t.db, 'rp-2026', council, { rows: 'region' })).rejects.toThrow(InvalidInputError);
		await expect(editionResults(t.db, 'rp-2026', council, { rows: 'region', columns: 'region' })).rejects.toThrow(InvalidInputError);
	});
});
