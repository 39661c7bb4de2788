import { error, fail, redirect, type ActionFailure, type Actions as KitActions, type RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from './session.ts';
import { can, type Action, type Role } from '../../domain/access/permissions.ts';
import { ConflictError, DomainError, ForbiddenError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { m } from '../../paraglide/messages.js';

/**
 * The route guard other areas call from loads and actions (see docs/access.md):
 *
 *   const user = requirePermission(locals, 'results.read', { region });
 *   const user = requireRole(locals, 'admin', 'analyst');
 *
 * The hooks already refuse whole route prefixes (ROUTE_RULES); these refine per page
 * or action. Services check again with `authorize` (src/lib/server/access/authorize.ts).
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

const STATUS: [new (...args: never[]) => DomainError, 400 | 403 | 404 | 409][] = [
	[InvalidInputError, 400],
	[ForbiddenError, 403],
	[NotFoundError, 404],
	[ConflictError, 409]
];

/** Error codes the Secretariat sees often, in the user's language; others show the service's (English) message. */
const LOCALISED: Record<string, () => string> = {
	forbidden: () => m.access_forbidden_body(),
	wrong_password: () => m.access_error_wrong_password(),
	password_too_short: () => m.access_error_password_short(),
	password_mismatch: () => m.access_error_password_mismatch(),
	self_change: () => m.access_error_self_change(),
	last_admin: () => m.access_error_last_admin(),
	email_taken: () => m.access_error_email_taken(),
	region_required: () => m.access_error_region_required(),
	reset_unavailable: () => m.access_reset_unavailable(),
	totp_wrong: () => m.access_totp_wrong()
};

/** Maps a typed domain error to an action failure `{ message, code }`; anything else is rethrown. */
export function failFromError(e: unknown): ActionFailure<{ message: string; code: string }> {
	for (const [type, status] of STATUS) {
		if (e instanceof type) {
			const code = (e as DomainError).code;
			return fail(status, { message: LOCALISED[code]?.() ?? e.message, code });
		}
	}
	throw e;
}

/**
 * Wraps a page's actions so that each first checks its permission: `defaultAction`
 * unless `perAction` names another. The hooks only check a route's prefix; pages whose
 * actions need more than reading it (registry, invitations) use this.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function guardActions<T extends KitActions<any, any, any>>(actions: T, defaultAction: Action, perAction: Partial<Record<string, Action>> = {}): T {
	const guarded: Record<string, T[string]> = {};
	for (const [name, action] of Object.entries(actions)) {
		guarded[name] = ((event: RequestEvent) => {
			requirePermission(event.locals, perAction[name] ?? defaultAction);
			return action(event as never);
		}) as T[string];
	}
	return guarded as unknown as T;
}
