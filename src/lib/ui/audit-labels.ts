import { m } from '../paraglide/messages.js';
import type { Locale } from '../domain/locales.ts';
import { currentLocale, bidiIsolate } from './locale.ts';

/** Audit log actions (`audit_log.action`) in the reader's language; an action without a label shows its code, isolated. */
const ACTIONS: Readonly<Record<string, (inputs?: Record<string, never>, options?: { locale?: Locale }) => string>> = {
	'access.denied': m.ui_audit_access_denied,
	'analysis.publish': m.ui_audit_analysis_publish,
	'analysis.unpublish': m.ui_audit_analysis_unpublish,
	'analysis.release': m.ui_audit_analysis_release,
	'analysis.release_refused': m.ui_audit_analysis_release_refused,
	'analysis.synthetic': m.ui_audit_analysis_synthetic,
	'analysis.tag': m.ui_audit_analysis_tag,
	'analysis.untag': m.ui_audit_analysis_untag,
	'analysis.theme_create': m.ui_audit_analysis_theme_create,
	'analysis.wave_import': m.ui_audit_analysis_wave_import,
	'api.token_create': m.ui_audit_api_token_create,
	'api.token_revoke': m.ui_audit_api_token_revoke,
	'audit.export': m.ui_audit_audit_export,
	'auth.login': m.ui_audit_auth_login,
	'auth.login_failed': m.ui_audit_auth_login_failed,
	'auth.login_throttled': m.ui_audit_auth_login_throttled,
	'auth.logout': m.ui_audit_auth_logout,
	'auth.sso_refused': m.ui_audit_auth_sso_refused,
	'auth.sso_failed': m.ui_audit_auth_sso_failed,
	'auth.login_sso_required': m.ui_audit_auth_login_sso_required,
	'user.sso_link': m.ui_audit_user_sso_link,
	'auth.reset_invalid': m.ui_audit_auth_reset_invalid,
	'auth.reset_request': m.ui_audit_auth_reset_request,
	'auth.reset_request_throttled': m.ui_audit_auth_reset_request_throttled,
	'auth.reset_request_unknown': m.ui_audit_auth_reset_request_unknown,
	'auth.session_invalid': m.ui_audit_auth_session_invalid,
	'auth.session_revoke': m.ui_audit_auth_session_revoke,
	'auth.totp_failed': m.ui_audit_auth_totp_failed,
	'auth.totp_ok': m.ui_audit_auth_totp_ok,
	'contact.add': m.ui_audit_contact_add,
	'contact.clear_bounce': m.ui_audit_contact_clear_bounce,
	'edition.create': m.ui_audit_edition_create,
	'edition.dates': m.ui_audit_edition_dates,
	'edition.state': m.ui_audit_edition_state,
	'edition.title': m.ui_audit_edition_title,
	'edition.translation_gate_override': m.ui_audit_edition_translation_gate_override,
	'invitation.extend': m.ui_audit_invitation_extend,
	'invitation.invite_all': m.ui_audit_invitation_invite_all,
	'invitation.link': m.ui_audit_invitation_link,
	'invitation.reissue': m.ui_audit_invitation_reissue,
	'invitation.revoke_links': m.ui_audit_invitation_revoke_links,
	'questionnaire.draft_create': m.ui_audit_questionnaire_draft_create,
	'questionnaire.draft_edit': m.ui_audit_questionnaire_draft_edit,
	'questionnaire.publish': m.ui_audit_questionnaire_publish,
	'registry.edit': m.ui_audit_registry_edit,
	'registry.import': m.ui_audit_registry_import,
	'reminder.schedule': m.ui_audit_reminder_schedule,
	'report.generate': m.ui_audit_report_generate,
	'response.on_behalf': m.ui_audit_response_on_behalf,
	'translation.edit': m.ui_audit_translation_edit,
	'translation.import': m.ui_audit_translation_import,
	'translation.mark_reviewed': m.ui_audit_translation_mark_reviewed,
	'user.create': m.ui_audit_user_create,
	'user.disable': m.ui_audit_user_disable,
	'user.enable': m.ui_audit_user_enable,
	'user.language': m.ui_audit_user_language,
	'user.password_change': m.ui_audit_user_password_change,
	'user.password_change_failed': m.ui_audit_user_password_change_failed,
	'user.password_reset': m.ui_audit_user_password_reset,
	'user.password_set': m.ui_audit_user_password_set,
	'user.role_change': m.ui_audit_user_role_change,
	'user.totp_disable': m.ui_audit_user_totp_disable,
	'user.totp_enable': m.ui_audit_user_totp_enable,
	'user.totp_remove': m.ui_audit_user_totp_remove,
	'outbox.retry': m.ui_audit_outbox_retry,
	'report_texts.import': m.ui_audit_report_texts_import,
	'report_texts.quote': m.ui_audit_report_texts_quote,
	'report_texts.save': m.ui_audit_report_texts_save,
	'webhook.create': m.ui_audit_webhook_create,
	'webhook.delete': m.ui_audit_webhook_delete,
	'webhook.retry': m.ui_audit_webhook_retry,
	'webhook.secret': m.ui_audit_webhook_secret
};

/** Every action with a label: the audit page's filter offers these. */
export const LABELLED_AUDIT_ACTIONS: readonly string[] = Object.keys(ACTIONS);

export function auditActionLabel(action: string, locale: Locale = currentLocale()): string {
	const message = ACTIONS[action];
	return message ? message({}, { locale }) : bidiIsolate(action);
}

const TARGETS: Readonly<Record<string, (inputs?: Record<string, never>, options?: { locale?: Locale }) => string>> = {
	edition: m.ui_target_edition,
	user: m.ui_target_user,
	questionnaire: m.ui_target_questionnaire,
	questionnaire_draft: m.ui_target_questionnaire_draft,
	entity: m.ui_target_entity,
	invitation: m.ui_target_invitation,
	contact: m.ui_target_contact,
	response: m.ui_target_response,
	registry: m.ui_target_registry,
	analysis_release: m.ui_target_analysis_release,
	analysis_report: m.ui_target_analysis_report,
	analysis_wave: m.ui_target_analysis_wave,
	analysis_comment_theme: m.ui_target_analysis_comment_theme,
	api_token: m.ui_target_api_token,
	outbox_message: m.ui_target_outbox_message,
	webhook_endpoint: m.ui_target_webhook_endpoint
};

/** The kind of an audit entry's target (`audit_log.target_type`) in the reader's language. */
export function auditTargetLabel(type: string, locale: Locale = currentLocale()): string {
	const message = TARGETS[type];
	return message ? message({}, { locale }) : bidiIsolate(type);
}

/** Keys of an audit entry's details (`details_json`) that a reader should see as words; the rest are shown as written. */
const DETAIL_KEYS: Readonly<Record<string, (inputs?: Record<string, never>, options?: { locale?: Locale }) => string>> = {
	invited: m.invited,
	submitted: m.submitted,
	respondents: m.an_respondents,
	email: m.dist_email,
	to_email: m.dist_email,
	role: m.access_role,
	region: m.region,
	region_code: m.region,
	language: m.language,
	locale: m.language,
	version: m.author_version,
	entity: m.ui_target_entity,
	entityCode: m.ui_target_entity,
	edition: m.ui_target_edition,
	reason: m.tr_gate_override_reason,
	from: m.author_diff_from,
	to: m.author_diff_to,
	rows: m.author_rows,
	title: m.author_title,
	state: m.dist_state,
	status: m.tr_status,
	kind: m.dist_category,
	category: m.dist_category,
	name: m.dist_name,
	question: m.an_question,
	segment: m.ed_segment
};

/**
 * A detail's key in the reader's language ("invited" → "Invited", « Invités »…); an unknown key as
 * written (the audit page isolates each "key: value" line as a whole, in a <bdi>).
 */
export function auditDetailLabel(key: string, locale: Locale = currentLocale()): string {
	const message = DETAIL_KEYS[key];
	return message ? message({}, { locale }) : key;
}
