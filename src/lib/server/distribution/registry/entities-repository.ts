import type { Kysely, Selectable } from 'kysely';
import type { ContactTable, Database, Entity } from '../../db/schema/database.ts';
import { newId, nowIso } from '../../db/ids.ts';

export const ENTITY_KINDS = ['member_state', 'sector_member', 'associate', 'academia', 'rto'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];
export const SECTORS = ['itu_r', 'itu_t', 'itu_d'] as const;

export interface EntityRecord {
	code: string;
	kind: EntityKind;
	name: string;
	countryIso3: string | null;
	region: string | null;
	language: string;
	sectors: string[];
	contacts?: { name: string; email: string; language?: string | null }[];
}

/** Insert-or-update by code; sectors and contacts are merged, never duplicated. */
export async function upsertEntity(db: Kysely<Database>, e: EntityRecord): Promise<string> {
	const now = nowIso();
	const existing = await db.selectFrom('entity').select('id').where('code', '=', e.code).executeTakeFirst();
	const fields = {
		kind: e.kind,
		name: e.name,
		country_iso3: e.countryIso3,
		region_code: e.region,
		language: e.language,
		updated_at: now
	};
	const id = existing?.id ?? newId();
	if (existing) {
		await db.updateTable('entity').set(fields).where('id', '=', id).execute();
	} else {
		await db
			.insertInto('entity')
			.values({ id, code: e.code, created_at: now, ...fields })
			.execute();
	}
	await db.deleteFrom('entity_sector').where('entity_id', '=', id).execute();
	if (e.sectors.length > 0) {
		await db
			.insertInto('entity_sector')
			.values(e.sectors.map((sector) => ({ entity_id: id, sector })))
			.execute();
	}
	for (const [i, c] of (e.contacts ?? []).entries()) {
		await db
			.insertInto('contact')
			.values({
				id: newId(),
				entity_id: id,
				name: c.name,
				email: c.email.toLowerCase(),
				language: c.language ?? null,
				is_primary: i === 0 ? 1 : 0,
				bounced_at: null,
				created_at: now
			})
			.onConflict((oc) => oc.columns(['entity_id', 'email']).doUpdateSet({ name: c.name, language: c.language ?? null }))
			.execute();
	}
	return id;
}

export async function findEntityByCode(db: Kysely<Database>, code: string): Promise<Entity | undefined> {
	return db.selectFrom('entity').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listEntityIds(db: Kysely<Database>): Promise<string[]> {
	return (await db.selectFrom('entity').select('id').execute()).map((r) => r.id);
}

/** Every code already in the registry (to report inserted vs updated). */
export async function existingEntityCodes(db: Kysely<Database>): Promise<Set<string>> {
	return new Set((await db.selectFrom('entity').select('code').execute()).map((r) => r.code));
}

export type ContactRow = Omit<Selectable<ContactTable>, 'created_at'>;

export async function listContacts(db: Kysely<Database>, entityId: string): Promise<ContactRow[]> {
	return db
		.selectFrom('contact')
		.select(['id', 'entity_id', 'name', 'email', 'language', 'is_primary', 'bounced_at'])
		.where('entity_id', '=', entityId)
		.orderBy('is_primary', 'desc')
		.orderBy('created_at')
		.execute();
}

export async function insertContact(db: Kysely<Database>, entityId: string, c: { name: string; email: string; language: string | null }): Promise<string> {
	const id = newId();
	await db
		.insertInto('contact')
		.values({
			id,
			entity_id: entityId,
			name: c.name,
			email: c.email.toLowerCase(),
			language: c.language,
			is_primary: 0,
			bounced_at: null,
			created_at: nowIso()
		})
		.execute();
	return id;
}
