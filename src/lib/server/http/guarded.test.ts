import { describe, expect, it } from 'vitest';
import { isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { guarded, guardedAll } from './guarded.ts';

const user = (role: string) => ({ id: 'u1', email: `${role}@example.org`, role, region_code: null, language: 'en' }) as never;
const eventOf = (u: unknown) => ({ locals: { user: u } }) as unknown as RequestEvent;

describe('guarded', () => {
	const action = guarded('registry.manage', (_event, u) => ({ by: u.email }));

	it('runs the action with the user its permission lets through', () => {
		expect(action(eventOf(user('admin')))).toEqual({ by: 'admin@example.org' });
	});

	it('refuses a role without the permission (403) and sends the signed-out to /login', () => {
		expect(() => action(eventOf(user('analyst')))).toThrow(expect.objectContaining({ status: 403 }));
		try {
			action(eventOf(null));
			expect.unreachable();
		} catch (e) {
			expect(isRedirect(e) && e.location).toBe('/login');
		}
	});

	it("'signed-in' admits any signed-in user", () => {
		expect(guarded('signed-in', (_e, u) => u.role)(eventOf(user('analyst')))).toBe('analyst');
		expect(() => guarded('signed-in', () => 1)(eventOf(null))).toThrow();
		expect(isHttpError(new Error())).toBe(false);
	});
});

describe('guardedAll', () => {
	it('exports every action of the object, each behind the permission', () => {
		const actions = guardedAll('registry.manage', { a: (_event: RequestEvent) => 'a', b: (_event: RequestEvent) => 'b' });
		expect(Object.keys(actions)).toEqual(['a', 'b']);
		expect(actions.b(eventOf(user('admin')))).toBe('b');
		expect(() => actions.a(eventOf(user('analyst')))).toThrow(expect.objectContaining({ status: 403 }));
	});
});
