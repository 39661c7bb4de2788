import type { Db } from '../db/create-db.ts';
import { newId, nowIso } from '../db/ids.ts';
import { ConflictError, InvalidInputError } from '../../domain/errors.ts';
import { LOCALES } from '../../domain/locales.ts';
import { appendAudit } from '../access/audit/audit-repository.ts';
import { seededRandom, syntheticAnswers } from '../../domain/analysis/synthetic.ts';
import { loadEditionData } from './data.ts';

/** Regions lean a little differently, so that breakdowns show something. */
const REGION_BIAS: Record<string, number> = { AFR: -0.4, AMS: 0.2, ARB: 0, ASP: 0.3, CIS: -0.2, EUR: 0.5 };
const OWN_LANGUAGE_SHARE = 0.8;
/** Share of invited entities that submit, so that response rates look like a real round. */
const SUBMIT_SHARE = 0.85;

/**
 * Fills an edition with synthetic data, reproducibly from `seed`: up to `count`
 * entities without a response are invited (when not yet) and about 85% of them
 * submit. Returns the number of responses inserted. For demonstrations and tests
 * only: it refuses an edition that already has real submitted responses.
 */
export async function insertSyntheticResponses(db: Db, slug: string, count: number, seed = 1, actor = 'system'): Promise<number> {
	if (!Number.isInteger(count) || count < 1) throw new InvalidInputError('count must be a positive whole number');
	const data = await loadEditionData(db, slug);
	const real = data.respondents.length;
	const existing = await db.selectFrom('response').select('entity_id').where('edition_id', '=', data.edition.id).execute();
	if (
		real > 0 &&
		(await db.selectFrom('audit_log').select('id').where('action', '=', 'analysis.synthetic').where('target_id', '=', data.edition.id).executeTakeFirst()) ===
			undefined
	) {
		throw new ConflictError(`edition "${slug}" has real submitted responses: synthetic ones would mix with them`);
	}
	const taken = new Set(existing.map((e) => e.entity_id));
	const entities = (await db.selectFrom('entity').select(['id', 'kind', 'region_code', 'language']).orderBy('code').execute())
		.filter((e) => !taken.has(e.id))
		.slice(0, count);
	const random = seededRandom(seed);
	const now = nowIso();
	const invited = new Set((await db.selectFrom('invitation').select('entity_id').where('edition_id', '=', data.edition.id).execute()).map((i) => i.entity_id));
	let inserted = 0;
	await db.transaction().execute(async (trx) => {
		for (const e of entities) {
			if (!invited.has(e.id))
				await trx
					.insertInto('invitation')
					.values({ id: newId(), edition_id: data.edition.id, entity_id: e.id, state: 'active', created_at: now, first_opened_at: null, last_opened_at: null })
					.execute();
			if (random() >= SUBMIT_SHARE) continue;
			inserted++;
			const locale = random() < OWN_LANGUAGE_SHARE ? e.language : LOCALES[Math.floor(random() * LOCALES.length)]!;
			const answers = syntheticAnswers(data.catalogue, random, { bias: REGION_BIAS[e.region_code ?? ''] ?? 0, fixed: { respondent_category: e.kind } });
			await insertSubmittedResponse(trx, {
				editionId: data.edition.id,
				entityId: e.id,
				questionnaireId: data.edition.questionnaire_id,
				answers: JSON.stringify(answers),
				locale,
				now
			});
		}
		await appendAudit(trx, {
			actor,
			action: 'analysis.synthetic',
			targetType: 'edition',
			targetId: data.edition.id,
			details: { invited: entities.length, submitted: inserted, seed }
		});
	});
	return inserted;
}

export interface SubmittedResponse {
	/** A fresh id unless given (a test names its rows). */
	id?: string;
	editionId: string;
	entityId: string;
	questionnaireId: string;
	/** The answers as stored (JSON text). */
	answers: string;
	locale: string;
	/** The last page reached: 5, the demo questionnaire's last, unless given. */
	furthestPage?: number;
	revision?: number;
	/** When it was started, last saved and submitted: all the same moment. */
	now: string;
}

/** A submitted response written directly, as the synthetic data and tests that need answers without the forms write it. */
export async function insertSubmittedResponse(db: Db, r: SubmittedResponse): Promise<void> {
	await db
		.insertInto('response')
		.values({
			id: r.id ?? newId(),
			edition_id: r.editionId,
			entity_id: r.entityId,
			invitation_id: null,
			questionnaire_id: r.questionnaireId,
			answers_json: r.answers,
			locale: r.locale,
			furthest_page: r.furthestPage ?? 5,
			state: 'submitted',
			revision: r.revision ?? 1,
			entered_by_user_id: null,
			started_at: r.now,
			updated_at: r.now,
			submitted_at: r.now
		})
		.execute();
}
