import { isRole, type Role } from './permissions.ts';

/**
 * Which role (and, for a regional office, which region) an identity provider's groups
 * give: OIDC_ROLE_MAP, e.g. `rps-admins=administrator,rps-analysts=analyst,rps-ro-afr=regional_office:AFR`.
 * Entries are tried in the order written and the first group the user holds wins, so
 * the administrator lists the more powerful groups first; no mapped group, no access.
 */
export interface RoleMapEntry {
	group: string;
	role: Role;
	region: string | null;
}

/** The wording ("administrator") is accepted for the role called `admin` in the code. */
const ROLE_ALIASES: Record<string, Role> = { administrator: 'admin' };

/** Parses OIDC_ROLE_MAP; throws an Error naming the bad entry (the configuration turns it into a start failure). */
export function parseRoleMap(text: string): RoleMapEntry[] {
	const entries: RoleMapEntry[] = [];
	for (const raw of text.split(/[,;\n]/)) {
		const item = raw.trim();
		if (!item) continue;
		const eq = item.lastIndexOf('=');
		if (eq <= 0) throw new Error(`"${item}" is not group=role`);
		const group = item.slice(0, eq).trim();
		const [roleName = '', region = ''] = item
			.slice(eq + 1)
			.trim()
			.split(':');
		const role = ROLE_ALIASES[roleName] ?? roleName;
		if (!isRole(role)) throw new Error(`"${item}": unknown role "${roleName}"`);
		if (role === 'regional_office' && !/^[A-Z]{2,10}$/.test(region)) throw new Error(`"${item}": a regional office needs its region, e.g. regional_office:AFR`);
		if (role !== 'regional_office' && region) throw new Error(`"${item}": only a regional office takes a region`);
		entries.push({ group, role, region: role === 'regional_office' ? region : null });
	}
	if (entries.length === 0) throw new Error('maps no group to a role');
	return entries;
}

/** The groups claim as providers send it: an array of strings (Entra ID: group object ids), or one string. */
export function groupsOf(claim: unknown): string[] {
	if (Array.isArray(claim)) return claim.filter((g): g is string => typeof g === 'string');
	if (typeof claim === 'string') return claim.split(/[,\s]+/).filter(Boolean);
	return [];
}

export function mapGroups(groups: readonly string[], map: readonly RoleMapEntry[]): RoleMapEntry | null {
	const held = new Set(groups);
	return map.find((entry) => held.has(entry.group)) ?? null;
}
