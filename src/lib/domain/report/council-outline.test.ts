import { describe, expect, it } from 'vitest';
import { CHARTED_SECTIONS, councilOutline, numberedHeading } from './council-outline.ts';

describe('the Council report outline', () => {
	it('numbers sections 1 to 10 in the order of issue 15 and the annexes A and B', () => {
		const { sections, annexes } = councilOutline();
		expect(sections.map((s) => `${s.number} ${s.id}`)).toEqual([
			'1 introduction',
			'2 methodology',
			'3 overall',
			'4 category',
			'5 region',
			'6 office',
			'7 criterion',
			'8 comparison',
			'9 comments',
			'10 conclusions'
		]);
		expect(annexes).toEqual([
			{ id: 'questionnaire', number: 'A' },
			{ id: 'tables', number: 'B' }
		]);
		expect(CHARTED_SECTIONS).toEqual(sections.slice(2, 8).map((s) => s.id));
		expect(numberedHeading('3', 'Overall results')).toBe('3\tOverall results');
	});
});
