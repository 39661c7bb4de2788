import { describe, expect, it } from 'vitest';
import { ROLES } from '../domain/access/permissions.ts';
import { AREA_IDS, mayOpen, navFor } from './nav.ts';

const actor = (role: string) => ({ role, region_code: role === 'regional_office' ? 'AFR' : null });
const ids = (role: string) => navFor(actor(role), '/admin').map((i) => i.id);

describe('navigation by role', () => {
	it('shows the administrator every area, in the sidebar order', () => {
		expect(ids('admin')).toEqual([...AREA_IDS]);
	});

	// What tells the roles apart, not nav.ts's list again: the areas each role has and lacks.
	const DIFFERENCES: Record<string, { has: string[]; lacks: string[] }> = {
		author: { has: ['home', 'questionnaires', 'translations'], lacks: ['editions', 'registry', 'results', 'reports'] },
		coordinator: { has: ['home', 'editions', 'registry', 'reports'], lacks: ['questionnaires', 'translations', 'results'] },
		analyst: { has: ['home', 'editions', 'results', 'reports'], lacks: ['questionnaires', 'registry'] },
		regional_office: { has: ['home', 'editions', 'results'], lacks: ['reports', 'registry', 'questionnaires'] },
		council: { has: ['results', 'reports'], lacks: ['home', 'editions'] }
	};
	it.each(Object.entries(DIFFERENCES))('shows %s its own areas and not the others', (role, { has, lacks }) => {
		const shown = ids(role);
		expect(shown).toEqual(expect.arrayContaining(has));
		for (const area of lacks) expect(shown, `${role} ${area}`).not.toContain(area);
		// The administration areas belong to the administrator alone.
		for (const area of ['users', 'api-tokens', 'audit', 'webhooks']) expect(shown, `${role} ${area}`).not.toContain(area);
		// A subset, kept in the sidebar order.
		expect(shown).toEqual(AREA_IDS.filter((a) => shown.includes(a)));
	});

	it('never offers a link the route rules would refuse', () => {
		for (const role of ROLES) {
			for (const item of navFor(actor(role), '/admin')) expect(mayOpen(actor(role), item.href.split('#')[0]!), `${role} ${item.href}`).toBe(true);
		}
	});

	it('marks the current area, the most specific one winning', () => {
		const current = (path: string) =>
			navFor(actor('admin'), path)
				.filter((i) => i.current)
				.map((i) => i.id);
		expect(current('/admin')).toEqual(['home']);
		expect(current('/admin/editions/e2026/respondents')).toEqual(['editions']);
		expect(current('/admin/questionnaires/q/edit')).toEqual(['questionnaires']);
		expect(current('/admin/questionnaires/q/translations')).toEqual(['translations']);
		expect(current('/admin/results/e2026/reports/1')).toEqual(['reports']);
		expect(current('/admin/results/e2026')).toEqual(['results']);
		expect(current('/account')).toEqual([]);
	});

	it('tells the own page of an area (aria-current="page") from a page inside it', () => {
		const marked = (path: string) => navFor(actor('admin'), path).find((i) => i.current);
		expect(marked('/admin/questionnaires')).toMatchObject({ id: 'questionnaires', exact: true });
		expect(marked('/admin/questionnaires/q/edit')).toMatchObject({ id: 'questionnaires', exact: false });
		expect(marked('/admin/editions/e2026')).toMatchObject({ id: 'editions', exact: false });
		expect(marked('/admin')).toMatchObject({ id: 'home', exact: true });
	});
});
