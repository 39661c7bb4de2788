import { describe, expect, it } from 'vitest';
import { groupsOf, mapGroups, parseRoleMap } from './sso-role-map.ts';

describe('OIDC_ROLE_MAP', () => {
	const map = parseRoleMap('rps-admins=administrator, rps-analysts=analyst,rps-ro-afr=regional_office:AFR');

	it('parses groups, roles (administrator meaning admin) and a regional office region', () => {
		expect(map).toEqual([
			{ group: 'rps-admins', role: 'admin', region: null },
			{ group: 'rps-analysts', role: 'analyst', region: null },
			{ group: 'rps-ro-afr', role: 'regional_office', region: 'AFR' }
		]);
	});

	it('takes the first entry the user holds, in the order written', () => {
		expect(mapGroups(['rps-analysts', 'rps-admins'], map)?.role).toBe('admin');
		expect(mapGroups(['staff', 'rps-ro-afr'], map)).toEqual({ group: 'rps-ro-afr', role: 'regional_office', region: 'AFR' });
		expect(mapGroups(['staff'], map)).toBeNull();
		expect(mapGroups([], map)).toBeNull();
	});

	it('refuses unknown roles, a regional office without region, a region elsewhere, an empty map', () => {
		expect(() => parseRoleMap('g=superuser')).toThrow(/unknown role/);
		expect(() => parseRoleMap('g=regional_office')).toThrow(/needs its region/);
		expect(() => parseRoleMap('g=analyst:AFR')).toThrow(/only a regional office/);
		expect(() => parseRoleMap('  ,  ')).toThrow(/no group/);
		expect(() => parseRoleMap('analyst')).toThrow(/group=role/);
	});

	it('reads Entra ID group ids (with their hyphens) and a claim sent as a string', () => {
		expect(parseRoleMap('4f1c2a7e-0000-4000-8000-000000000001=analyst')[0]!.group).toBe('4f1c2a7e-0000-4000-8000-000000000001');
		expect(groupsOf('a b,c')).toEqual(['a', 'b', 'c']);
		expect(groupsOf(['a', 3, 'b'])).toEqual(['a', 'b']);
		expect(groupsOf(undefined)).toEqual([]);
	});
});
