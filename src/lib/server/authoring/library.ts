import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../db/create-db.ts';
import type { Questionnaire, Edition } from '../db/schema/database.ts';
import type { QuestionnaireDraft } from '../db/schema/authoring.ts';
import type { SessionUser } from '../access/session.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import type { JsonObject } from '../../domain/authoring/json-text.ts';
import { runImport } from '../import-worker/run-import.ts';
import { insertDraft, findDraftBySlug, listDrafts } from './drafts-repository.ts';
import { findLatestQuestionnaire, listQuestionnaireVersions } from './questionnaires-repository.ts';
import { listEditions } from '../distribution/editions/editions.ts';
import { copyTranslationStates } from '../translation/states.ts';
import { seedMissingStates } from '../translation/drafts.ts';
import type { Json } from '../../domain/translation/strings.ts';
import { appendAudit } from '../access/audit/audit-repository.ts';
import { assertAuthor, assertSlug, auditActor, loadText, parseVersionRef, titleOf } from './common.ts';

export interface LibraryEntry {
	slug: string;
	versions: (Pick<Questionnaire, 'id' | 'version' | 'title' | 'published_at'> & { editions: Pick<Edition, 'slug' | 'title' | 'state'>[] })[];
	draft: Pick<QuestionnaireDraft, 'title' | 'revision' | 'updated_at' | 'updated_by'> | null;
}

/**
 * The questionnaire's current definition, for the heading and breadcrumb of its pages: the draft's
 * (what the author is working on), else the latest published version's; null for an unknown slug.
 */
export async function currentDefinition(db: Db, user: SessionUser, slug: string): Promise<string | null> {
	assertAuthor(user);
	const draft = await findDraftBySlug(db, slug);
	if (draft) return draft.definition_json;
	return (await findLatestQuestionnaire(db, slug))?.definition_json ?? null;
}

/** Every slug: its published versions (newest first) with the editions pinning each, and its draft. */
export async function listLibrary(db: Db, user: SessionUser): Promise<LibraryEntry[]> {
	assertAuthor(user);
	const [versions, drafts, editions] = await Promise.all([listQuestionnaireVersions(db), listDrafts(db), listEditions(db)]);
	const bySlug = new Map<string, LibraryEntry>();
	const entry = (slug: string) => bySlug.get(slug) ?? bySlug.set(slug, { slug, versions: [], draft: null }).get(slug)!;
	for (const v of versions) {
		entry(v.slug).versions.push({
			id: v.id,
			version: v.version,
			title: v.title,
			published_at: v.published_at,
			editions: editions.filter((e) => e.questionnaire_id === v.id).map((e) => ({ slug: e.slug, title: e.title, state: e.state }))
		});
	}
	for (const d of drafts) entry(d.slug).draft = { title: d.title, revision: d.revision, updated_at: d.updated_at, updated_by: d.updated_by };
	return [...bySlug.values()].sort((a, b) => a.slug.localeCompare(b.slug));
}

async function assertSlugFree(db: Db, slug: string): Promise<void> {
	assertSlug(slug);
	if ((await findDraftBySlug(db, slug)) || (await findLatestQuestionnaire(db, slug))) {
		throw new ConflictError(`The slug "${slug}" is already used: choose another, or start a draft of it from its page.`, 'slug_taken');
	}
}

/** Lints a questionnaire about to become a draft; any error refuses it whole. */
async function storeNewDraft(
	db: Db,
	user: SessionUser,
	slug: string,
	json: JsonObject,
	base: string | null,
	how: Record<string, unknown>,
	copyStatesFrom?: string
): Promise<QuestionnaireDraft> {
	return db.transaction().execute(async (trx) => {
		const draft = await insertDraft(trx, {
			slug,
			title: titleOf(json, slug),
			definitionJson: JSON.stringify(json, null, 2),
			baseQuestionnaireId: base,
			actor: user.email
		});
		if (copyStatesFrom) await copyTranslationStates(trx, copyStatesFrom, draft.id);
		await seedMissingStates(trx, draft.id, json as Json, user.email);
		await appendAudit(trx, {
			...auditActor(user),
			action: 'questionnaire.draft_create',
			targetType: 'questionnaire_draft',
			targetId: draft.id,
			details: { slug, ...how }
		});
		return draft;
	});
}

export async function createEmptyDraft(db: Db, user: SessionUser, input: { slug: string; title: string }): Promise<QuestionnaireDraft> {
	assertAuthor(user);
	const title = input.title.trim();
	if (!title || title.length > 300) throw new InvalidInputError('Give the questionnaire a title (at most 300 characters).', [], 'invalid_title');
	await assertSlugFree(db, input.slug);
	const json = { title, pages: [{ name: 'page1', elements: [] }] };
	return storeNewDraft(db, user, input.slug, json, null, { from: 'empty' });
}

/** A JSON file (uploaded, or one of surveys/) becomes a new slug's draft, or nothing does. */
export async function importDraft(db: Db, user: SessionUser, input: { slug: string; text: string; source: string }): Promise<QuestionnaireDraft> {
	assertAuthor(user);
	// Parsed and linted in the import worker (a 2 MB file of 100,000 questions lints for seconds).
	const json = await runImport('questionnaire', { text: input.text });
	await assertSlugFree(db, input.slug);
	return storeNewDraft(db, user, input.slug, json, null, { from: 'import', source: input.source });
}

const SURVEY_FILE = /^[a-z0-9][a-z0-9-]*\.json$/;

export async function importDraftFromSurveys(
	db: Db,
	user: SessionUser,
	input: { slug: string; file: string; surveysDir: string }
): Promise<QuestionnaireDraft> {
	assertAuthor(user);
	if (!SURVEY_FILE.test(input.file)) throw new InvalidInputError(`"${input.file}" is not a file of surveys/.`, [], 'invalid_file');
	let text: string;
	try {
		text = await readFile(join(input.surveysDir, input.file), 'utf8');
	} catch {
		throw new NotFoundError(`surveys/${input.file} does not exist.`);
	}
	return importDraft(db, user, { slug: input.slug, text, source: `surveys/${input.file}` });
}

/** Copies a published version or a draft into a new slug's draft ("copy the 2026 questionnaire"). */
export async function duplicateToDraft(db: Db, user: SessionUser, input: { fromSlug: string; from: string; slug: string }): Promise<QuestionnaireDraft> {
	assertAuthor(user);
	const source = await loadText(db, input.fromSlug, parseVersionRef(input.from));
	await assertSlugFree(db, input.slug);
	// The base stays the published version the text comes from: changed names are then measured against the previous edition.
	const base = source.version?.id ?? source.draft?.base_questionnaire_id ?? null;
	return storeNewDraft(db, user, input.slug, source.json, base, { from: source.label }, source.version?.id ?? source.draft?.id);
}

/** A slug's next version starts as a draft copied from its latest published version. */
export async function startNextDraft(db: Db, user: SessionUser, slug: string): Promise<QuestionnaireDraft> {
	assertAuthor(user);
	if (await findDraftBySlug(db, slug)) throw new ConflictError(`"${slug}" already has a draft.`, 'draft_exists');
	const latest = await findLatestQuestionnaire(db, slug);
	if (!latest) throw new NotFoundError(`"${slug}" has no published version.`);
	return storeNewDraft(db, user, slug, JSON.parse(latest.definition_json) as JsonObject, latest.id, { from: `${slug} v${latest.version}` }, latest.id);
}

export async function exportJson(db: Db, user: SessionUser, slug: string, ref: string): Promise<{ filename: string; text: string }> {
	assertAuthor(user);
	const parsed = parseVersionRef(ref);
	const { json } = await loadText(db, slug, parsed);
	return { filename: `${slug}-${parsed === 'draft' ? 'draft' : `v${parsed}`}.json`, text: JSON.stringify(json, null, 2) + '\n' };
}
