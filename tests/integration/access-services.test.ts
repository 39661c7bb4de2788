import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/lib/server/db/create-db.ts';
import { freshDb, type TestDb } from '../helpers/db.ts';
import { createUser, signIn, changeOwnPassword } from '../../src/lib/server/access/user-service.ts';
import { changeRole, setDisabled, createUserAs } from '../../src/lib/server/access/users.ts';
import { exportAuditCsv, parseAuditFilters, searchAudit } from '../../src/lib/server/access/audit/audit.ts';
import { validateSessionToken } from '../../src/lib/server/access/session.ts';
import { appendAudit } from '../../src/lib/server/access/audit/audit-repository.ts';
import { upsertRegions } from '../../src/lib/server/distribution/reference-repository.ts';
import { ForbiddenError, ConflictError, InvalidInputError } from '../../src/lib/domain/errors.ts';
import { PAIR_FREE_FAILURES, ADDRESS_MAX_FAILURES } from '../../src/lib/domain/access/throttle.ts';

const PASSWORD = 'correct horse battery';
let t: TestDb;
let second: Db;
let admin: Awaited<ReturnType<typeof createUser>>;
let coordinator: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
	t = await freshDb();
	// A second connection to the same file stands for a second server process.
	second = createDb(t.path);
	await upsertRegions(t.db, [{ code: 'AFR', name: { en: 'Africa' } }]);
	admin = await createUser(t.db, { email: 'admin@example.org', role: 'admin', password: PASSWORD });
	coordinator = await createUser(t.db, { email: 'coord@example.org', role: 'coordinator', password: PASSWORD });
});
afterAll(async () => {
	await second?.destroy();
	await t?.close();
});

const auditCount = async (action: string) =>
	Number(
		(
			await t.db
				.selectFrom('audit_log')
				.select((eb) => eb.fn.countAll().as('n'))
				.where('action', '=', action)
				.executeTakeFirstOrThrow()
		).n
	);

describe('sign-in throttle shared through the database', () => {
	it('backs off one account from one address, counted across two processes, while another address signs in', async () => {
		const now = new Date('2026-11-27T10:00:00Z');
		for (let i = 0; i < PAIR_FREE_FAILURES; i++) {
			const db = i % 2 === 0 ? t.db : second;
			expect((await signIn(db, { email: 'admin@example.org', password: 'wrong password!', ip: '203.0.113.9' }, now)).kind).toBe('failed');
		}
		// The right password from the attacker's address is refused without being checked...
		const refused = await signIn(second, { email: 'ADMIN@example.org', password: PASSWORD, ip: '203.0.113.9' }, now);
		expect(refused.kind).toBe('throttled');
		expect(await auditCount('auth.login_throttled')).toBe(1);
		// ...while the administrator, elsewhere, signs in at once.
		const ok = await signIn(t.db, { email: 'admin@example.org', password: PASSWORD, ip: '198.51.100.7' }, now);
		expect(ok.kind).toBe('signed_in');
	});

	it('refuses an address that tried too many accounts, and a success does not reset it', async () => {
		const now = new Date('2026-11-27T11:00:00Z');
		for (let i = 0; i < ADDRESS_MAX_FAILURES; i++) {
			await signIn(t.db, { email: `nobody${i}@example.org`, password: 'x'.repeat(12), ip: '192.0.2.50' }, now);
		}
		const r = await signIn(t.db, { email: 'coord@example.org', password: PASSWORD, ip: '192.0.2.50' }, now);
		expect(r).toMatchObject({ kind: 'throttled' });
		const later = new Date(now.getTime() + 16 * 60_000);
		expect((await signIn(t.db, { email: 'coord@example.org', password: PASSWORD, ip: '192.0.2.50' }, later)).kind).toBe('signed_in');
	});
});

describe('user management enforced in the services', () => {
	it('refuses a coordinator creating an administrator, with an audit entry and no user', async () => {
		const before = await auditCount('access.denied');
		await expect(createUserAs(t.db, coordinator, { email: 'evil@example.org', role: 'admin', password: PASSWORD })).rejects.toThrow(ForbiddenError);
		expect(await auditCount('access.denied')).toBe(before + 1);
		expect(await t.db.selectFrom('app_user').select('id').where('email', '=', 'evil@example.org').executeTakeFirst()).toBeUndefined();
		await expect(changeRole(t.db, coordinator, coordinator.id, 'admin', null)).rejects.toThrow(ForbiddenError);
	});

	it('requires a known region for a regional office and refuses an unknown role', async () => {
		await expect(createUserAs(t.db, admin, { email: 'ro@example.org', role: 'regional_office', password: PASSWORD })).rejects.toThrow(InvalidInputError);
		await expect(createUserAs(t.db, admin, { email: 'ro@example.org', role: 'regional_office', password: PASSWORD, regionCode: 'XXX' })).rejects.toThrow(
			InvalidInputError
		);
		const ro = await createUserAs(t.db, admin, { email: 'ro@example.org', role: 'regional_office', password: PASSWORD, regionCode: 'AFR' });
		expect(ro.region_code).toBe('AFR');
		await expect(changeRole(t.db, admin, ro.id, 'emperor', null)).rejects.toThrow(InvalidInputError);
	});

	it('never leaves the platform without an administrator and refuses changing oneself', async () => {
		await expect(changeRole(t.db, admin, admin.id, 'analyst', null)).rejects.toThrow(ConflictError);
		await expect(setDisabled(t.db, admin, admin.id, true)).rejects.toThrow(ConflictError);
		const other = await createUserAs(t.db, admin, { email: 'admin2@example.org', role: 'admin', password: PASSWORD });
		await changeRole(t.db, other, admin.id, 'analyst', null);
		await expect(changeRole(t.db, { ...admin, role: 'analyst' }, other.id, 'analyst', null)).rejects.toThrow(ForbiddenError);
		await expect(changeRole(t.db, other, other.id, 'analyst', null)).rejects.toThrow(ConflictError);
		await expect(setDisabled(t.db, { ...other, role: 'admin' }, other.id, true)).rejects.toThrow(ConflictError);
		await changeRole(t.db, other, admin.id, 'admin', null);
	});

	it('ends every session of a disabled user', async () => {
		const r = await signIn(t.db, { email: 'coord@example.org', password: PASSWORD, ip: '198.51.100.8' });
		if (r.kind !== 'signed_in') throw new Error('sign-in failed');
		expect(await validateSessionToken(t.db, r.token)).not.toBeNull();
		await setDisabled(t.db, admin, coordinator.id, true);
		expect(await validateSessionToken(t.db, r.token)).toBeNull();
		expect((await signIn(t.db, { email: 'coord@example.org', password: PASSWORD, ip: '198.51.100.8' })).kind).toBe('failed');
		await setDisabled(t.db, admin, coordinator.id, false);
	});

	it('ends all sessions on a password change, except the fresh one it returns', async () => {
		const a = await signIn(t.db, { email: 'coord@example.org', password: PASSWORD, ip: '198.51.100.8' });
		const b = await signIn(t.db, { email: 'coord@example.org', password: PASSWORD, ip: '198.51.100.9' });
		if (a.kind !== 'signed_in' || b.kind !== 'signed_in') throw new Error('sign-in failed');
		const me = (await validateSessionToken(t.db, a.token))!.user;
		await expect(
			changeOwnPassword(t.db, me, { current: 'not my password', next: 'a brand new secret', confirm: 'a brand new secret' }, { ip: null })
		).rejects.toThrow(InvalidInputError);
		await expect(changeOwnPassword(t.db, me, { current: PASSWORD, next: 'short', confirm: 'short' }, { ip: null })).rejects.toThrow(InvalidInputError);
		expect(await validateSessionToken(t.db, b.token)).not.toBeNull();
		const fresh = await changeOwnPassword(t.db, me, { current: PASSWORD, next: 'a brand new secret', confirm: 'a brand new secret' }, { ip: null });
		expect(await validateSessionToken(t.db, a.token)).toBeNull();
		expect(await validateSessionToken(t.db, b.token)).toBeNull();
		expect(await validateSessionToken(t.db, fresh.token)).not.toBeNull();
	});
});

describe('audit viewer', () => {
	it('filters by action prefix and actor, refuses bad dates, and exports neutralised CSV', async () => {
		await appendAudit(t.db, { actor: '=HYPERLINK("http://evil.example")', action: 'user.create', targetId: '@SUM(1+1)' });
		const filters = parseAuditFilters(new URLSearchParams('action=user.&actor=admin@'));
		const { rows } = await searchAudit(t.db, admin, filters);
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((r) => r.action.startsWith('user.') && r.actor.includes('admin@'))).toBe(true);
		// Case-insensitive on both databases (SQLite's LIKE is, PostgreSQL's is not).
		expect((await searchAudit(t.db, admin, parseAuditFilters(new URLSearchParams('action=USER.&actor=ADMIN@')))).rows).toEqual(rows);
		expect(() => parseAuditFilters(new URLSearchParams('from=yesterday'))).toThrow(InvalidInputError);
		const csv = await exportAuditCsv(t.db, admin, parseAuditFilters(new URLSearchParams('action=user.create')), null);
		expect(csv).toMatch(/^at,actor,/);
		expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
		expect(csv).toContain(`,'@SUM(1+1),`);
		expect(csv).not.toMatch(/(^|,)"?[=@]/m);
		expect(await auditCount('audit.export')).toBe(1);
		await expect(searchAudit(t.db, coordinator, filters)).rejects.toThrow(ForbiddenError);
	});
});
