import type { Db } from '../db/create-db.ts';
import type { Edition, Questionnaire } from '../db/schema/database.ts';
import type { QuestionnaireDraft } from '../db/schema/authoring.ts';
import type { SessionUser } from '../access/session.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { describeFinding, errorsOf, type Finding } from '../../domain/authoring/lint.ts';
import { findDraftBySlug, updateDraftIfRevision } from './drafts-repository.ts';
import { findLatestQuestionnaire, findQuestionnaireVersion, insertPublishedVersion, listQuestionnaireVersions } from './questionnaires-repository.ts';
import { findEditionBySlug, insertEdition, listEditions } from '../distribution/editions/editions.ts';
import { copyTranslationStates } from '../translation/states.ts';
import { appendAudit } from '../access/audit/audit-repository.ts';
import { assertAuthor, auditActor, checksumOf, lintOfDraft, parseVersionRef, requireDraft, titleOf } from './common.ts';

export interface SlugOverview {
	slug: string;
	draft: QuestionnaireDraft | null;
	baseLabel: string | null;
	findings: Finding[];
	versions: (Questionnaire & { editions: Pick<Edition, 'slug' | 'title' | 'state'>[] })[];
}

export async function slugOverview(db: Db, user: SessionUser, slug: string): Promise<SlugOverview> {
	assertAuthor(user);
	const [draft, all, editions] = await Promise.all([findDraftBySlug(db, slug), listQuestionnaireVersions(db), listEditions(db)]);
	const versions = all.filter((v) => v.slug === slug).map((v) => ({ ...v, editions: editions.filter((e) => e.questionnaire_id === v.id) }));
	if (!draft && versions.length === 0) throw new NotFoundError(`no questionnaire "${slug}"`);
	const base = draft?.base_questionnaire_id ? all.find((v) => v.id === draft.base_questionnaire_id) : undefined;
	return {
		slug,
		draft: draft ?? null,
		baseLabel: base ? `${base.slug} v${base.version}` : null,
		findings: draft ? await lintOfDraft(db, draft) : [],
		versions
	};
}

/**
 * The draft becomes the next immutable version, in one transaction: lint again (any
 * error refuses it, with the list), store the version, carry the translation review
 * states over, make the new version the draft's base.
 */
export async function publishDraft(db: Db, user: SessionUser, slug: string, revision: number): Promise<Questionnaire> {
	assertAuthor(user);
	return db.transaction().execute(async (trx) => {
		const draft = await requireDraft(trx, slug);
		if (draft.revision !== revision)
			throw new ConflictError('The draft changed since you opened this page: look at it again before publishing.', 'stale_revision');
		const errors = errorsOf(await lintOfDraft(trx, draft));
		if (errors.length > 0)
			throw new InvalidInputError(`The draft has ${errors.length} error(s): it cannot be published.`, errors.map(describeFinding), 'questionnaire_lint');
		const json = JSON.parse(draft.definition_json) as Record<string, unknown>;
		const definitionJson = JSON.stringify(json);
		const checksum = checksumOf(definitionJson);
		const latest = await findLatestQuestionnaire(trx, slug);
		if (latest?.checksum === checksum) throw new ConflictError(`The draft is the same as ${slug} v${latest.version}: nothing to publish.`, 'unchanged');
		const version = await insertPublishedVersion(trx, {
			slug,
			title: titleOf(json, slug),
			definitionJson,
			checksum,
			source: `draft ${draft.id} r${draft.revision}`
		});
		await copyTranslationStates(trx, draft.id, version.id);
		const saved = await updateDraftIfRevision(trx, draft.id, revision, {
			title: draft.title,
			definitionJson: draft.definition_json,
			baseQuestionnaireId: version.id,
			actor: user.email
		});
		if (!saved) throw new ConflictError('The draft changed while publishing: try again.', 'stale_revision');
		await appendAudit(trx, {
			...auditActor(user),
			action: 'questionnaire.publish',
			targetType: 'questionnaire',
			targetId: version.id,
			details: { slug, version: version.version, draft: draft.id, revision }
		});
		return version;
	});
}

const EDITION_SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

function instant(value: string, label: string): string | null {
	if (!value.trim()) return null;
	const date = new Date(value.length === 16 ? `${value}:00Z` : value);
	if (Number.isNaN(date.getTime())) throw new InvalidInputError(`${label} "${value}" is not a date and time.`, [], 'invalid_date');
	return date.toISOString();
}

export interface NewEditionInput {
	questionnaireSlug: string;
	version: string;
	slug: string;
	title: string;
	opens: string;
	closes: string;
}

/** An edition pinning a published version, created as a draft (it is opened on the edition page). */
export async function createEditionForVersion(db: Db, user: SessionUser, input: NewEditionInput): Promise<Edition> {
	assertAuthor(user);
	if (!EDITION_SLUG.test(input.slug))
		throw new InvalidInputError(`"${input.slug}" is not a valid edition slug (lower-case letters, digits and hyphens).`, [], 'invalid_slug');
	const ref = parseVersionRef(input.version);
	if (ref === 'draft') throw new InvalidInputError('An edition pins a published version, not the draft: publish it first.', [], 'invalid_version');
	const opensAt = instant(input.opens, 'Opens');
	const closesAt = instant(input.closes, 'Closes');
	if (opensAt && closesAt && closesAt <= opensAt) throw new InvalidInputError('The closing date must be after the opening date.', [], 'invalid_date');
	const title = input.title.trim();
	if (!title || title.length > 300) throw new InvalidInputError('Give the edition a title (at most 300 characters).', [], 'invalid_title');
	return db.transaction().execute(async (trx) => {
		const version = await findQuestionnaireVersion(trx, input.questionnaireSlug, ref);
		if (!version) throw new NotFoundError(`"${input.questionnaireSlug}" has no version ${ref}.`);
		if (await findEditionBySlug(trx, input.slug)) throw new ConflictError(`The edition "${input.slug}" already exists.`, 'slug_taken');
		const edition = await insertEdition(trx, { slug: input.slug, title, questionnaireId: version.id, opensAt, closesAt, state: 'draft' });
		await appendAudit(trx, {
			...auditActor(user),
			action: 'edition.create',
			targetType: 'edition',
			targetId: edition.id,
			details: { slug: edition.slug, questionnaire: version.id, version: version.version }
		});
		return edition;
	});
}
