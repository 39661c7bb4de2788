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
		// t(0.975, 4) = 2.776; half width = 2.776 * sqrt(2.7) / sqrt(5) = 2.03994
		expect(s.ci95![0]).toBeCloseTo(3.2 - 2.03994, 4);
		expect(s.ci95![1]).toBeCloseTo(3.2 + 2.03994, 4);
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
	it('uses Student t for small samples and 1.96 for large ones', () => {
		expect(tQuantile975(1)).toBe(12.706);
		expect(tQuantile975(30)).toBe(2.042);
		expect(tQuantile975(50)).toBe(2.0);
		expect(tQuantile975(10_000)).toBe(1.96);
		expect(momentsFrom(0, 0, 0).mean).toBeNull();
	});
});
