import type { Db } from '../db/create-db.ts';
import type { Edition } from '../db/schema/database.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { findEditionBySlug } from '../distribution/editions/editions.ts';
import { buildCatalogue, type Catalogue } from '../../domain/analysis/catalogue.ts';
import type { Respondent } from '../../domain/analysis/aggregate.ts';

/** Everything an analysis of one edition starts from. */
export interface EditionData {
	edition: Edition;
	definition: Record<string, unknown>;
	catalogue: Catalogue;
	respondents: Respondent[];
	/** The latest submission included, for the report's "data as of". */
	lastSubmittedAt: string | null;
}

/**
 * Loads the submitted responses of an edition with what they are broken down by.
 * Only `state = 'submitted'` counts: a response in progress is not an answer yet.
 * `region` narrows to one ITU-D region (a regional office's own view). `partial` adds the
 * responses in progress, for analysts' microdata only (never for results).
 */
export async function loadEditionData(db: Db, slug: string, region: string | null = null, options: { partial?: boolean } = {}): Promise<EditionData> {
	const states: ('submitted' | 'in_progress')[] = options.partial ? ['submitted', 'in_progress'] : ['submitted'];
	const edition = await findEditionBySlug(db, slug);
	if (!edition) throw new NotFoundError(`no edition "${slug}"`);
	const questionnaire = await db.selectFrom('questionnaire').select('definition_json').where('id', '=', edition.questionnaire_id).executeTakeFirstOrThrow();
	const definition = JSON.parse(questionnaire.definition_json) as Record<string, unknown>;

	let query = db
		.selectFrom('response as r')
		.innerJoin('entity as n', 'n.id', 'r.entity_id')
		.select(['r.id', 'r.entity_id', 'r.answers_json', 'r.registry_prefill_json', 'r.locale', 'r.submitted_at', 'r.state', 'n.kind', 'n.region_code'])
		.where('r.edition_id', '=', edition.id)
		.where('r.state', 'in', states)
		.orderBy('r.id');
	if (region !== null) query = query.where('n.region_code', '=', region);
	const rows = await query.execute();

	const sectorRows = await db
		.selectFrom('entity_sector as s')
		.innerJoin('response as r', 'r.entity_id', 's.entity_id')
		.select(['s.entity_id', 's.sector'])
		.where('r.edition_id', '=', edition.id)
		.where('r.state', 'in', states)
		.orderBy('s.sector')
		.execute();
	const sectors = new Map<string, string[]>();
	for (const s of sectorRows) sectors.set(s.entity_id, [...(sectors.get(s.entity_id) ?? []), s.sector]);

	let lastSubmittedAt: string | null = null;
	const respondents = rows.map((row): Respondent => {
		if (row.submitted_at && (lastSubmittedAt === null || row.submitted_at > lastSubmittedAt)) lastSubmittedAt = row.submitted_at;
		return {
			id: row.id,
			answers: JSON.parse(row.answers_json) as Record<string, unknown>,
			region: row.region_code,
			category: row.kind,
			sectors: sectors.get(row.entity_id) ?? [],
			language: row.locale,
			...(row.registry_prefill_json ? { registryPrefill: JSON.parse(row.registry_prefill_json) as Record<string, unknown> } : {}),
			...(options.partial ? { submitted: row.state === 'submitted' } : {})
		};
	});
	return { edition, definition, catalogue: buildCatalogue(definition), respondents, lastSubmittedAt };
}
