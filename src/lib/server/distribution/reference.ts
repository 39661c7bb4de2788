import type { Db } from '../db/create-db.ts';
import regions from '../reference/regions.json' with { type: 'json' };
import countries from '../reference/countries.json' with { type: 'json' };
import offices from '../reference/offices.json' with { type: 'json' };
import rtos from '../reference/rtos.json' with { type: 'json' };
import demoEntities from '../reference/demo-entities.json' with { type: 'json' };
import { listRegions, upsertCountries, upsertOffices, upsertRegions, type CountryRecord, type OfficeRecord } from './reference-repository.ts';
import { upsertEntity, type EntityKind } from './registry/entities-repository.ts';
import { toLocale } from '../../domain/locales.ts';

/** The language a regional organisation's secretariat works in, as a starting point. */
const RTO_LANGUAGE: Record<string, string> = { CITEL: 'es', RCC: 'ru', LAS: 'ar' };

interface RtoRecord {
	code: string;
	name: Record<string, string>;
	region: string | null;
	countryIso3?: string | null;
	alsoSectorMember?: string[];
}

interface DemoEntityRecord {
	code: string;
	kind: EntityKind;
	name: string;
	countryIso3: string;
	region: string;
	sectors: string[];
	language: string;
	contacts: { name: string; email: string }[];
}

export function memberStateCode(iso3: string): string {
	return `MS-${iso3}`;
}

/**
 * Loads regions, countries, offices, every Member State and regional organisation as
 * a member entity, and (when `withDemo`) the demo entities. Idempotent: safe at every start.
 */
export async function loadReferenceData(db: Db, withDemo: boolean): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await upsertRegions(trx, regions.items);
		await upsertCountries(trx, countries.items as CountryRecord[]);
		await upsertOffices(trx, offices.items as OfficeRecord[]);
		for (const c of countries.items as CountryRecord[]) {
			await upsertEntity(trx, {
				code: memberStateCode(c.iso3),
				kind: 'member_state',
				name: c.name,
				countryIso3: c.iso3,
				region: c.region,
				language: toLocale(c.language),
				sectors: []
			});
		}
		for (const r of rtos.items as RtoRecord[]) {
			await upsertEntity(trx, {
				code: `RTO-${r.code}`,
				kind: 'rto',
				name: r.name.en ?? r.code,
				countryIso3: r.countryIso3 ?? null,
				region: r.region,
				language: RTO_LANGUAGE[r.code] ?? 'en',
				sectors: r.alsoSectorMember ?? []
			});
		}
		if (withDemo) {
			for (const e of demoEntities.items as DemoEntityRecord[]) {
				await upsertEntity(trx, { ...e, language: toLocale(e.language) });
			}
		}
	});
}

/** The ITU-D regions with their names, for the other areas (they do not read this area's repository). */
export { listRegions } from './reference-repository.ts';
/** The ITU-D region codes, for a form's region choice. */
export async function regionCodes(db: Db): Promise<string[]> {
	return (await listRegions(db)).map((r) => r.code);
}
