import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { AccessTables } from './access.ts';
import type { DistributionTables } from './distribution.ts';
import type { AnalysisTables } from './analysis.ts';
import type { GuessTables } from './guess.ts';
import type { AuthoringTables } from './authoring.ts';
import type { ApiTables } from './api.ts';

/**
 * The database as the application sees it: one interface per table, mirroring
 * migrations/. Timestamps are ISO-8601 UTC strings, JSON columns are text,
 * booleans are 0/1 (portable between SQLite and PostgreSQL).
 */
export interface RegionTable {
	code: string;
	name_json: string;
}

export interface CountryTable {
	iso3: string;
	iso2: string;
	name: string;
	name_fr: string | null;
	region_code: string;
	language: string;
	ldc: number;
	sids: number;
	lldc: number;
}

export interface OfficeTable {
	code: string;
	kind: 'regional' | 'area';
	name_json: string;
	city_json: string;
	region_code: string;
	country_iso3: string | null;
	valid_from: string | null;
	valid_to: string | null;
	serves_json: string | null;
}

export interface EntityTable {
	id: string;
	code: string;
	kind: string;
	name: string;
	country_iso3: string | null;
	region_code: string | null;
	language: string;
	created_at: string;
	updated_at: string;
}

export interface EntitySectorTable {
	entity_id: string;
	sector: string;
}

export interface ContactTable {
	id: string;
	entity_id: string;
	name: string;
	email: string;
	language: string | null;
	is_primary: number;
	bounced_at: string | null;
	created_at: string;
}

export interface QuestionnaireTable {
	id: string;
	slug: string;
	version: number;
	title: string;
	definition_json: string;
	checksum: string;
	source: string | null;
	state: 'draft' | 'published';
	created_at: string;
	published_at: string | null;
}

export interface EditionTable {
	id: string;
	slug: string;
	title: string;
	questionnaire_id: string;
	opens_at: string | null;
	closes_at: string | null;
	state: 'draft' | 'open' | 'closed' | 'archived';
	created_at: string;
	/** Set when an administrator opened the edition with incomplete translations (audited). */
	translation_gate_overridden_by: string | null;
}

export interface InvitationTable {
	id: string;
	edition_id: string;
	entity_id: string;
	state: 'active' | 'revoked';
	created_at: string;
	first_opened_at: string | null;
	last_opened_at: string | null;
}

export interface InvitationLinkTable {
	token_hash: string;
	invitation_id: string;
	contact_id: string | null;
	created_at: string;
	revoked_at: string | null;
	/** `mailed` to a focal point (contact_id), or `shown` to a Secretariat user: see migration T0300-link-delivery. */
	delivery: Generated<'shown' | 'mailed'>;
}

/** A respondent's uploaded file (migration T0400-response-files; respondent/uploads.ts). */
export interface ResponseFileTable {
	id: string;
	response_id: string;
	/** The question's name (its value name). */
	question: string;
	name: string;
	/** Recognised from the bytes (file-type), never taken from the browser. */
	type: string;
	size: number;
	sha256: string;
	content: Uint8Array;
	created_at: string;
}

export interface ResponseTable {
	id: string;
	edition_id: string;
	entity_id: string;
	invitation_id: string | null;
	questionnaire_id: string;
	answers_json: string;
	/** What the registry prefilled when the response began ({ question: value }), null if nothing (domain/response/registry-prefill.ts). */
	registry_prefill_json: string | null;
	locale: string;
	furthest_page: number;
	state: 'in_progress' | 'submitted';
	revision: number;
	entered_by_user_id: string | null;
	started_at: string;
	updated_at: string;
	submitted_at: string | null;
}

export interface AppUserTable {
	id: string;
	email: string;
	display_name: string;
	role: string;
	region_code: string | null;
	password_hash: string;
	language: string;
	created_at: string;
	disabled_at: string | null;
}

export interface UserSessionTable {
	id: string;
	user_id: string;
	created_at: string;
	expires_at: string;
	user_agent: string | null;
	ip: string | null;
}

export interface AuditLogTable {
	id: string;
	at: string;
	actor_user_id: string | null;
	actor: string;
	action: string;
	target_type: string | null;
	target_id: string | null;
	details_json: string | null;
	ip: string | null;
}

/** Tables of later areas are declared in their own files (schema-*.ts) and joined here. */
export interface Database extends AccessTables, DistributionTables, AnalysisTables, GuessTables, AuthoringTables, ApiTables {
	region: RegionTable;
	country: CountryTable;
	office: OfficeTable;
	entity: EntityTable;
	entity_sector: EntitySectorTable;
	contact: ContactTable;
	questionnaire: QuestionnaireTable;
	edition: EditionTable;
	invitation: InvitationTable;
	invitation_link: InvitationLinkTable;
	response: ResponseTable;
	response_file: ResponseFileTable;
	app_user: AppUserTable;
	user_session: UserSessionTable;
	audit_log: AuditLogTable;
}

export type Entity = Selectable<EntityTable>;
export type NewEntity = Insertable<EntityTable>;
export type Questionnaire = Selectable<QuestionnaireTable>;
export type Edition = Selectable<EditionTable>;
export type Invitation = Selectable<InvitationTable>;
export type ResponseRow = Selectable<ResponseTable>;
export type ResponseUpdate = Updateable<ResponseTable>;
export type AppUser = Selectable<AppUserTable>;
export type UserSession = Selectable<UserSessionTable>;
