import type { Selectable } from 'kysely';

/** Questionnaire authoring and translation (migrations/2026-11-27T0500-authoring.ts). */
export interface QuestionnaireDraftTable {
	id: string;
	slug: string;
	title: string;
	definition_json: string;
	base_questionnaire_id: string | null;
	revision: number;
	created_by: string;
	created_at: string;
	updated_by: string;
	updated_at: string;
}

/** Stored review states; "missing" (no text) and "needs review" (source changed) are derived. */
export type StoredTranslationStatus = 'draft' | 'machine' | 'reviewed';

export interface TranslationStateTable {
	/** A questionnaire_draft.id or a questionnaire.id (published versions keep their own copy). */
	owner_id: string;
	string_key: string;
	locale: string;
	status: StoredTranslationStatus;
	source_hash: string;
	updated_by: string;
	updated_at: string;
}

export interface AuthoringTables {
	questionnaire_draft: QuestionnaireDraftTable;
	translation_state: TranslationStateTable;
}

export type QuestionnaireDraft = Selectable<QuestionnaireDraftTable>;
export type TranslationState = Selectable<TranslationStateTable>;
