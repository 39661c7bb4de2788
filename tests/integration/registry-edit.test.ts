import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../helpers/db.ts';
import { loadReferenceData } from '../../src/lib/server/distribution/reference.ts';
import { clearBounce, entityDetails, searchEntities, updateEntity } from '../../src/lib/server/distribution/registry/edit.ts';
import { addEntityContact } from '../../src/lib/server/distribution/invitations/invitations.ts';
import { ConflictError, InvalidInputError } from '../../src/lib/domain/errors.ts';

let t: TestDb;
beforeEach(async () => {
	t = await freshDb();
	await loadReferenceData(t.db, false);
});
afterEach(async () => {
	await t.close();
});

describe('manual registry editing', () => {
	it("edits an entity by the registry file's rules, refusing bad values without changing anything", async () => {
		expect((await searchEntities(t.db, 'senegal')).map((e) => e.code)).toEqual(['MS-SEN']);
		const before = await entityDetails(t.db, 'MS-SEN');
		const bad = await updateEntity(
			t.db,
			'MS-SEN',
			{ kind: 'member_state', name: 'Sénégal', country: 'XXX', region: '', language: 'wo', sectors: '' },
			'test'
		).then(
			() => null,
			(e: unknown) => e
		);
		expect(bad).toBeInstanceOf(InvalidInputError);
		expect((bad as InvalidInputError).details).toEqual([
			'unknown country "XXX" (use an ISO 3166 alpha-3 or alpha-2 code of an ITU Member State)',
			'language "wo" is not one of ar, zh, en, fr, ru, es'
		]);
		expect(await entityDetails(t.db, 'MS-SEN')).toEqual(before);

		await updateEntity(
			t.db,
			'MS-SEN',
			{ kind: 'member_state', name: 'République du Sénégal', country: 'SEN', region: '', language: 'fr', sectors: 'itu_d itu_t' },
			'test'
		);
		expect(await entityDetails(t.db, 'MS-SEN')).toMatchObject({ name: 'République du Sénégal', region: 'AFR', language: 'fr', sectors: ['itu_d', 'itu_t'] });
	});

	it('adds contacts (no duplicates, valid addresses) and clears a bounce', async () => {
		await addEntityContact(t.db, 'MS-SEN', { name: 'Awa', email: 'Awa@Example.org', language: 'fr' }, 'test');
		await expect(addEntityContact(t.db, 'MS-SEN', { name: 'Awa', email: 'awa@example.org', language: null }, 'test')).rejects.toBeInstanceOf(ConflictError);
		await expect(addEntityContact(t.db, 'MS-SEN', { name: 'X', email: 'not an address', language: null }, 'test')).rejects.toBeInstanceOf(InvalidInputError);
		await t.db.updateTable('contact').set({ bounced_at: '2026-11-01T00:00:00.000Z' }).execute();
		await clearBounce(t.db, 'MS-SEN', 'awa@example.org', 'test');
		expect((await entityDetails(t.db, 'MS-SEN')).contacts).toMatchObject([{ email: 'awa@example.org', bounced_at: null, language: 'fr' }]);
	});
});
