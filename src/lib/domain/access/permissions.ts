import { ForbiddenError } from '../errors.ts';

/**
 * Who may do what: the one source of the role × action matrix. Services call
 * `assertCan` before they read or write; routes call the guard (src/lib/server/access/guard.ts),
 * which uses the same table. docs/access.md prints this matrix.
 */
export const ROLES = ['admin', 'author', 'coordinator', 'analyst', 'regional_office', 'council'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export const ACTIONS = [
	'users.manage',
	'settings.manage',
	'audit.read',
	'questionnaires.author',
	'registry.manage',
	'invitations.send',
	'responses.enter_on_behalf',
	'tracking.read',
	'results.read',
	'responses.read_raw',
	'comments.read',
	'reports.read_published',
	'analysis.manage',
	'secretariat.enter'
] as const;
export type Action = (typeof ACTIONS)[number];

const STAFF: readonly Role[] = ['admin', 'author', 'coordinator', 'analyst', 'regional_office'];

/*
 * docs/access.md prints PERMISSIONS and ROUTE_RULES as tables; tests/access-doc.test.ts
 * fails when they differ, so change both together.
 */

/**
 * The administrator may do everything: it can give itself any role anyway, so
 * refusing it an action would only add a step, not protection.
 * `tracking.read` and `results.read` are region-scoped for the regional office.
 */
export const PERMISSIONS: Readonly<Record<Action, readonly Role[]>> = {
	'users.manage': ['admin'],
	'settings.manage': ['admin'],
	'audit.read': ['admin'],
	'questionnaires.author': ['admin', 'author'],
	'registry.manage': ['admin', 'coordinator'],
	'invitations.send': ['admin', 'coordinator'],
	'responses.enter_on_behalf': ['admin', 'coordinator'],
	'tracking.read': ['admin', 'coordinator', 'analyst', 'regional_office'],
	// The Council reads aggregated results (always suppressed: it has no raw-data right),
	// as DEVELOPERS.md describes it: by region, category, office and Sector, against the previous edition.
	'results.read': ['admin', 'analyst', 'regional_office', 'council'],
	'responses.read_raw': ['admin', 'analyst'],
	'comments.read': ['admin', 'analyst'],
	// The stored Council reports hold suppressed aggregates of every region: not for a regional office.
	'reports.read_published': ['admin', 'coordinator', 'analyst', 'council'],
	// Generating Council reports, importing a previous edition, publishing the dashboard.
	'analysis.manage': ['admin', 'analyst'],
	'secretariat.enter': STAFF
};

/** Actions whose data a regional office sees for its own region only. */
export const REGION_SCOPED: ReadonlySet<Action> = new Set(['tracking.read', 'results.read']);

export interface Actor {
	role: string;
	region_code: string | null;
}

/**
 * May `user` do `action`? With `scope.region`, a regional office is allowed only on its
 * own region; without a scope, a region-scoped action is allowed and the caller must
 * then restrict the data with `regionScope`.
 */
export function can(user: Actor | null | undefined, action: Action, scope: { region?: string | null } = {}): boolean {
	if (!user || !isRole(user.role)) return false;
	if (!PERMISSIONS[action].includes(user.role)) return false;
	if (user.role === 'regional_office' && REGION_SCOPED.has(action)) {
		if (!user.region_code) return false;
		if (scope.region !== undefined && scope.region !== user.region_code) return false;
	}
	return true;
}

/** Throws ForbiddenError unless `can` allows it: the services' check. */
export function assertCan(user: Actor | null | undefined, action: Action, scope: { region?: string | null } = {}): void {
	if (!can(user, action, scope)) throw new ForbiddenError(`not allowed: ${action}`);
}

/**
 * Which regions' data a user may see for a region-scoped action: 'all', one region
 * code, or null (none). Services filter their queries with it.
 */
export function regionScope(user: Actor | null | undefined, action: Action): 'all' | string | null {
	if (!can(user, action)) return null;
	return user!.role === 'regional_office' && REGION_SCOPED.has(action) ? user!.region_code : 'all';
}

/**
 * Route prefixes and the action each needs, most specific first; `*` stands for one path
 * segment (an edition's slug). The hooks check every request (GET and form posts alike:
 * SvelteKit runs actions without layout loads, so a layout guard alone would leave posts
 * open). `public`: no session needed (said here so that the table names every route).
 * Pages refine with the guard (region scope, per-action permissions).
 */
export const ROUTE_RULES: readonly { prefix: string; action: Action | 'signed_in' | 'public' }[] = [
	{ prefix: '/admin/users', action: 'users.manage' },
	{ prefix: '/admin/audit', action: 'audit.read' },
	{ prefix: '/admin/settings', action: 'settings.manage' },
	{ prefix: '/admin/results/*/export', action: 'responses.read_raw' },
	{ prefix: '/admin/results/*/comments', action: 'comments.read' },
	{ prefix: '/admin/results/*/reports', action: 'reports.read_published' },
	// The Secretariat's texts of the Council report: written by whoever generates the reports.
	{ prefix: '/admin/results/*/report-texts', action: 'analysis.manage' },
	{ prefix: '/admin/results', action: 'results.read' },
	// The edition workspace's coordinator pages (issue 14 item 3): sending and the outbox, reminders, dates and state.
	{ prefix: '/admin/editions/*/invitations', action: 'invitations.send' },
	{ prefix: '/admin/editions/*/reminders', action: 'invitations.send' },
	{ prefix: '/admin/editions/*/settings', action: 'invitations.send' },
	{ prefix: '/admin/editions', action: 'tracking.read' },
	{ prefix: '/admin/registry', action: 'registry.manage' },
	{ prefix: '/admin/questionnaires', action: 'questionnaires.author' },
	// The Secretariat workspace's own landing pages (issue 14): one per area of the sidebar.
	{ prefix: '/admin/translations', action: 'questionnaires.author' },
	{ prefix: '/admin/reports', action: 'reports.read_published' },
	// The refusal page itself, drawn in the Secretariat layout for any signed-in user (a Council reader too).
	{ prefix: '/admin/denied', action: 'signed_in' },
	{ prefix: '/admin', action: 'secretariat.enter' },
	{ prefix: '/account', action: 'signed_in' },
	// GET: a page with the sign-out button; POST: ends the session (none needed).
	{ prefix: '/logout', action: 'public' },
	// The published, suppression-safe dashboard (issue 7): open to the membership without an account.
	{ prefix: '/reports', action: 'public' },
	{ prefix: '/login', action: 'public' },
	// Single sign-on (docs/sso.md): off to the identity provider and back; they open the session.
	{ prefix: '/auth/oidc/login', action: 'public' },
	{ prefix: '/auth/oidc/callback', action: 'public' },
	// Respondents' personal links: the token is the credential.
	{ prefix: '/r', action: 'public' },
	{ prefix: '/healthz', action: 'public' },
	{ prefix: '/readyz', action: 'public' }
];

function matches(pathname: string, prefix: string): boolean {
	const want = prefix.split('/');
	const have = pathname.split('/');
	if (have.length < want.length) return false;
	return want.every((segment, i) => segment === have[i] || (segment === '*' && have[i] !== ''));
}

/** The action a path needs: null where no session is needed. */
export function routeRule(pathname: string): Action | 'signed_in' | null {
	for (const rule of ROUTE_RULES) {
		if (matches(pathname, rule.prefix)) return rule.action === 'public' ? null : rule.action;
	}
	return null;
}

/** Where a user lands after signing in. */
export function homeFor(user: Actor): string {
	return can(user, 'secretariat.enter') ? '/admin' : can(user, 'results.read') ? '/admin/results' : '/account';
}

/**
 * Where to go after signing in when a page sent the user to /login: only a path of our
 * own origin (one leading slash, no backslash or control character), else null: an
 * open redirect to another site would make our sign-in page a phishing relay.
 */
export function safeNextPath(next: string | null | undefined): string | null {
	if (!next || next.length > 1000) return null;
	// eslint-disable-next-line no-control-regex -- refusing control characters is the point
	if (!next.startsWith('/') || next.startsWith('//') || /[\\\u0000-\u001f]/.test(next)) return null;
	return next;
}
