import type { Db } from '../db/create-db.ts';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema/database.ts';
import type { QuestionnaireDraft } from '../db/schema/authoring.ts';
import type { SessionUser } from '../access/session.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import type { JsonObject } from '../../domain/authoring/json-text.ts';
import { describeFinding, lintDraft } from '../../domain/authoring/lint.ts';
import { LOCALES } from '../../domain/locales.ts';
import { extractStrings, type Json } from '../../domain/translation/strings.ts';
import { sourceHash } from '../../domain/translation/status.ts';
import {
	MAIL_KINDS,
	MAIL_PARTS,
	MAIL_TEMPLATES_PROP,
	REQUIRED_MAIL_PARTS,
	builtinMailTemplateJson,
	customTemplate,
	isMailKind,
	isMailStringKey,
	mailStringKey,
	type MailKind,
	type MailPart
} from '../../domain/mail/mail-texts.ts';
import { mailPreviews, type MailPreview } from '../../domain/mail/mail-preview.ts';
import { updateDraftIfRevision } from './drafts-repository.ts';
import { upsertTranslationStates } from '../translation/states.ts';
import { appendAudit } from '../access/audit/audit-repository.ts';
import { assertAuthor, auditActor, baseOf, newErrors, requireDraft, staleError, titleOf } from './common.ts';

/**
 * The editor's "E-mail texts" section: copy the built-in texts into a draft, edit their
 * English, remove them (back to the built-in texts), and preview what recipients get.
 */

/** The mismatch of a translation with a changed English is for the translators to fix: their cells become "needs review". */
const TOLERATED_NEW_ERRORS = new Set(['mail/merge-field-mismatch']);

async function saveMail(
	db: Db,
	user: SessionUser,
	slug: string,
	revision: number,
	operation: string,
	change: (json: JsonObject) => JsonObject,
	after?: (trx: Transaction<Database>, draft: QuestionnaireDraft, json: JsonObject) => Promise<void>
): Promise<void> {
	assertAuthor(user);
	if (!Number.isInteger(revision)) throw new InvalidInputError('The form lacks the draft revision.', [], 'invalid_revision');
	await db.transaction().execute(async (trx) => {
		const draft = await requireDraft(trx, slug);
		if (draft.revision !== revision) throw staleError();
		const base = await baseOf(trx, draft);
		const before = JSON.parse(draft.definition_json) as JsonObject;
		const json = change(before);
		const blocking = newErrors(lintDraft(before, base), lintDraft(json, base)).filter((f) => !TOLERATED_NEW_ERRORS.has(f.rule));
		if (blocking.length > 0)
			throw new InvalidInputError(
				`The change would leave ${blocking.length} error(s); nothing was saved.`,
				blocking.map(describeFinding),
				'questionnaire_lint'
			);
		const saved = await updateDraftIfRevision(trx, draft.id, revision, {
			title: titleOf(json, slug),
			definitionJson: JSON.stringify(json, null, 2),
			actor: user.email
		});
		if (!saved) throw staleError();
		await after?.(trx, draft, json);
		await appendAudit(trx, {
			...auditActor(user),
			action: 'questionnaire.draft_edit',
			targetType: 'questionnaire_draft',
			targetId: draft.id,
			details: { slug, revision: revision + 1, operation }
		});
	});
}

const templatesOf = (json: JsonObject): JsonObject => {
	const t = json[MAIL_TEMPLATES_PROP];
	return typeof t === 'object' && t !== null && !Array.isArray(t) ? (t as JsonObject) : {};
};

/**
 * Copies the built-in texts, six languages, of every kind the draft lacks. The five
 * translations are stored as reviewed against the English's hash: they are the texts
 * in use today, so the workbench shows them complete.
 */
export async function useEditableMailTexts(db: Db, user: SessionUser, slug: string, revision: number): Promise<void> {
	let added: MailKind[] = [];
	await saveMail(
		db,
		user,
		slug,
		revision,
		'mailTemplates.use',
		(json) => {
			const templates = { ...templatesOf(json) };
			added = MAIL_KINDS.filter((k) => !customTemplate(json, k));
			if (added.length === 0) throw new InvalidInputError('The draft already has its own e-mail texts.', [], 'mail_templates_present');
			for (const kind of added) templates[kind] = builtinMailTemplateJson(kind);
			return { ...json, [MAIL_TEMPLATES_PROP]: templates };
		},
		async (trx, draft, json) => {
			const keys = new Set(added.flatMap((k) => MAIL_PARTS.map((p) => mailStringKey(k, p))));
			const rows = extractStrings(json as Json)
				.filter((s) => keys.has(s.key))
				.flatMap((s) =>
					LOCALES.filter((l) => l !== 'en').map((l) => ({ stringKey: s.key, locale: l, status: 'reviewed' as const, sourceHash: sourceHash(s.texts.en ?? '') }))
				);
			await upsertTranslationStates(trx, draft.id, rows, user.email);
		}
	);
}

/** `bodyUndated` absent (a form without the field) keeps the stored one; '' removes it (allowed while the body names no date). */
export type MailEnglishInput = Record<Exclude<MailPart, 'bodyUndated'>, string> & { bodyUndated?: string };

/** Writes the English of one kind (survey-core's `default`), keeping its translations, which become "needs review" where the English changed. */
export async function saveMailEnglish(db: Db, user: SessionUser, slug: string, revision: number, kindText: string, input: MailEnglishInput): Promise<void> {
	if (!isMailKind(kindText)) throw new InvalidInputError(`"${kindText}" is not an e-mail kind.`, [], 'invalid_edit');
	const kind = kindText;
	const paragraphs = (s: string) => s.replace(/\r\n?/g, '\n').trim();
	const text: MailEnglishInput = { subject: input.subject.trim(), body: paragraphs(input.body), button: input.button.trim() };
	if (input.bodyUndated !== undefined) text.bodyUndated = paragraphs(input.bodyUndated);
	const empty = REQUIRED_MAIL_PARTS.filter((p) => text[p] === '');
	if (empty.length > 0) throw new InvalidInputError(`Give the English ${empty.join(', ')} of the ${kind} e-mail.`, [], 'invalid_edit');
	if (/[\r\n]/.test(text.subject)) throw new InvalidInputError('The subject must be one line.', [], 'invalid_edit');
	await saveMail(db, user, slug, revision, `mailTemplates.${kind}`, (json) => {
		const templates = templatesOf(json);
		const template = templates[kind];
		if (typeof template !== 'object' || template === null || Array.isArray(template))
			throw new InvalidInputError(`The draft has no ${kind} e-mail text of its own: use the editable e-mail texts first.`, [], 'mail_templates_absent');
		const next: JsonObject = { ...(template as JsonObject) };
		for (const part of MAIL_PARTS) {
			const english = text[part];
			if (english === undefined) continue;
			if (english === '') {
				delete next[part];
				continue;
			}
			const current = next[part];
			const localized = typeof current === 'object' && current !== null && !Array.isArray(current) ? (current as JsonObject) : {};
			next[part] = { ...localized, default: english };
		}
		return { ...json, [MAIL_TEMPLATES_PROP]: { ...templates, [kind]: next } };
	});
}

/** Back to the built-in texts: the property and its translation states go. */
export async function removeMailTexts(db: Db, user: SessionUser, slug: string, revision: number): Promise<void> {
	await saveMail(
		db,
		user,
		slug,
		revision,
		'mailTemplates.remove',
		(json) => {
			if (!(MAIL_TEMPLATES_PROP in json)) throw new InvalidInputError('The draft has no e-mail texts of its own.', [], 'mail_templates_absent');
			const { [MAIL_TEMPLATES_PROP]: _removed, ...rest } = json;
			return rest;
		},
		async (trx, draft) => {
			const states = await trx.selectFrom('translation_state').select('string_key').where('owner_id', '=', draft.id).execute();
			const mailKeys = [...new Set(states.map((s) => s.string_key).filter(isMailStringKey))];
			if (mailKeys.length > 0) await trx.deleteFrom('translation_state').where('owner_id', '=', draft.id).where('string_key', 'in', mailKeys).execute();
		}
	);
}

export async function loadMailTexts(
	db: Db,
	user: SessionUser,
	slug: string
): Promise<{ slug: string; revision: number; title: string; previews: MailPreview[] }> {
	assertAuthor(user);
	const draft = await requireDraft(db, slug);
	const previews = mailPreviews(JSON.parse(draft.definition_json) as JsonObject);
	return { slug, revision: draft.revision, title: draft.title, previews };
}
