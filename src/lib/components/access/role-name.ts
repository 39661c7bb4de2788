import { m } from '../../paraglide/messages.js';

/** Role names in the reader's language (the request's locale); an unknown value is shown as stored. */
const NAMES: Record<string, () => string> = {
	admin: m.access_role_name_admin,
	author: m.access_role_name_author,
	coordinator: m.access_role_name_coordinator,
	analyst: m.access_role_name_analyst,
	regional_office: m.access_role_name_regional_office,
	council: m.access_role_name_council
};

export function roleName(role: string): string {
	return NAMES[role]?.() ?? role;
}
