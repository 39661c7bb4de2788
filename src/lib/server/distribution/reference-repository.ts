import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/database.ts';

export interface RegionRecord {
	code: string;
	name: Record<string, string>;
}
export interface CountryRecord {
	iso3: string;
	iso2: string;
	name: string;
	nameFr?: string;
	region: string;
	language: string;
	ldc?: boolean;
	sids?: boolean;
	lldc?: boolean;
}
export interface OfficeRecord {
	code: string;
	kind: 'regional' | 'area';
	name: Record<string, string>;
	city: Record<string, string>;
	region: string;
	countryIso3?: string | null;
	validFrom?: string | null;
	validTo?: string | null;
	serves?: string[];
}

/** Insert-or-update: reference data is reloaded on every start without duplicates. */
export async function upsertRegions(db: Kysely<Database>, regions: RegionRecord[]): Promise<void> {
	for (const r of regions) {
		const row = { code: r.code, name_json: JSON.stringify(r.name) };
		await db
			.insertInto('region')
			.values(row)
			.onConflict((oc) => oc.column('code').doUpdateSet({ name_json: row.name_json }))
			.execute();
	}
}

export async function upsertCountries(db: Kysely<Database>, countries: CountryRecord[]): Promise<void> {
	for (const c of countries) {
		const row = {
			iso3: c.iso3,
			iso2: c.iso2,
			name: c.name,
			name_fr: c.nameFr ?? null,
			region_code: c.region,
			language: c.language,
			ldc: c.ldc ? 1 : 0,
			sids: c.sids ? 1 : 0,
			lldc: c.lldc ? 1 : 0
		};
		const { iso3: _key, ...update } = row;
		await db
			.insertInto('country')
			.values(row)
			.onConflict((oc) => oc.column('iso3').doUpdateSet(update))
			.execute();
	}
}

export async function upsertOffices(db: Kysely<Database>, offices: OfficeRecord[]): Promise<void> {
	for (const o of offices) {
		const row = {
			code: o.code,
			kind: o.kind,
			name_json: JSON.stringify(o.name),
			city_json: JSON.stringify(o.city),
			region_code: o.region,
			country_iso3: o.countryIso3 ?? null,
			valid_from: o.validFrom ?? null,
			valid_to: o.validTo ?? null,
			serves_json: o.serves ? JSON.stringify(o.serves) : null
		};
		const { code: _key, ...update } = row;
		await db
			.insertInto('office')
			.values(row)
			.onConflict((oc) => oc.column('code').doUpdateSet(update))
			.execute();
	}
}

export async function listRegions(db: Kysely<Database>): Promise<{ code: string; name: Record<string, string> }[]> {
	const rows = await db.selectFrom('region').selectAll().orderBy('code').execute();
	return rows.map((r) => ({ code: r.code, name: JSON.parse(r.name_json) as Record<string, string> }));
}
