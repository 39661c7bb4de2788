import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { freshDb, type TestDb } from '../helpers/db.ts';
import { loadReferenceData } from '../../src/lib/server/distribution/reference.ts';
import { importRegistry } from '../../src/lib/server/distribution/registry/import.ts';
import { InvalidInputError } from '../../src/lib/domain/errors.ts';

let t: TestDb;
beforeEach(async () => {
	t = await freshDb();
	await loadReferenceData(t.db, false);
});
afterEach(async () => {
	await t.close();
});

const fixture = (name: string) => new Uint8Array(readFileSync(join('tests/fixtures/registry', name)));
const entityCount = async () =>
	Number(
		(
			await t.db
				.selectFrom('entity')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);
const snapshot = async () => ({
	entities: await t.db.selectFrom('entity').select(['code', 'name', 'updated_at']).orderBy('code').execute(),
	contacts: await t.db.selectFrom('contact').select(['email', 'name']).orderBy('email').execute()
});
async function refusal(promise: Promise<unknown>): Promise<InvalidInputError> {
	const e = await promise.then(
		() => null,
		(x: unknown) => x
	);
	expect(e).toBeInstanceOf(InvalidInputError);
	return e as InvalidInputError;
}

describe('registry import', () => {
	it('imports a CSV UTF-8 file with a BOM and ";" separators, inserting and updating by code', async () => {
		const before = await entityCount();
		const result = await importRegistry(t.db, 'registry.csv', fixture('valid-bom-semicolon.csv'));
		expect(result).toEqual({ inserted: 2, updated: 1, contacts: 4 });
		expect(await entityCount()).toBe(before + 2);
		const orange = await t.db.selectFrom('entity').selectAll().where('code', '=', 'SM-ORANGE-CI').executeTakeFirstOrThrow();
		expect(orange).toMatchObject({ name: "Orange Côte d'Ivoire", kind: 'sector_member', country_iso3: 'CIV', region_code: 'AFR', language: 'fr' });
		const contacts = await t.db
			.selectFrom('contact')
			.select(['name', 'email', 'language', 'is_primary'])
			.where('entity_id', '=', orange.id)
			.orderBy('email')
			.execute();
		expect(contacts).toEqual([
			{ name: 'Aïcha Koné', email: 'aicha.kone@example.org', language: 'fr', is_primary: 1 },
			{ name: 'Jean Yao', email: 'jean.yao@example.org', language: null, is_primary: 0 }
		]);
		const sectors = await t.db.selectFrom('entity_sector').select('sector').where('entity_id', '=', orange.id).execute();
		expect(sectors.map((s) => s.sector)).toEqual(['itu_d']);
		const cairo = await t.db.selectFrom('entity').selectAll().where('code', '=', 'AC-CAIRO').executeTakeFirstOrThrow();
		expect(cairo).toMatchObject({ name: 'Cairo University; Faculty of Engineering', region_code: 'ARB', language: 'ar' });

		// Importing the same file again changes no count: insert-or-update, contacts not duplicated.
		expect(await importRegistry(t.db, 'registry.csv', fixture('valid-bom-semicolon.csv'))).toEqual({ inserted: 0, updated: 3, contacts: 4 });
		expect(await t.db.selectFrom('contact').select('email').where('entity_id', '=', orange.id).execute()).toHaveLength(2);
	});

	it('refuses a Windows-1252 file, naming the line, and imports nothing', async () => {
		const before = await snapshot();
		const e = await refusal(importRegistry(t.db, 'registry.csv', fixture('windows-1252.csv')));
		expect(e.message).toMatch(/not valid UTF-8/);
		expect(e.details).toEqual(['line 2: bytes that are not UTF-8']);
		expect(await snapshot()).toEqual(before);
	});

	it('reports every bad row (e-mail, country, duplicate code, kind, language, Sector) and imports nothing, not even the good rows', async () => {
		const before = await snapshot();
		const e = await refusal(importRegistry(t.db, 'registry.csv', fixture('errors.csv')));
		expect(e.details).toEqual([
			'row 3: "bob@@example" is not a valid e-mail address (contact)',
			'row 4: unknown country "XYZ" (use an ISO 3166 alpha-3 or alpha-2 code of an ITU Member State)',
			'row 5: duplicate code SM-GOOD (already on row 2)',
			'row 6: kind "ministry" is not one of member_state, sector_member, associate, academia, rto',
			'row 7: unknown Sector "ITU-X" (ITU-R, ITU-T, ITU-D)',
			'row 7: language "de" is not one of ar, zh, en, fr, ru, es'
		]);
		expect(await snapshot()).toEqual(before);
		expect(await t.db.selectFrom('entity').select('code').where('code', '=', 'SM-GOOD').executeTakeFirst()).toBeUndefined();
	});

	it('refuses an unknown column and a UTF-16 file', async () => {
		const typo = new TextEncoder().encode('code,kind,name,contact_emial\nSM-A,sector_member,A,a@example.org\n');
		expect((await refusal(importRegistry(t.db, 'r.csv', typo))).details[0]).toMatch(/^row 1: unknown column "contact_emial"/);
		const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from('code,kind,name\n', 'utf16le'))]);
		expect((await refusal(importRegistry(t.db, 'r.csv', utf16))).message).toMatch(/UTF-16/);
	});

	it('imports an XLSX workbook whose e-mail cells are hyperlinks, and reports its bad rows by spreadsheet row', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Registry');
		sheet.addRow(['Code', 'Kind', 'Name', 'Country', 'Sectors', 'Language', 'Contact name', 'Contact email']);
		sheet.addRow([
			'SM-XL-1',
			'sector_member',
			'Хабаровск Телеком',
			'RUS',
			'ITU-R; ITU-T',
			'ru',
			'Иван',
			{ text: 'ivan@example.org', hyperlink: 'mailto:ivan@example.org' }
		]);
		sheet.addRow(['SM-XL-2', 'sector_member', '华为演示', 'CN', 'T', 'zh', '王', 'wang@example.org']);
		const file = join(t.dir, 'registry.xlsx');
		await workbook.xlsx.writeFile(file);
		expect(await importRegistry(t.db, 'registry.xlsx', new Uint8Array(readFileSync(file)))).toEqual({ inserted: 2, updated: 0, contacts: 2 });
		const xl2 = await t.db.selectFrom('entity').selectAll().where('code', '=', 'SM-XL-2').executeTakeFirstOrThrow();
		expect(xl2).toMatchObject({ country_iso3: 'CHN', region_code: 'ASP', language: 'zh' });
		expect(await t.db.selectFrom('contact').select('email').where('name', '=', 'Иван').executeTakeFirstOrThrow()).toEqual({ email: 'ivan@example.org' });

		sheet.addRow(['SM-XL-3', 'sector_member', 'Broken', 'FRA', '', 'fr', 'X', 'not-an-address']);
		await workbook.xlsx.writeFile(file);
		expect((await refusal(importRegistry(t.db, 'registry.xlsx', new Uint8Array(readFileSync(file))))).details).toEqual([
			'row 4: "not-an-address" is not a valid e-mail address (contact)'
		]);
		writeFileSync(file, 'code,kind\n');
		expect((await refusal(importRegistry(t.db, 'registry.xlsx', new Uint8Array(readFileSync(file))))).message).toMatch(/not an Excel workbook/);
	});

	it('imports a registry of 1,200 entities in one go', async () => {
		const lines = ['code,kind,name,country,sectors,language,contact_name,contact_email'];
		for (let i = 1; i <= 1200; i++) lines.push(`SM-BULK-${i},sector_member,Bulk Company ${i},FRA,ITU-T,fr,Contact ${i},contact${i}@example.org`);
		const started = Date.now();
		expect(await importRegistry(t.db, 'bulk.csv', new TextEncoder().encode(lines.join('\r\n')))).toEqual({ inserted: 1200, updated: 0, contacts: 1200 });
		expect(Date.now() - started).toBeLessThan(20_000);
	});
});
