import type { Db } from '../db/create-db.ts';
import type { QuestionnaireDraft } from '../db/schema/authoring.ts';
import type { SessionUser } from '../access/session.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { parseQuestionnaireText, type JsonObject } from '../../domain/authoring/json-text.ts';
import { describeFinding, errorsOf, lintDraft, type Finding } from '../../domain/authoring/lint.ts';
import { updateDraftIfRevision } from './drafts-repository.ts';
import { appendAudit } from '../access/audit/audit-repository.ts';
import { assertAuthor, auditActor, baseOf, newErrors, requireDraft, staleError, titleOf } from './common.ts';

export interface DraftForEdit {
	draft: QuestionnaireDraft;
	json: JsonObject;
	findings: Finding[];
	baseLabel: string | null;
}

export async function loadDraftForEdit(db: Db, user: SessionUser, slug: string): Promise<DraftForEdit> {
	assertAuthor(user);
	const draft = await requireDraft(db, slug);
	const json = JSON.parse(draft.definition_json) as JsonObject;
	const base = await baseOf(db, draft);
	return { draft, json, findings: lintDraft(json, base), baseLabel: base?.label ?? null };
}

async function save(
	db: Db,
	user: SessionUser,
	slug: string,
	revision: number,
	action: string,
	change: (json: JsonObject) => JsonObject,
	refuseAnyError: boolean,
	details: Record<string, unknown>
): Promise<QuestionnaireDraft> {
	assertAuthor(user);
	if (!Number.isInteger(revision)) throw new InvalidInputError('The form lacks the draft revision.', [], 'invalid_revision');
	return db.transaction().execute(async (trx) => {
		const draft = await requireDraft(trx, slug);
		if (draft.revision !== revision) throw staleError();
		const base = await baseOf(trx, draft);
		const before = JSON.parse(draft.definition_json) as JsonObject;
		const after = change(before);
		const findings = lintDraft(after, base);
		const blocking = refuseAnyError ? errorsOf(findings) : newErrors(lintDraft(before, base), findings);
		if (blocking.length > 0)
			throw new InvalidInputError(
				`The change would leave ${blocking.length} error(s); nothing was saved.`,
				blocking.map(describeFinding),
				'questionnaire_lint'
			);
		const saved = await updateDraftIfRevision(trx, draft.id, revision, {
			title: titleOf(after, slug),
			definitionJson: JSON.stringify(after, null, 2),
			actor: user.email
		});
		if (!saved) throw staleError();
		await appendAudit(trx, {
			...auditActor(user),
			action,
			targetType: 'questionnaire_draft',
			targetId: draft.id,
			details: { slug, revision: revision + 1, ...details }
		});
		return { ...draft, revision: revision + 1 };
	});
}

/** One editor operation (a pure function of the JSON, see domain/authoring/operations.ts). */
export async function applyDraftEdit(
	db: Db,
	user: SessionUser,
	slug: string,
	revision: number,
	operation: string,
	change: (json: JsonObject) => JsonObject
): Promise<QuestionnaireDraft> {
	return save(db, user, slug, revision, 'questionnaire.draft_edit', change, false, { operation });
}

/** The JSON view: the whole text replaces the draft, if it parses and has no lint error. */
export async function saveDraftJson(db: Db, user: SessionUser, slug: string, revision: number, text: string): Promise<QuestionnaireDraft> {
	const json = parseQuestionnaireText(text);
	return save(db, user, slug, revision, 'questionnaire.draft_json', () => json, true, {});
}
