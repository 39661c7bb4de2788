import { describe, expect, it } from 'vitest';
import { buildCatalogue } from './catalogue.ts';
import type { Respondent } from './aggregate.ts';
import { basisLine, cellsOf, figureKeys, releaseViolations, type Basis } from './release-rule.ts';

const LIKERT = [5, 4, 3, 2, 1, 'na'].map((v) => ({ value: v, text: String(v) }));
const catalogue = buildCatalogue({
	pages: [
		{
			name: 'p1',
			reportSection: 'services',
			elements: [
				{ type: 'radiogroup', name: 'q1', notApplicableValue: 'na', criteria: ['relevance'], choices: LIKERT },
				{ type: 'radiogroup', name: 'q2', notApplicableValue: 'na', criteria: ['relevance'], choices: LIKERT }
			]
		}
	]
});
const figures = figureKeys(catalogue);
const K = 5;
let next = 0;
const person = (answers: Record<string, unknown>, region = 'AFR', id = `r${++next}`): Respondent => ({
	id,
	answers,
	region,
	category: 'member_state',
	sectors: [],
	language: 'en'
});
const basis = (people: Respondent[]): Basis => ({ figures, lines: people.map((p) => basisLine(catalogue, p, JSON.stringify(p.answers), figures)) });
const crowd = (n: number, region = 'AFR') => Array.from({ length: n }, () => person({ q1: 4, q2: 3 }, region));

describe('the release rule', () => {
	const first = [...crowd(12, 'AFR'), ...crowd(12, 'EUR')];
	const released = [{ number: 1, basis: basis(first) }];

	it('puts a respondent in the whole edition, each of its groups and each pair of groups', () => {
		const cells = cellsOf(basis([first[0]!]).lines[0]!);
		expect(cells).toContain('all');
		expect(cells).toContain('region=AFR');
		expect(cells).toContain('region=AFR & language=en');
		expect(cells).toHaveLength(1 + 5 + 10);
	});

	it('allows the first release and a release with nothing changed', () => {
		expect(releaseViolations([], basis(first), K)).toEqual([]);
		expect(releaseViolations(released, basis(first), K)).toEqual([]);
	});

	it('refuses one more response, naming the cells it changes, and allows it with enough others alike', () => {
		const one = person({ q1: 1, q2: 1 });
		const violations = releaseViolations(released, basis([...first, one]), K);
		expect(violations.map((v) => v.cell)).toContain('all');
		expect(violations.map((v) => v.cell)).toContain('region=AFR');
		expect(violations.find((v) => v.cell === 'all')!.figures).toContain('scales:q1');
		expect(releaseViolations(released, basis([...first, one, ...crowd(K - 1)]), K)).toEqual([]);
	});

	it('refuses when the new responses skip a figure that too few of them answer', () => {
		const partial = [...crowd(K - 1).map((p) => ({ ...p, answers: { q1: 5 } })), person({ q1: 2, q2: 2 })];
		const cells = releaseViolations(released, basis([...first, ...partial]), K);
		expect(cells.find((v) => v.cell === 'all')!.figures).toEqual(['scales:q2']);
	});

	it('refuses a response withdrawn or edited alone', () => {
		expect(releaseViolations(released, basis(first.slice(1)), K).map((v) => v.cell)).toContain('all');
		const edited = [{ ...first[0]!, answers: { q1: 1, q2: 3 } }, ...first.slice(1)];
		const v = releaseViolations(released, basis(edited), K).find((x) => x.cell === 'all')!;
		expect(v.changed).toBe(0);
		expect(v.figures).toContain('scales:q1');
	});

	it('ignores a cell that is too small to be shown in either release', () => {
		const small = [...first, ...crowd(2, 'CIS')];
		const withSmall = [{ number: 1, basis: basis(small) }];
		const more = [...small, person({ q1: 3, q2: 3 }, 'CIS'), ...crowd(K - 1, 'EUR')];
		// CIS (2, then 3) stays below 5: no figure of it is shown, so its change is no one's business.
		expect(
			releaseViolations(withSmall, basis(more), K)
				.map((v) => v.cell)
				.filter((c) => c.includes('CIS'))
		).toEqual([]);
	});

	it('compares with every earlier release, not only the last', () => {
		const added = crowd(K);
		const second = [...first, ...added];
		const both = [...released, { number: 2, basis: basis(second) }];
		// Withdrawing four of the five added is fine against release 1 only if it differs by 0 or >= 5: it differs by 1.
		const third = [...first, added[0]!];
		const violations = releaseViolations(both, basis(third), K);
		expect(violations.some((v) => v.release === 1 && v.cell === 'all')).toBe(true);
	});
});
