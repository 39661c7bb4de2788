import type { RequestEvent } from '@sveltejs/kit';
import { requirePermission, requireUser, type Action } from '../access/guard.ts';
import type { SessionUser } from '../access/session.ts';

/**
 * One role check per action, with the user it lets through (docs/architecture.md,
 * "The HTTP edge"):
 *
 *   export const actions = {
 *     update: guarded('registry.manage', async ({ params, request }, user) => ...)
 *   } satisfies Actions;
 *
 * The hooks refuse whole route prefixes; this checks the action's own permission
 * (403, or to /login when signed out) before it reads anything, and hands the action
 * the signed-in user so it never reaches for `locals.user!`. `'signed-in'` admits any
 * signed-in user (their own account).
 */
export function guarded<E extends RequestEvent, R>(permission: Action | 'signed-in', run: (event: E, user: SessionUser) => R): (event: E) => R {
	return (event) => run(event, permission === 'signed-in' ? requireUser(event.locals) : requirePermission(event.locals, permission));
}

/**
 * Every action of a route behind one permission: `actions = guardedAll('invitations.send', unguarded)`.
 * Listing actions one by one let a merge drop one (the edition title's) without any error;
 * here an action added to `unguarded` is exported and guarded by construction. An action
 * that needs another permission is overridden after the spread.
 */
export function guardedAll<A extends Record<string, (event: never) => unknown>>(permission: Action, actions: A): A {
	return Object.fromEntries(Object.entries(actions).map(([name, run]) => [name, guarded(permission, run as (event: RequestEvent) => unknown)])) as unknown as A;
}
