import { describe, expect, it } from 'vitest';
import { conditionWords } from './condition-words.ts';

const fivePoint = (q: string) => (q.startsWith('sat_') || q === 'overall_satisfaction' ? [5, 4, 3, 2, 1] : null);

describe('a display condition in words', () => {
	it('turns a bound on a five-point scale into the points it allows', () => {
		expect(conditionWords('{overall_satisfaction} <= 2', fivePoint)).toEqual({
			join: 'and',
			clauses: [{ kind: 'is', question: 'overall_satisfaction', values: ['1', '2'] }]
		});
	});

	it('reads the 2026 questionnaire office condition clause by clause', () => {
		const words = conditionWords(
			"{offices_dealt_with} notempty and {offices_dealt_with} notcontains 'none' and {sat_regional_events} notempty and {sat_regional_events} <> 'na'",
			fivePoint
		);
		expect(words).toEqual({
			join: 'and',
			clauses: [
				{ kind: 'answered', question: 'offices_dealt_with' },
				{ kind: 'excludes', question: 'offices_dealt_with', values: ['none'] },
				{ kind: 'answered', question: 'sat_regional_events' },
				{ kind: 'isNot', question: 'sat_regional_events', values: ['na'] }
			]
		});
	});

	it('reads anyof lists and "or"', () => {
		expect(conditionWords("{category} anyof ['member_state', 'rto'] or {x} = 1")).toEqual({
			join: 'or',
			clauses: [
				{ kind: 'is', question: 'category', values: ['member_state', 'rto'] },
				{ kind: 'is', question: 'x', values: ['1'] }
			]
		});
	});

	it('gives up (null) on what it cannot word faithfully', () => {
		expect(conditionWords('{a} = 1 and {b} = 2 or {c} = 3')).toBeNull();
		expect(conditionWords('age({birth}) > 18')).toBeNull();
		expect(conditionWords('{x} < 3')).toBeNull();
	});
});
