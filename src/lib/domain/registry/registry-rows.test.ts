import { describe, expect, it } from 'vitest';
import { validateRegistryRows, type RegistryReference } from './registry-rows.ts';
import { decodeUtf8Strict } from './decode-text.ts';

const ref: RegistryReference = {
	countryRegion: new Map([
		['FRA', 'EUR'],
		['SEN', 'AFR']
	]),
	iso2to3: new Map([
		['FR', 'FRA'],
		['SN', 'SEN']
	]),
	regions: new Set(['AFR', 'EUR', 'ARB'])
};
const header = ['code', 'kind', 'name', 'country', 'region', 'contact_name', 'contact_email'];

describe('validateRegistryRows', () => {
	it('derives the region from the country and accepts ISO2 codes', () => {
		const { records, problems } = validateRegistryRows(header, [{ row: 2, cells: ['sm-a', 'Sector Member', 'A', 'sn', '', 'Ann', 'Ann@Example.org'] }], ref);
		expect(problems).toEqual([]);
		expect(records[0]).toMatchObject({
			code: 'SM-A',
			kind: 'sector_member',
			countryIso3: 'SEN',
			region: 'AFR',
			language: 'en',
			contacts: [{ name: 'Ann', email: 'ann@example.org', language: null }]
		});
	});

	it('refuses a region that contradicts the country, and a member state without a country', () => {
		const { problems } = validateRegistryRows(
			header,
			[
				{ row: 2, cells: ['SM-B', 'sector_member', 'B', 'FRA', 'AFR', '', ''] },
				{ row: 3, cells: ['MS-X', 'member_state', 'X', '', '', '', ''] }
			],
			ref
		);
		expect(problems).toEqual(['row 2: region AFR does not match country FRA (region EUR)', 'row 3: a member_state needs a country']);
	});

	it('skips blank rows and reports a file with only a header', () => {
		expect(validateRegistryRows(header, [{ row: 2, cells: ['', '', ''] }], ref).problems).toEqual(['the file has no data rows']);
	});

	it('reports a contact name without an address and a missing required column', () => {
		expect(validateRegistryRows(header, [{ row: 2, cells: ['RTO-Z', 'rto', 'Z', '', 'ARB', 'Zed', ''] }], ref).problems).toEqual([
			'row 2: contact "Zed" has no e-mail address'
		]);
		expect(validateRegistryRows(['code', 'name'], [], ref).problems).toEqual(['row 1: the required column "kind" is missing']);
	});
});

describe('decodeUtf8Strict', () => {
	it('drops a UTF-8 BOM and names the line of the first non-UTF-8 byte', () => {
		expect(decodeUtf8Strict(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
		expect(() => decodeUtf8Strict(new Uint8Array([0x61, 0x0a, 0x62, 0x0a, 0x43, 0xf4, 0x74]))).toThrow(/not valid UTF-8/);
		try {
			decodeUtf8Strict(new Uint8Array([0x61, 0x0a, 0x62, 0x0a, 0x43, 0xf4, 0x74]));
		} catch (e) {
			expect((e as { details: string[] }).details).toEqual(['line 3: bytes that are not UTF-8']);
		}
	});
});
