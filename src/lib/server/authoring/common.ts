import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Questionnaire } from '../db/schema/database.ts';
import type { QuestionnaireDraft } from '../db/schema/authoring.ts';
import type { SessionUser } from '../access/session.ts';
import { assertCan } from '../../domain/access/permissions.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { englishText } from '../../domain/authoring/elements.ts';
import type { JsonObject } from '../../domain/authoring/json-text.ts';
import { describeFinding, errorsOf, lintDraft, type BaseVersion, type Finding } from '../../domain/authoring/lint.ts';
import { findDraftBySlug } from './drafts-repository.ts';
import { findQuestionnaireById, findQuestionnaireVersion } from './questionnaires-repository.ts';

/** Shared by the authoring services: who may, which draft, which version, its lint. */

export const QUESTIONNAIRE_SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

export function assertAuthor(user: SessionUser | null | undefined): asserts user is SessionUser {
	assertCan(user, 'questionnaires.author');
}

export function auditActor(user: SessionUser) {
	return { actor: user.email, actorUserId: user.id };
}

export function assertSlug(slug: string): void {
	if (!QUESTIONNAIRE_SLUG.test(slug))
		throw new InvalidInputError(
			`"${slug}" is not a valid questionnaire slug (lower-case letters, digits and hyphens, 2 to 63 characters).`,
			[],
			'invalid_slug'
		);
}

export function checksumOf(definitionJson: string): string {
	return createHash('sha256').update(definitionJson).digest('hex');
}

export function titleOf(json: JsonObject, fallback: string): string {
	return englishText(json.title).trim() || fallback;
}

export async function requireDraft(db: Kysely<Database>, slug: string): Promise<QuestionnaireDraft> {
	const draft = await findDraftBySlug(db, slug);
	if (!draft) throw new NotFoundError(`"${slug}" has no draft.`);
	return draft;
}

/** A reference to a questionnaire text: "draft" or "v<N>". */
export type VersionRef = 'draft' | number;

export function parseVersionRef(raw: string | null | undefined): VersionRef {
	if (raw === 'draft') return 'draft';
	const m = /^v?(\d{1,6})$/.exec(raw ?? '');
	if (!m) throw new InvalidInputError(`"${raw ?? ''}" is not a version (use "draft" or "v1", "v2", ...).`, [], 'invalid_version');
	return Number(m[1]);
}

export interface LoadedText {
	json: JsonObject;
	label: string;
	draft?: QuestionnaireDraft;
	version?: Questionnaire;
}

export async function loadText(db: Kysely<Database>, slug: string, ref: VersionRef): Promise<LoadedText> {
	if (ref === 'draft') {
		const draft = await requireDraft(db, slug);
		return { json: JSON.parse(draft.definition_json) as JsonObject, label: `${slug} draft`, draft };
	}
	const version = await findQuestionnaireVersion(db, slug, ref);
	if (!version) throw new NotFoundError(`"${slug}" has no version ${ref}.`);
	return { json: JSON.parse(version.definition_json) as JsonObject, label: `${slug} v${ref}`, version };
}

export async function baseOf(db: Kysely<Database>, draft: QuestionnaireDraft): Promise<BaseVersion | null> {
	if (!draft.base_questionnaire_id) return null;
	const base = await findQuestionnaireById(db, draft.base_questionnaire_id);
	return base ? { json: JSON.parse(base.definition_json) as JsonObject, label: `${base.slug} v${base.version}` } : null;
}

export async function lintOfDraft(db: Kysely<Database>, draft: QuestionnaireDraft): Promise<Finding[]> {
	return lintDraft(JSON.parse(draft.definition_json) as JsonObject, await baseOf(db, draft));
}

/** A draft saved by someone else since the form was opened: the change is refused, the input shown back. */
export function staleError(): ConflictError {
	return new ConflictError(
		'Someone saved this draft after you opened it: your change was not applied. Your input is shown below; look at the draft again and re-apply it.',
		'stale_revision'
	);
}

/** The errors an edit introduces (not those the draft already had): they refuse the edit. */
export function newErrors(before: readonly Finding[], after: readonly Finding[]): Finding[] {
	const had = new Set(errorsOf(before).map(describeFinding));
	return errorsOf(after).filter((f) => !had.has(describeFinding(f)));
}

/** The drafts other areas read and keep in step (the workspace's list, the translation workbench's saves). */
export { listDrafts, updateDraftIfRevision } from './drafts-repository.ts';
