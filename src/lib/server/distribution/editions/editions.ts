import { sql } from 'kysely';
import type { Db } from '../../db/create-db.ts';
import type { Edition } from '../../db/schema/database.ts';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../../domain/errors.ts';
import { describeGaps, translationGaps, type IncompleteLanguage } from '../../translation/gate.ts';
import { findEditionBySlug, insertEdition } from './editions-repository.ts';
import { appendAudit } from '../../access/audit/audit-repository.ts';
import { importQuestionnaireFile } from '../../authoring/questionnaires.ts';
import { acceptsAnswers, canTransition, EDITION_STATES, type EditionState } from '../../../domain/invitation/edition-lifecycle.ts';
import { emitEditionStateChanged } from '../webhooks/emit.ts';

const EDITION_SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

function parseInstant(value: string | undefined, name: string): string | null {
	if (value === undefined) return null;
	const date = new Date(value);
	if (Number.isNaN(date.getTime())) throw new InvalidInputError(`${name} "${value}" is not a date and time (use ISO 8601, e.g. 2026-12-01T00:00:00Z)`);
	return date.toISOString();
}

export interface CreateEditionInput {
	questionnaireFile: string;
	slug: string;
	title?: string;
	opens?: string;
	closes?: string;
	/** Open at once (the default for the CLI and first start); otherwise a draft. */
	open?: boolean;
}

/**
 * Imports the questionnaire file (a new version only when it changed) and creates an
 * edition pinning it: a draft, or open at once, which passes the translation gate
 * like any opening (refused with the gaps named, or an administrator's audited override).
 */
export async function createEdition(db: Db, input: CreateEditionInput, actor = 'system', options: StateChangeOptions = {}): Promise<Edition> {
	if (!EDITION_SLUG.test(input.slug)) throw new InvalidInputError(`"${input.slug}" is not a valid edition slug (lower-case letters, digits and hyphens)`);
	const opensAt = parseInstant(input.opens, '--opens');
	const closesAt = parseInstant(input.closes, '--closes');
	if (opensAt && closesAt && closesAt <= opensAt) throw new InvalidInputError('--closes must be after --opens');
	if (await findEditionBySlug(db, input.slug)) throw new ConflictError(`edition "${input.slug}" already exists`);
	const { questionnaire } = await importQuestionnaireFile(db, input.questionnaireFile, actor);
	const opening = input.open !== false;
	const gaps = opening ? await passTranslationGate(db, questionnaire.id, input.slug, options) : [];
	return db.transaction().execute(async (trx) => {
		const edition = await insertEdition(trx, {
			slug: input.slug,
			title: input.title ?? questionnaire.title,
			questionnaireId: questionnaire.id,
			opensAt,
			closesAt,
			state: opening ? 'open' : 'draft'
		});
		await appendAudit(trx, {
			actor,
			action: 'edition.create',
			targetType: 'edition',
			targetId: edition.id,
			details: { slug: edition.slug, questionnaire: questionnaire.id }
		});
		return gaps.length ? recordGateOverride(trx, edition, actor, options, gaps) : edition;
	});
}

/** Whether an edition takes answers at `now`: open and within its window, or extended for one entity. */
export function isAcceptingAnswers(edition: Pick<Edition, 'state' | 'opens_at' | 'closes_at'>, now = new Date(), extendedUntil: string | null = null): boolean {
	return acceptsAnswers(edition, now.toISOString(), extendedUntil);
}

export interface StateChangeOptions {
	/** Open although the translations are incomplete: administrators only, with a reason. */
	overrideTranslations?: boolean;
	reason?: string;
	/** The acting user's role; the CLI acts as the administrator. */
	actorRole?: string;
}

/**
 * Moves an edition along draft -> open -> closed -> archived (a closed edition may reopen).
 * Opening passes the translation gate: all six languages complete, or an audited override.
 */
export async function changeEditionState(db: Db, slug: string, to: string, actor = 'system', options: StateChangeOptions = {}): Promise<Edition> {
	const edition = await findEditionBySlug(db, slug);
	if (!edition) throw new NotFoundError(`no edition "${slug}"`);
	if (!(EDITION_STATES as readonly string[]).includes(to)) throw new InvalidInputError(`"${to}" is not a state (${EDITION_STATES.join(', ')})`);
	const target = to as EditionState;
	if (!canTransition(edition.state, target)) throw new ConflictError(`edition ${slug} is ${edition.state}: it cannot become ${target}`);
	const gaps = target === 'open' ? await passTranslationGate(db, edition.questionnaire_id, slug, options) : [];
	return db.transaction().execute(async (trx) => {
		const changed = await trx.updateTable('edition').set({ state: target }).where('id', '=', edition.id).where('state', '=', edition.state).executeTakeFirst();
		if (Number(changed.numUpdatedRows) === 0) throw new ConflictError(`edition ${slug} changed meanwhile`);
		await appendAudit(trx, { actor, action: 'edition.state', targetType: 'edition', targetId: edition.id, details: { from: edition.state, to: target } });
		await emitEditionStateChanged(trx, slug, edition.state, target, actor);
		return gaps.length ? recordGateOverride(trx, { ...edition, state: target }, actor, options, gaps) : { ...edition, state: target };
	});
}

/**
 * The launch gate before an edition opens: the languages still incomplete, when an
 * administrator overrides them with a reason; otherwise a refusal naming them
 * (code `translations_incomplete`). Nothing is written here.
 */
async function passTranslationGate(db: Db, questionnaireId: string, slug: string, options: StateChangeOptions): Promise<IncompleteLanguage[]> {
	const gaps = await translationGaps(db, questionnaireId);
	if (!gaps.length) return [];
	if (!options.overrideTranslations)
		throw new ConflictError(`edition ${slug} cannot open: its translations are incomplete. ${describeGaps(gaps)}`, 'translations_incomplete');
	if (options.actorRole !== 'admin') throw new ForbiddenError('only an administrator may open an edition whose translations are incomplete');
	if (!options.reason?.trim()) throw new InvalidInputError('give the reason for opening with incomplete translations');
	return gaps;
}

/** Records an override of the gate on the edition and in the audit log, in the caller's transaction. */
async function recordGateOverride(trx: Db, edition: Edition, actor: string, options: StateChangeOptions, gaps: IncompleteLanguage[]): Promise<Edition> {
	await trx.updateTable('edition').set({ translation_gate_overridden_by: actor }).where('id', '=', edition.id).execute();
	await appendAudit(trx, {
		actor,
		action: 'edition.translation_gate_override',
		targetType: 'edition',
		targetId: edition.id,
		details: { reason: options.reason?.trim(), gaps }
	});
	return { ...edition, translation_gate_overridden_by: actor };
}

export interface StatusRow {
	region: string;
	invited: number;
	opened: number;
	started: number;
	submitted: number;
}

export interface EditionStatus {
	edition: Edition;
	total: StatusRow;
	byRegion: StatusRow[];
}

/** Invited / opened / started / submitted, overall and by region; `region` keeps one region only (a regional office's scope). */
export async function editionStatus(db: Db, slug: string, region: 'all' | string = 'all'): Promise<EditionStatus> {
	const edition = await findEditionBySlug(db, slug);
	if (!edition) throw new NotFoundError(`no edition "${slug}"`);
	let query = db
		.selectFrom('invitation as i')
		.innerJoin('entity as n', 'n.id', 'i.entity_id')
		.leftJoin('response as r', (j) => j.onRef('r.edition_id', '=', 'i.edition_id').onRef('r.entity_id', '=', 'i.entity_id'))
		.select([
			sql<string>`coalesce(n.region_code, '-')`.as('region'),
			sql<number>`count(*)`.as('invited'),
			sql<number>`sum(case when i.first_opened_at is not null then 1 else 0 end)`.as('opened'),
			sql<number>`sum(case when r.revision > 0 then 1 else 0 end)`.as('started'),
			sql<number>`sum(case when r.state = 'submitted' then 1 else 0 end)`.as('submitted')
		])
		.where('i.edition_id', '=', edition.id)
		.where('i.state', '=', 'active');
	if (region !== 'all') query = query.where('n.region_code', '=', region);
	const rows = await query
		.groupBy(sql`coalesce(n.region_code, '-')`)
		.orderBy('region')
		.execute();
	const byRegion = rows.map((r) => ({
		region: r.region,
		invited: Number(r.invited),
		opened: Number(r.opened),
		started: Number(r.started),
		submitted: Number(r.submitted)
	}));
	const total = byRegion.reduce(
		(t, r) => ({
			region: 'all',
			invited: t.invited + r.invited,
			opened: t.opened + r.opened,
			started: t.started + r.started,
			submitted: t.submitted + r.submitted
		}),
		{ region: 'all', invited: 0, opened: 0, started: 0, submitted: 0 }
	);
	return { edition, total, byRegion };
}

/** Distribution's editions for the other areas (they do not read its repository). */
export { findEditionBySlug, insertEdition, listEditions } from './editions-repository.ts';
