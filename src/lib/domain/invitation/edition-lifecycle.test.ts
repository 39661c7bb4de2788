import { describe, expect, it } from 'vitest';
import { acceptsAnswers, canTransition, nextStates } from './edition-lifecycle.ts';

describe('edition lifecycle', () => {
	it('goes draft -> open -> closed -> archived, may reopen a closed edition, never leaves archived', () => {
		expect(canTransition('draft', 'open')).toBe(true);
		expect(canTransition('draft', 'closed')).toBe(false);
		expect(canTransition('open', 'closed')).toBe(true);
		expect(canTransition('closed', 'open')).toBe(true);
		expect(canTransition('closed', 'archived')).toBe(true);
		expect(nextStates('archived')).toEqual([]);
	});

	it('takes answers in the window, and after closing only for an entity with a running extension', () => {
		const open = { state: 'open' as const, opens_at: '2026-01-01T00:00:00.000Z', closes_at: '2026-03-01T00:00:00.000Z' };
		expect(acceptsAnswers(open, '2025-12-31T23:59:59.000Z')).toBe(false);
		expect(acceptsAnswers(open, '2026-02-01T00:00:00.000Z')).toBe(true);
		expect(acceptsAnswers(open, '2026-03-01T00:00:00.000Z')).toBe(false);
		expect(acceptsAnswers(open, '2026-03-05T00:00:00.000Z', '2026-03-10T00:00:00.000Z')).toBe(true);
		expect(acceptsAnswers({ ...open, state: 'closed' }, '2026-02-01T00:00:00.000Z')).toBe(false);
		expect(acceptsAnswers({ ...open, state: 'closed' }, '2026-03-05T00:00:00.000Z', '2026-03-10T00:00:00.000Z')).toBe(true);
		expect(acceptsAnswers({ ...open, state: 'closed' }, '2026-03-10T00:00:00.000Z', '2026-03-10T00:00:00.000Z')).toBe(false);
		expect(acceptsAnswers({ ...open, state: 'archived' }, '2026-03-05T00:00:00.000Z', '2026-03-10T00:00:00.000Z')).toBe(false);
	});
});
