import { describe, expect, it } from 'vitest';
import { breakdown, officeFor, submissionsByDay, totals, trackingState, type InvitationStatusRow } from './tracking.ts';

const row = (
	code: string,
	region: string,
	state: InvitationStatusRow['state'],
	sectors: string[] = [],
	submittedAt: string | null = null
): InvitationStatusRow => ({ code, name: code, kind: 'sector_member', region, countryIso3: null, sectors, state, submittedAt });

describe('tracking', () => {
	const rows = [
		row('A', 'AFR', 'submitted', ['itu_d'], '2026-12-01T10:00:00Z'),
		row('B', 'AFR', 'in_progress', ['itu_d', 'itu_t']),
		row('C', 'EUR', 'invited'),
		row('D', 'EUR', 'submitted', [], '2026-12-03T09:00:00Z')
	];

	it('counts cumulatively with response rates, by region and by Sector (an entity in two Sectors counts in both)', () => {
		expect(totals(rows)).toEqual({ key: 'all', invited: 4, opened: 3, inProgress: 1, submitted: 2, rate: 0.5 });
		expect(breakdown(rows, (r) => [r.region ?? '-'])).toEqual([
			{ key: 'AFR', invited: 2, opened: 2, inProgress: 1, submitted: 1, rate: 0.5 },
			{ key: 'EUR', invited: 2, opened: 1, inProgress: 0, submitted: 1, rate: 0.5 }
		]);
		expect(breakdown(rows, (r) => r.sectors).map((c) => [c.key, c.invited, c.submitted])).toEqual([
			['itu_d', 2, 1],
			['itu_t', 1, 0]
		]);
		expect(submissionsByDay(rows)).toEqual([
			{ day: '2026-12-01', submitted: 1, cumulative: 1 },
			{ day: '2026-12-03', submitted: 1, cumulative: 2 }
		]);
	});

	it('finds the area office serving a country before the regional office', () => {
		const offices = [
			{ code: 'RO-AMS', kind: 'regional' as const, region: 'AMS', serves: null },
			{ code: 'AO-BGI', kind: 'area' as const, region: 'AMS', serves: ['JAM'] }
		];
		expect(officeFor('JAM', 'AMS', offices)).toBe('AO-BGI');
		expect(officeFor('BRA', 'AMS', offices)).toBe('RO-AMS');
		expect(officeFor(null, null, offices)).toBe('-');
	});
});

describe('trackingState', () => {
	it('reads submitted, then a saved revision, then an opened link', () => {
		expect(trackingState({ state: 'submitted', revision: 0 }, null)).toBe('submitted');
		expect(trackingState({ state: 'in_progress', revision: 3 }, '2026-05-02T10:00:00Z')).toBe('in_progress');
		expect(trackingState({ state: 'in_progress', revision: 0 }, '2026-05-02T10:00:00Z')).toBe('opened');
		expect(trackingState(null, '2026-05-02T10:00:00Z')).toBe('opened');
		expect(trackingState({ state: null, revision: null }, null)).toBe('invited');
	});
});
