import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestDb } from '../helpers/db.ts';
import { bootstrappedDb } from '../helpers/bootstrapped-db.ts';
import { renameEdition } from '../../src/lib/server/distribution/editions/title.ts';
import { InvalidInputError } from '../../src/lib/domain/errors.ts';

/** An edition's title is edited in its Settings page (issue 14 item 3): trimmed, audited, never blank, its slug unchanged. */
let t: TestDb;
let slug: string;
beforeEach(async () => {
	t = await bootstrappedDb({ DEMO: '0' });
	slug = (await t.db.selectFrom('edition').select('slug').executeTakeFirstOrThrow()).slug;
});
afterEach(async () => {
	await t.close();
});

describe('renaming an edition', () => {
	it('stores the trimmed title, keeps the slug and writes the change to the audit log', async () => {
		expect(await renameEdition(t.db, slug, '  Regional  Presence Survey 2027 ', 'coord@example.org')).toBe('Regional Presence Survey 2027');
		const edition = await t.db.selectFrom('edition').select(['id', 'slug', 'title']).where('slug', '=', slug).executeTakeFirstOrThrow();
		expect(edition.title).toBe('Regional Presence Survey 2027');
		const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'edition.title').execute();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ actor: 'coord@example.org', target_type: 'edition', target_id: String(edition.id) });
		expect(JSON.parse(String(audit[0]!.details_json)).to).toBe('Regional Presence Survey 2027');
	});

	it('refuses a blank or overlong title and keeps the old one', async () => {
		const before = (await t.db.selectFrom('edition').select('title').where('slug', '=', slug).executeTakeFirstOrThrow()).title;
		await expect(renameEdition(t.db, slug, '   ', 'x')).rejects.toBeInstanceOf(InvalidInputError);
		await expect(renameEdition(t.db, slug, 'x'.repeat(201), 'x')).rejects.toBeInstanceOf(InvalidInputError);
		expect((await t.db.selectFrom('edition').select('title').where('slug', '=', slug).executeTakeFirstOrThrow()).title).toBe(before);
	});
});
