import { describe, expect, it } from 'vitest';
import { momentsFrom, summariseScale, tQuantile975 } from './stats.ts';

const SCALE = [5, 4, 3, 2, 1];

describe('summariseScale', () => {
	it('matches a hand computation (5, 4, 4, 2, 1 and two "na")', () => {
		const s = summariseScale(SCALE, { '5': 1, '4': 2, '2': 1, '1': 1 }, 2);
		expect(s.n).toBe(5);
		expect(s.na).toBe(2);
		expect(s.counts).toEqual({ '5': 1, '4': 2, '3': 0, '2': 1, '1': 1 });
		expect(s.mean).toBeCloseTo(3.2, 10);
		// variance = (62 - 5 * 3.2^2) / 4 = 2.7
		expect(s.sd).toBeCloseTo(Math.sqrt(2.7), 10);
		// t(0.975, 4) = 2.776445; half width = 2.776445 * sqrt(2.7) / sqrt(5) = 2.040262
		expect(s.ci95![0]).toBeCloseTo(3.2 - 2.040262, 6);
		expect(s.ci95![1]).toBeCloseTo(3.2 + 2.040262, 6);
		expect(s.satisfied).toBeCloseTo(0.6, 10);
		expect(s.dissatisfied).toBeCloseTo(0.4, 10);
	});

	it('gives no mean, no spread and no shares when everyone said "na"', () => {
		const s = summariseScale(SCALE, {}, 4);
		expect(s).toMatchObject({ n: 0, na: 4, mean: null, sd: null, ci95: null, satisfied: null, dissatisfied: null });
	});

	it('gives a mean but no standard deviation or interval for a single answer', () => {
		const s = summariseScale(SCALE, { '3': 1 }, 0);
		expect(s).toMatchObject({ n: 1, mean: 3, sd: null, ci95: null, satisfied: 0, dissatisfied: 0 });
	});

	it('has a zero-width interval when all answers agree', () => {
		const s = summariseScale(SCALE, { '4': 10 }, 0);
		expect(s.sd).toBe(0);
		expect(s.ci95).toEqual([4, 4]);
	});
});

describe('t quantiles', () => {
	// Reference values: scipy.stats.t.ppf(0.975, df), rounded to 6 decimals.
	const EXACT: [number, number][] = [
		[1, 12.706205],
		[2, 4.302653],
		[10, 2.228139],
		[30, 2.042272],
		[31, 2.039513],
		[40, 2.021075],
		[45, 2.014103],
		[61, 1.999624],
		[99, 1.984217],
		[120, 1.97993],
		[150, 1.975905],
		[1000, 1.962339]
	];

	it.each(EXACT)('gives t(0.975, %i) = %s to 6 decimals', (df, t) => {
		expect(tQuantile975(df)).toBeCloseTo(t, 6);
	});

	it('has no quantile below one degree of freedom', () => {
		expect(tQuantile975(0)).toBeNaN();
		expect(momentsFrom(0, 0, 0).mean).toBeNull();
	});

	it('widens the interval of 46 answers by the exact t (45 df), not the 60-df table value', () => {
		// 23 answers of 4 and 23 of 2: mean 3, sd = sqrt(46 / 45), half width = t(0.975, 45) * sd / sqrt(46).
		const m = momentsFrom(46, 23 * 4 + 23 * 2, 23 * 16 + 23 * 4);
		const half = (2.014103 * Math.sqrt(46 / 45)) / Math.sqrt(46);
		expect(m.ci95![0]).toBeCloseTo(3 - half, 6);
		expect(m.ci95![1]).toBeCloseTo(3 + half, 6);
	});
});
