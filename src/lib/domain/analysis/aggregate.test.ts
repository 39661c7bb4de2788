import { describe, expect, it } from 'vitest';
import { buildCatalogue } from './catalogue.ts';
import { aggregate, type Respondent } from './aggregate.ts';
import { breakdown, crossTab } from './dimensions.ts';

const LIKERT = [5, 4, 3, 2, 1, 'na'].map((v) => ({ value: v, text: String(v) }));

/** A small questionnaire with every kind of figure the report uses. */
const DEFINITION = {
	pages: [
		{
			name: 'p1',
			reportSection: 'services',
			elements: [
				{ type: 'radiogroup', name: 'q1', notApplicableValue: 'na', criteria: ['relevance'], choices: LIKERT },
				{ type: 'radiogroup', name: 'q2', notApplicableValue: 'na', criteria: ['relevance', 'impact'], choices: LIKERT },
				{ type: 'checkbox', name: 'offices_dealt_with', choices: ['RO-AFR', 'RO-EUR'], showNoneItem: true },
				{ type: 'comment', name: 'why' }
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
};

const catalogue = buildCatalogue(DEFINITION);
let id = 0;
const r = (answers: Record<string, unknown>, region = 'AFR', language = 'en'): Respondent => ({
	id: String(++id),
	answers,
	region,
	category: 'member_state',
	sectors: [],
	language
});

describe('catalogue', () => {
	it('finds scale items (matrix rows included), choice and text questions, sections and criteria', () => {
		expect(catalogue.scales.map((s) => s.key)).toEqual(['q1', 'q2', 'm.a', 'm.b']);
		expect(catalogue.choices.map((c) => [c.name, c.multiple])).toEqual([
			['offices_dealt_with', true],
			['kind', false]
		]);
		expect(catalogue.choices[0]!.choices.map((c) => c.value)).toContain('none');
		expect(catalogue.texts.map((t) => t.name)).toEqual(['why']);
		expect(catalogue.sections).toEqual(['services', 'sectors']);
		expect(catalogue.criteria).toEqual(['relevance', 'impact']);
	});
});

describe('aggregate', () => {
	const people = [
		r({ q1: 5, q2: 3, m: { a: 4, b: 'na' }, offices_dealt_with: ['RO-AFR', 'RO-EUR'], kind: 'x' }),
		r({ q1: 'na', q2: 1, m: { a: 2, b: 2 }, offices_dealt_with: ['RO-AFR'], kind: 'y' }),
		r({ q1: '4', offices_dealt_with: ['none'] })
	];
	const result = aggregate(catalogue, people);

	it('counts valid answers and "na" separately, accepting numbers sent as text', () => {
		expect(result.respondents).toBe(3);
		expect(result.scales.q1).toMatchObject({ n: 2, na: 1, mean: 4.5, satisfied: 1, dissatisfied: 0 });
		expect(result.scales['m.b']).toMatchObject({ n: 1, na: 1, mean: 2 });
	});

	it('gives multiple-choice shares of respondents', () => {
		expect(result.choices.offices_dealt_with!.n).toBe(3);
		expect(result.choices.offices_dealt_with!.counts).toEqual({ 'RO-AFR': 2, 'RO-EUR': 1, none: 1 });
		expect(result.choices.offices_dealt_with!.shares['RO-AFR']).toBeCloseTo(2 / 3, 10);
		expect(result.choices.kind).toMatchObject({ n: 2, counts: { x: 1, y: 1 } });
	});

	it('computes section and criterion indices as the mean of respondent means (hand computed)', () => {
		// services: respondent 1 (5+3)/2 = 4, respondent 2: 1 (q1 "na"), respondent 3: 4 -> mean 3, 4 valid answers
		expect(result.sections.services).toMatchObject({ n: 3, answers: 4, mean: 3 });
		// sectors: r1: 4, r2: (2+2)/2 = 2 -> mean 3; r3 rated nothing there
		expect(result.sections.sectors).toMatchObject({ n: 2, answers: 3, mean: 3 });
		// relevance = q1, q2: r1 4, r2 1, r3 4; impact = q2, m: r1 (3+4)/2 = 3.5, r2 (1+2+2)/3 = 5/3
		expect(result.criteria.relevance!.mean).toBeCloseTo(3, 10);
		expect(result.criteria.impact!.mean).toBeCloseTo((3.5 + 5 / 3) / 2, 10);
		expect(result.criteria.impact!.satisfied).toBeCloseTo(1 / 5, 10);
	});

	it('handles an empty group and a single response', () => {
		const empty = aggregate(catalogue, []);
		expect(empty.respondents).toBe(0);
		expect(empty.scales.q1).toMatchObject({ n: 0, na: 0, mean: null });
		expect(empty.sections.services).toMatchObject({ n: 0, mean: null });
		const one = aggregate(catalogue, [people[0]!]);
		expect(one.sections.services).toMatchObject({ n: 1, mean: 4, sd: null, ci95: null });
	});

	it('counts a respondent who rated no item of an index but said "don\'t know" as that index\'s "na", like an item', () => {
		// r1 rated q1 and said "na" to q2; r2 said "na" to both items of services and rated nothing else; r3 only rated m.
		const g = aggregate(catalogue, [r({ q1: 5, q2: 'na' }), r({ q1: 'na', q2: 'na' }), r({ m: { a: 4 } })]);
		expect(g.sections.services).toMatchObject({ n: 1, na: 1, mean: 5 });
		// relevance (q1, q2): the same two respondents; impact (q2, m): r1 only "na" there, r2 "na", r3 rated.
		expect(g.criteria.relevance).toMatchObject({ n: 1, na: 1 });
		expect(g.criteria.impact).toMatchObject({ n: 1, na: 2, mean: 4 });
		expect(g.sections.sectors).toMatchObject({ n: 1, na: 0 });
	});

	it('ignores values off the scale rather than counting them', () => {
		expect(aggregate(catalogue, [r({ q1: 9 }), r({ q1: 'x' })]).scales.q1).toMatchObject({ n: 0, na: 0 });
	});
});

describe('breakdowns and cross-tabulation', () => {
	const people = [
		r({ q1: 5, offices_dealt_with: ['RO-AFR', 'RO-EUR'] }, 'AFR', 'fr'),
		r({ q1: 3, offices_dealt_with: ['RO-EUR'] }, 'EUR', 'en'),
		r({ q1: 1 }, 'EUR', 'fr')
	];

	it('groups by region (a partition) and by office (multi-valued, a respondent in each office)', () => {
		const byRegion = breakdown(catalogue, people, 'region');
		expect(byRegion.groups.map((g) => [g.key, g.result.scales.q1!.mean])).toEqual([
			['AFR', 5],
			['EUR', 2]
		]);
		const byOffice = breakdown(catalogue, people, 'office');
		expect(byOffice.groups.map((g) => [g.key, g.result.respondents])).toEqual([
			['RO-AFR', 1],
			['RO-EUR', 2],
			['none', 1]
		]);
	});

	it('cross-tabulates region by language with margins', () => {
		const t = crossTab(catalogue, people, 'region', 'language');
		expect(t.rowKeys).toEqual(['AFR', 'EUR']);
		expect(t.columnKeys).toEqual(['en', 'fr']);
		expect(t.cells.map((row) => row.map((c) => c.respondents))).toEqual([
			[0, 1],
			[1, 1]
		]);
		expect(t.columnMargins.map((c) => c.scales.q1!.mean)).toEqual([3, 3]);
		expect(t.total.respondents).toBe(3);
	});
});
