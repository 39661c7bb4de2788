import { describe, expect, it } from 'vitest';
import { ROLES } from '../domain/access/permissions.ts';
import { mayOpen, navFor } from './nav.ts';

const actor = (role: string) => ({ role, region_code: role === 'regional_office' ? 'AFR' : null });
const ids = (role: string) => navFor(actor(role), '/admin').map((i) => i.id);

describe('navigation by role', () => {
	it('shows each role exactly the areas it may use', () => {
		expect(ids('admin')).toEqual(['home', 'editions', 'questionnaires', 'translations', 'registry', 'results', 'reports', 'users', 'audit']);
		expect(ids('author')).toEqual(['home', 'questionnaires', 'translations']);
		expect(ids('coordinator')).toEqual(['home', 'editions', 'registry', 'reports']);
		expect(ids('analyst')).toEqual(['home', 'editions', 'results', 'reports']);
		expect(ids('regional_office')).toEqual(['home', 'editions', 'results']);
		expect(ids('council')).toEqual(['results', 'reports']);
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
