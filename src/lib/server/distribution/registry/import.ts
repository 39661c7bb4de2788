import type { Db } from '../../db/create-db.ts';
import { InvalidInputError } from '../../../domain/errors.ts';
import { validateRegistryRows, type RegistryReference } from '../../../domain/registry/registry-rows.ts';
import { existingEntityCodes, upsertEntity } from './entities-repository.ts';
import { appendAudit } from '../../access/audit/audit-repository.ts';
import { runImport } from '../../import-worker/run-import.ts';

export interface RegistryImportResult {
	inserted: number;
	updated: number;
	contacts: number;
}

export async function loadRegistryReference(db: Db): Promise<RegistryReference> {
	const [countries, regions] = await Promise.all([
		db.selectFrom('country').select(['iso3', 'iso2', 'region_code']).execute(),
		db.selectFrom('region').select('code').execute()
	]);
	return {
		countryRegion: new Map(countries.map((c) => [c.iso3, c.region_code])),
		iso2to3: new Map(countries.map((c) => [c.iso2, c.iso3])),
		regions: new Set(regions.map((r) => r.code))
	};
}

/**
 * Imports a registry file (CSV UTF-8 or XLSX): every row is checked first and any
 * problem refuses the whole file with a report by row; otherwise all rows are
 * inserted or updated by code in one transaction (contacts are added or renamed,
 * never deleted: links already sent may point at them).
 */
export async function importRegistry(db: Db, fileName: string, bytes: Uint8Array, actor = 'system'): Promise<RegistryImportResult> {
	const sheet = await runImport('registry', { fileName, bytes });
	const { records, problems } = validateRegistryRows(sheet.header, sheet.rows, await loadRegistryReference(db));
	if (problems.length > 0) {
		throw new InvalidInputError(`the file was not imported: ${problems.length} problem${problems.length === 1 ? '' : 's'}`, problems, 'registry_invalid');
	}
	return db.transaction().execute(async (trx) => {
		const existing = await existingEntityCodes(trx);
		const result: RegistryImportResult = { inserted: 0, updated: 0, contacts: 0 };
		for (const r of records) {
			await upsertEntity(trx, {
				code: r.code,
				kind: r.kind,
				name: r.name,
				countryIso3: r.countryIso3,
				region: r.region,
				language: r.language,
				sectors: r.sectors,
				contacts: r.contacts
			});
			if (existing.has(r.code)) result.updated++;
			else result.inserted++;
			result.contacts += r.contacts.length;
		}
		await appendAudit(trx, { actor, action: 'registry.import', targetType: 'registry', details: { file: fileName, ...result } });
		return result;
	});
}
