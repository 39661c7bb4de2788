import { describe, expect, it } from 'vitest';
import { ACTIONS, can, homeFor, regionScope, ROLES, routeRule, assertCan, safeNextPath } from './permissions.ts';
import { ForbiddenError } from '../errors.ts';

const user = (role: string, region_code: string | null = null) => ({ role, region_code });

describe('role × action matrix', () => {
	it('gives the administrator every action and the Council reader only published reports', () => {
		for (const action of ACTIONS) expect(can(user('admin'), action), action).toBe(true);
		expect(ACTIONS.filter((a) => can(user('council'), a))).toEqual(['results.read', 'reports.read_published']);
	});

	it('keeps raw responses and comments to analysts and administrators', () => {
		const allowed = ROLES.filter((r) => can(user(r, 'AFR'), 'responses.read_raw'));
		expect(allowed).toEqual(['admin', 'analyst']);
		expect(ROLES.filter((r) => can(user(r, 'AFR'), 'comments.read'))).toEqual(['admin', 'analyst']);
	});

	it('limits a regional office to its own region and refuses one without a region', () => {
		expect(can(user('regional_office', 'AFR'), 'results.read', { region: 'AFR' })).toBe(true);
		expect(can(user('regional_office', 'AFR'), 'results.read', { region: 'EUR' })).toBe(false);
		expect(can(user('regional_office', null), 'tracking.read')).toBe(false);
		expect(regionScope(user('regional_office', 'ASP'), 'tracking.read')).toBe('ASP');
		expect(regionScope(user('analyst'), 'results.read')).toBe('all');
		expect(regionScope(user('author'), 'results.read')).toBeNull();
	});

	it('refuses unknown roles, no user, and throws ForbiddenError from assertCan', () => {
		expect(can(user('superuser'), 'users.manage')).toBe(false);
		expect(can(null, 'reports.read_published')).toBe(false);
		expect(() => assertCan(user('coordinator'), 'users.manage')).toThrow(ForbiddenError);
	});

	it('maps route prefixes, most specific first, and not look-alike paths', () => {
		expect(routeRule('/admin/users')).toBe('users.manage');
		expect(routeRule('/admin/users/x')).toBe('users.manage');
		expect(routeRule('/admin/usersx')).toBe('secretariat.enter');
		expect(routeRule('/admin/editions/rp-2026')).toBe('tracking.read');
		expect(routeRule('/admin')).toBe('secretariat.enter');
		expect(routeRule('/administrator')).toBeNull();
		expect(routeRule('/r/abc')).toBeNull();
		expect(routeRule('/account')).toBe('signed_in');
		// `*` is one segment (an edition's slug), never an empty one.
		expect(routeRule('/admin/results/rp-2026/export/microdata.csv')).toBe('responses.read_raw');
		expect(routeRule('/admin/results/rp-2026/reports/abc')).toBe('reports.read_published');
		expect(routeRule('/admin/results/rp-2026/comments')).toBe('comments.read');
		expect(routeRule('/admin/results/rp-2026')).toBe('results.read');
		expect(routeRule('/admin/results//export')).toBe('results.read');
		expect(routeRule('/logout')).toBeNull();
		expect(routeRule('/reports/rp-2026')).toBeNull();
	});

	it('sends the Council reader to the reports and staff to the Secretariat', () => {
		expect(homeFor(user('council'))).toBe('/admin/results');
		expect(homeFor(user('author'))).toBe('/admin');
	});

	it('returns after sign-in only to a path of our own origin', () => {
		expect(safeNextPath('/admin/audit?action=auth.')).toBe('/admin/audit?action=auth.');
		for (const bad of ['//evil.example/x', 'https://evil.example', '/\\evil.example', 'admin', '/a\nb', '', null])
			expect(safeNextPath(bad), String(bad)).toBeNull();
	});
});
