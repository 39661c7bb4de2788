import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCatalogue, type Catalogue } from './catalogue.ts';
import { aggregate, type Respondent } from './aggregate.ts';
import { breakdown, crossTab, DIMENSIONS } from './dimensions.ts';
import { aggregateAll } from './one-pass.ts';
import { publishBreakdown, publishCrossTab, publishResult } from './suppression.ts';
import { seededRandom, syntheticAnswers } from './synthetic.ts';

/**
 * The one pass must give exactly what the per-dimension functions give (they stay the
 * reference): compared as JSON text, so key order and every bit of every float count.
 */
const fixture = (path: string) => buildCatalogue(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>);
const LIKERT = [5, 4, 3, 2, 1, 'na'].map((v) => ({ value: v, text: String(v) }));
const SMALL = buildCatalogue({
	pages: [
		{
			name: 'p1',
			reportSection: 'services',
			elements: [
				{ type: 'radiogroup', name: 'q1', notApplicableValue: 'na', criteria: ['relevance'], choices: LIKERT },
				{ type: 'radiogroup', name: 'q2', notApplicableValue: 'na', criteria: ['relevance', 'impact'], choices: LIKERT },
				{ type: 'checkbox', name: 'offices_dealt_with', choices: ['RO-AFR', 'RO-EUR'], showNoneItem: true }
			]
		},
		{
			name: 'p2',
			reportSection: 'sectors',
			elements: [
				{ type: 'matrix', name: 'm', notApplicableValue: 'na', criteria: ['impact'], columns: LIKERT, rows: ['a', 'b'] },
				{ type: 'radiogroup', name: 'kind', choices: ['x', 'y'] }
			]
		}
	]
});

const CATALOGUES: [string, Catalogue][] = [
	['rp-2026', fixture('surveys/regional-presence-2026.json')],
	['all-types', fixture('tests/fixtures/all-types.json')],
	['matrix-scales', fixture('tests/fixtures/matrix-scales.json')],
	['aggregate.test', SMALL]
];
const REGIONS = ['AFR', 'AMS', 'ARB', 'ASP', 'CIS', 'EUR'];
const KINDS = ['member_state', 'sector_member', 'associate', 'academia'];
const SECTORS = ['itu_d', 'itu_r', 'itu_t'];
const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
const OFFICES = ['RO-AFR', 'RO-EUR', 'AO-X', 'none'];

/** Varied respondents: no region, several Sectors, repeated offices, odd answers (text numbers, values off the scale). */
function people(catalogue: Catalogue, n: number, seed: number): Respondent[] {
	const random = seededRandom(seed);
	const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
	return Array.from({ length: n }, (_, i) => {
		const answers = syntheticAnswers(catalogue, random, { bias: random() - 0.5 });
		if (random() < 0.3) answers.offices_dealt_with = Array.from({ length: Math.floor(random() * 4) }, () => pick(OFFICES));
		const item = catalogue.scales[0];
		if (item && item.row === null && random() < 0.05) answers[item.question] = pick(['9', 'x', '', null, String(item.scale[0])]);
		return {
			id: String(i),
			answers,
			region: random() < 0.05 ? null : pick(REGIONS),
			category: pick(KINDS),
			sectors: SECTORS.filter(() => random() < 0.3),
			language: pick(LANGS)
		};
	});
}

const json = (value: unknown) => JSON.stringify(value);

describe('aggregateAll: one pass equals the per-dimension functions', () => {
	for (const [name, catalogue] of CATALOGUES) {
		for (const n of [0, 1, 7, 250]) {
			it(`${name}, ${n} respondents: overall, every breakdown, every cross-tabulation, every part, with and without suppression`, () => {
				const data = people(catalogue, n, n + name.length);
				const all = aggregateAll(catalogue, data, { crossTabs: true, partOf: (r) => r.region });
				expect(json(all.overall)).toBe(json(aggregate(catalogue, data)));
				expect(json(publishResult(all.overall, 5))).toBe(json(publishResult(aggregate(catalogue, data), 5)));
				for (const d of DIMENSIONS) {
					for (const order of [[], ['EUR', 'nowhere', 'AFR', 'EUR']]) {
						expect(json(all.breakdown(d, order))).toBe(json(breakdown(catalogue, data, d, order)));
						for (const k of [1, 5])
							expect(json(publishBreakdown(all.breakdown(d, order), k))).toBe(json(publishBreakdown(breakdown(catalogue, data, d, order), k)));
					}
					for (const e of DIMENSIONS) {
						if (d === e) continue;
						expect(json(all.crossTab(d, e))).toBe(json(crossTab(catalogue, data, d, e)));
						expect(json(publishCrossTab(all.crossTab(d, e), 5))).toBe(json(publishCrossTab(crossTab(catalogue, data, d, e), 5)));
					}
				}
				for (const region of [...REGIONS, 'nowhere']) {
					const own = data.filter((r) => r.region === region);
					expect(json(all.part(region).overall)).toBe(json(aggregate(catalogue, own)));
					for (const d of DIMENSIONS)
						expect(json(publishBreakdown(all.part(region).breakdown(d), 5))).toBe(json(publishBreakdown(breakdown(catalogue, own, d), 5)));
				}
			});
		}
	}

	it('counts a respondent once per listed group, as partition() does (an office named twice counts twice)', () => {
		const r: Respondent = { id: '1', answers: { q1: 5, offices_dealt_with: ['RO-AFR', 'RO-AFR'] }, region: 'AFR', category: 'x', sectors: [], language: 'en' };
		const all = aggregateAll(SMALL, [r], { crossTabs: true });
		expect(all.breakdown('office').groups.map((g) => [g.key, g.result.respondents])).toEqual([['RO-AFR', 2]]);
		expect(json(all.crossTab('office', 'region'))).toBe(json(crossTab(SMALL, [r], 'office', 'region')));
	});
});
