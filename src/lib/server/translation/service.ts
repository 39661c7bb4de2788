import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/database.ts';
import type { QuestionnaireDraft } from '../db/schema/authoring.ts';
import { ConflictError, InvalidInputError } from '../../domain/errors.ts';
import { isLocale, type Locale } from '../../domain/locales.ts';
import { extractStrings, setTranslations, type Json } from '../../domain/translation/strings.ts';
import {
	cellOf,
	completeness,
	isCellStatus,
	isStoredStatus,
	sourceHash,
	type CellStatus,
	type Completeness,
	type StoredStatus
} from '../../domain/translation/status.ts';
import { appendAudit } from '../access/audit/audit-repository.ts';
import { upsertTranslationStates } from './states-repository.ts';
import { saveDraftJson, stateIndex } from './drafts.ts';
import { baseOf, requireDraft } from '../authoring/common.ts';
import { translationMergeFieldProblem } from '../../domain/mail/mail-texts.ts';
import { bidiControlIn, bidiControlMessage } from '../../domain/survey/bidi-controls.ts';

/** "awaiting": every string a reviewer must look at (machine, changed English, unreviewed draft), as the home counts them. */
export const AWAITING_STATUSES: readonly CellStatus[] = ['machine', 'needs_review', 'draft'];

export interface WorkbenchFilter {
	locale: Locale;
	status: CellStatus | 'awaiting' | null;
	search: string;
}

export interface WorkbenchRow {
	key: string;
	context: string;
	english: string | null;
	text: string | null;
	status: CellStatus;
	/** The string in the version the draft was copied from (null: the string is new, or there is no such version). */
	previous: { english: string | null; text: string | null } | null;
}

export interface Workbench {
	draft: Pick<QuestionnaireDraft, 'slug' | 'title' | 'revision'>;
	/** "regional-presence-2026 v1": the version the draft was copied from, whose texts `previous` shows. */
	baseLabel: string | null;
	completeness: Record<Locale, Completeness>;
	rows: WorkbenchRow[];
	total: number;
}

export function parseWorkbenchFilter(params: URLSearchParams): WorkbenchFilter {
	const lang = params.get('lang');
	const locale: Locale = isLocale(lang) && lang !== 'en' ? lang : 'fr';
	const status = params.get('status');
	return { locale, status: isCellStatus(status) || status === 'awaiting' ? status : null, search: (params.get('q') ?? '').trim() };
}

/** One target language beside English, filtered, with the completeness of all six. */
export async function loadWorkbench(db: Kysely<Database>, slug: string, filter: WorkbenchFilter): Promise<Workbench> {
	const draft = await requireDraft(db, slug);
	const strings = extractStrings(JSON.parse(draft.definition_json) as Json);
	const [states, base] = await Promise.all([stateIndex(db, draft.id), baseOf(db, draft)]);
	const previous = new Map(base ? extractStrings(base.json as Json).map((s) => [s.key, { english: s.texts.en, text: s.texts[filter.locale] }]) : []);
	const needle = filter.search.toLocaleLowerCase();
	const rows = strings
		.map((s) => ({ key: s.key, context: s.context, english: s.texts.en, ...cellOf(s, filter.locale, states), previous: previous.get(s.key) ?? null }))
		.filter((r) => !filter.status || r.status === filter.status || (filter.status === 'awaiting' && AWAITING_STATUSES.includes(r.status)))
		.filter((r) => !needle || [r.key, r.context, r.english ?? '', r.text ?? ''].some((t) => t.toLocaleLowerCase().includes(needle)));
	return {
		draft: { slug: draft.slug, title: draft.title, revision: draft.revision },
		baseLabel: base?.label ?? null,
		completeness: completeness(strings, states),
		rows,
		total: strings.length
	};
}

export interface CellEdit {
	key: string;
	locale: string;
	text: string;
	status: string;
	revision: number;
}

function targetLocale(locale: string): Locale {
	if (!isLocale(locale)) throw new InvalidInputError(`"${locale}" is not one of the six languages`);
	if (locale === 'en') throw new InvalidInputError('English is the source text: change it in the questionnaire editor');
	return locale;
}

/** Sets one cell's text and status; a stale revision is refused (ConflictError) and changes nothing. */
export async function editCell(db: Kysely<Database>, slug: string, edit: CellEdit, actor: string): Promise<number> {
	const locale = targetLocale(edit.locale);
	if (!isStoredStatus(edit.status)) throw new InvalidInputError(`status "${edit.status}" is not one of draft, machine, reviewed`);
	const status: StoredStatus = edit.status;
	// A textarea posts CRLF line endings; the questionnaire keeps LF (an e-mail body's blank lines).
	const text = edit.text.replace(/\r\n?/g, '\n').trim();
	return db.transaction().execute(async (trx) => {
		const draft = await requireDraft(trx, slug);
		const json = JSON.parse(draft.definition_json) as Json;
		const s = extractStrings(json).find((x) => x.key === edit.key);
		if (!s) throw new InvalidInputError(`the questionnaire has no string "${edit.key}"`);
		const control = bidiControlIn(text);
		if (control) throw new InvalidInputError(`${s.key} (${locale}): the translation ${bidiControlMessage(control)} Nothing was saved.`, [], 'bidi_control');
		const broken = translationMergeFieldProblem(s.key, s.texts.en ?? '', text);
		if (broken) throw new InvalidInputError(`${s.key} (${locale}): the translation ${broken}; nothing was saved`, [], 'mail_merge_field');
		const revision = await saveDraftJson(trx, draft, edit.revision, setTranslations(json, [{ key: s.key, locale, text }]), actor);
		if (text) await upsertTranslationStates(trx, draft.id, [{ stringKey: s.key, locale, status, sourceHash: sourceHash(s.texts.en ?? '') }], actor);
		else await trx.deleteFrom('translation_state').where('owner_id', '=', draft.id).where('string_key', '=', s.key).where('locale', '=', locale).execute();
		await appendAudit(trx, {
			actor,
			action: 'translation.edit',
			targetType: 'questionnaire_draft',
			targetId: draft.id,
			details: { key: s.key, locale, status: text ? status : 'missing' }
		});
		return revision;
	});
}

/** Marks the given cells reviewed (those that have a text); returns how many changed. */
export async function markReviewed(
	db: Kysely<Database>,
	slug: string,
	input: { locale: string; keys: readonly string[]; revision: number },
	actor: string
): Promise<number> {
	const locale = targetLocale(input.locale);
	return db.transaction().execute(async (trx) => {
		const draft = await requireDraft(trx, slug);
		if (draft.revision !== input.revision) throw new ConflictError('the draft was changed by someone else meanwhile: reload the page and mark again');
		const wanted = new Set(input.keys);
		const states = await stateIndex(trx, draft.id);
		const rows = extractStrings(JSON.parse(draft.definition_json) as Json)
			.filter((s) => wanted.has(s.key))
			.filter((s) => {
				const st = cellOf(s, locale, states).status;
				return st !== 'missing' && st !== 'reviewed';
			})
			.map((s) => ({ stringKey: s.key, locale, status: 'reviewed' as const, sourceHash: sourceHash(s.texts.en ?? '') }));
		if (rows.length === 0) return 0;
		await upsertTranslationStates(trx, draft.id, rows, actor);
		await trx
			.updateTable('questionnaire_draft')
			.set({ revision: draft.revision + 1 })
			.where('id', '=', draft.id)
			.execute();
		await appendAudit(trx, {
			actor,
			action: 'translation.mark_reviewed',
			targetType: 'questionnaire_draft',
			targetId: draft.id,
			details: { locale, count: rows.length }
		});
		return rows.length;
	});
}
