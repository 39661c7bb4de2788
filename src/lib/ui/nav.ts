import { can, routeRule, type Actor } from '../domain/access/permissions.ts';

/**
 * The Secretariat's areas, in the sidebar's order. Whether a role sees an area is derived
 * from ROUTE_RULES (`probe`: a path of the area, checked as the hooks check a request),
 * so the sidebar can never show a link its reader would be refused.
 */
export const AREA_IDS = [
	'home',
	'editions',
	'questionnaires',
	'translations',
	'registry',
	'results',
	'reports',
	'users',
	'api-tokens',
	'audit',
	'webhooks'
] as const;
export type AreaId = (typeof AREA_IDS)[number];

interface Area {
	id: AreaId;
	href: string;
	/** A path the area's pages live under, checked against ROUTE_RULES. */
	probe: string;
	/** Paths that belong to the area (for "you are here"): a prefix, or a pattern. */
	owns: readonly (string | RegExp)[];
}

const AREAS: readonly Area[] = [
	{ id: 'home', href: '/admin', probe: '/admin', owns: [/^\/admin\/?$/] },
	// Every edition, archived ones included (the home lists only those being run); an edition's pages are under it.
	{ id: 'editions', href: '/admin/editions', probe: '/admin/editions', owns: ['/admin/editions'] },
	{ id: 'questionnaires', href: '/admin/questionnaires', probe: '/admin/questionnaires', owns: ['/admin/questionnaires'] },
	{
		id: 'translations',
		href: '/admin/translations',
		probe: '/admin/translations',
		owns: ['/admin/translations', /^\/admin\/questionnaires\/[^/]+\/translations/]
	},
	{ id: 'registry', href: '/admin/registry', probe: '/admin/registry', owns: ['/admin/registry'] },
	{ id: 'results', href: '/admin/results', probe: '/admin/results', owns: ['/admin/results'] },
	{ id: 'reports', href: '/admin/reports', probe: '/admin/reports', owns: ['/admin/reports', /^\/admin\/results\/[^/]+\/reports/] },
	{ id: 'users', href: '/admin/users', probe: '/admin/users', owns: ['/admin/users'] },
	{ id: 'api-tokens', href: '/admin/api-tokens', probe: '/admin/api-tokens', owns: ['/admin/api-tokens'] },
	{ id: 'audit', href: '/admin/audit', probe: '/admin/audit', owns: ['/admin/audit'] },
	{ id: 'webhooks', href: '/admin/webhooks', probe: '/admin/webhooks', owns: ['/admin/webhooks'] }
];

/** May this user open `path`? The hooks' own test (ROUTE_RULES + can). */
export function mayOpen(user: Actor, path: string): boolean {
	const rule = routeRule(path);
	return rule === null || rule === 'signed_in' || can(user, rule);
}

export interface NavItem {
	id: AreaId;
	href: string;
	current: boolean;
	/** The area's own page (aria-current="page"); `current` alone: a page inside the area (aria-current="true"). */
	exact: boolean;
}

/** How well `pathname` belongs to an area: the length of the match, 0 for none (the most specific area wins). */
function ownership(area: Area, pathname: string): number {
	let best = 0;
	for (const own of area.owns) {
		if (typeof own === 'string') {
			if (pathname === own || pathname.startsWith(own + '/')) best = Math.max(best, own.length);
		} else {
			const match = own.exec(pathname);
			if (match) best = Math.max(best, match[0].length + 1); // a pattern is more specific than its prefix
		}
	}
	return best;
}

/** The areas `user` may use, the one holding `pathname` marked current. */
export function navFor(user: Actor, pathname: string): NavItem[] {
	const allowed = AREAS.filter((a) => mayOpen(user, a.probe));
	const scores = allowed.map((a) => ownership(a, pathname));
	const top = Math.max(0, ...scores);
	return allowed.map((a, i) => {
		const current = top > 0 && scores[i] === top;
		return { id: a.id, href: a.href, current, exact: current && a.href === pathname };
	});
}
