import { m } from '../paraglide/messages.js';
import type { AreaId } from './nav.ts';

/** The sidebar's words for each area, in the request's language. */
export const AREA_LABELS: Readonly<Record<AreaId, () => string>> = {
	home: m.ui_nav_home,
	editions: m.ui_nav_editions,
	questionnaires: m.ui_nav_questionnaires,
	translations: m.ui_nav_translations,
	registry: m.ui_nav_registry,
	results: m.ui_nav_results,
	reports: m.ui_nav_reports,
	users: m.ui_nav_users,
	'api-tokens': m.ui_nav_api_tokens,
	audit: m.ui_nav_audit,
	webhooks: m.webhooks_nav
};
