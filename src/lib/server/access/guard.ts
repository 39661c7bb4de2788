import { error, redirect } from '@sveltejs/kit';
import type { SessionUser } from './session.ts';
import { can, type Action, type Role } from '../../domain/access/permissions.ts';

/**
 * The route guard other areas call from loads and actions (see docs/access.md):
 *
 *   const user = requirePermission(locals, 'results.read', { region });
 *   const user = requireRole(locals, 'admin', 'analyst');
 *
 * The hooks already refuse whole route prefixes (ROUTE_RULES); these refine per page
 * (an action's check is http/guarded.ts, built on requirePermission). Services check again with `authorize` (src/lib/server/access/authorize.ts).
 */
export { can, assertCan, regionScope, homeFor, ROLES, ACTIONS, type Action, type Role } from '../../domain/access/permissions.ts';

export function requireUser(locals: App.Locals): SessionUser {
	if (!locals.user) redirect(303, '/login');
	return locals.user;
}

export function requireRole(locals: App.Locals, ...roles: Role[]): SessionUser {
	const user = requireUser(locals);
	if (!(roles as string[]).includes(user.role)) error(403, { message: 'Your role does not give access to this page.', code: 'forbidden' });
	return user;
}

export function requirePermission(locals: App.Locals, action: Action, scope: { region?: string | null } = {}): SessionUser {
	const user = requireUser(locals);
	if (!can(user, action, scope)) error(403, { message: 'Your role does not give access to this page.', code: 'forbidden' });
	return user;
}
