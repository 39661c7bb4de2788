import { sql } from 'kysely';
import type { Db } from '../../db/create-db.ts';
import { InvalidInputError, NotFoundError } from '../../../domain/errors.ts';
import { validateRegistryRows } from '../../../domain/registry/registry-rows.ts';
import { findEntityByCode, listContacts, upsertEntity, type ContactRow } from './entities-repository.ts';
import { appendAudit } from '../../access/audit/audit-repository.ts';
import { loadRegistryReference } from './import.ts';

/** How many entities a registry search lists. */
const SEARCH_LIMIT = 50;

export interface EntityDetails {
	code: string;
	kind: string;
	name: string;
	country: string;
	region: string;
	language: string;
	sectors: string[];
	contacts: ContactRow[];
}

export async function searchEntities(db: Db, query: string) {
	const q = `%${query.trim().toLowerCase()}%`;
	return db
		.selectFrom('entity')
		.select(['code', 'name', 'kind', 'region_code', 'language'])
		.where((eb) => eb.or([eb(sql`lower(code)`, 'like', q), eb(sql`lower(name)`, 'like', q)]))
		.orderBy('code')
		.limit(SEARCH_LIMIT)
		.execute();
}

/** How many entities of each kind the registry holds (the registry page's summary). */
export async function entityCountsByKind(db: Db): Promise<{ kind: string; n: number }[]> {
	const rows = await db
		.selectFrom('entity')
		.select(['kind', sql<number>`count(*)`.as('n')])
		.groupBy('kind')
		.orderBy('kind')
		.execute();
	return rows.map((k) => ({ kind: k.kind, n: Number(k.n) }));
}

export async function entityDetails(db: Db, code: string): Promise<EntityDetails> {
	const entity = await findEntityByCode(db, code);
	if (!entity) throw new NotFoundError(`no entity with code "${code}"`);
	const sectors = await db.selectFrom('entity_sector').select('sector').where('entity_id', '=', entity.id).orderBy('sector').execute();
	return {
		code: entity.code,
		kind: entity.kind,
		name: entity.name,
		country: entity.country_iso3 ?? '',
		region: entity.region_code ?? '',
		language: entity.language,
		sectors: sectors.map((s) => s.sector),
		contacts: await listContacts(db, entity.id)
	};
}

export interface EntityEdit {
	kind: string;
	name: string;
	country: string;
	region: string;
	language: string;
	sectors: string;
}

/** Manual editing of one entity, checked by the same rules as a registry file's row. Contacts are left as they are. */
export async function updateEntity(db: Db, code: string, edit: EntityEdit, actor: string): Promise<void> {
	const entity = await findEntityByCode(db, code);
	if (!entity) throw new NotFoundError(`no entity with code "${code}"`);
	const header = ['code', 'kind', 'name', 'country', 'region', 'sectors', 'language'];
	const cells = [entity.code, edit.kind, edit.name, edit.country, edit.region, edit.sectors, edit.language];
	const { records, problems } = validateRegistryRows(header, [{ row: 2, cells }], await loadRegistryReference(db));
	if (problems.length > 0)
		throw new InvalidInputError(
			'the entity was not changed',
			problems.map((p) => p.replace(/^row 2: /, ''))
		);
	const r = records[0]!;
	await db.transaction().execute(async (trx) => {
		await upsertEntity(trx, {
			code: r.code,
			kind: r.kind,
			name: r.name,
			countryIso3: r.countryIso3,
			region: r.region,
			language: r.language,
			sectors: r.sectors
		});
		await appendAudit(trx, { actor, action: 'registry.edit', targetType: 'entity', targetId: entity.id, details: { code, ...edit } });
	});
}

/** A contact marked bounced is skipped by every send; a coordinator who fixed the address clears it. */
export async function clearBounce(db: Db, code: string, email: string, actor: string): Promise<void> {
	const entity = await findEntityByCode(db, code);
	if (!entity) throw new NotFoundError(`no entity with code "${code}"`);
	await db.transaction().execute(async (trx) => {
		const r = await trx
			.updateTable('contact')
			.set({ bounced_at: null })
			.where('entity_id', '=', entity.id)
			.where('email', '=', email.toLowerCase())
			.executeTakeFirst();
		if (Number(r.numUpdatedRows) === 0) throw new NotFoundError(`${email} is not a contact of ${code}`);
		await appendAudit(trx, { actor, action: 'contact.clear_bounce', targetType: 'entity', targetId: entity.id, details: { email } });
	});
}
