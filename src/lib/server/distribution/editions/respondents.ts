import type { Db } from '../../db/create-db.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { findEditionBySlug } from './editions-repository.ts';
import { listRegions } from '../reference-repository.ts';
import { invitedContacts, invitedEntities } from '../invitations/invited-repository.ts';
import { trackingState } from '../../../domain/invitation/tracking.ts';
import { REGISTRY_KINDS } from '../../../domain/registry/registry-rows.ts';
import {
	RESPONDENT_STATES,
	selectRespondents,
	type RespondentContact,
	type RespondentPage,
	type RespondentQuery,
	type RespondentRow
} from '../../../domain/invitation/respondent-list.ts';

const latest = (...isos: (string | null)[]) =>
	isos
		.filter((s): s is string => s !== null)
		.sort()
		.at(-1) ?? null;

/**
 * One row per invited entity of the edition, with its state, last activity, focal points and
 * bounces, filtered, sorted and paged by `query`. `region`: a regional office's scope
 * (`regionScope`); no entity of another region is read into the list.
 */
export async function listRespondents(db: Db, slug: string, region: 'all' | string, query: RespondentQuery): Promise<RespondentPage> {
	const edition = await findEditionBySlug(db, slug);
	if (!edition) throw new NotFoundError(`no edition "${slug}"`);
	const [rows, contactRows] = await Promise.all([invitedEntities(db, edition.id, region), invitedContacts(db, edition.id, region)]);
	const contactsOf = new Map<string, RespondentContact[]>();
	for (const c of contactRows)
		contactsOf.set(c.entity_id, [...(contactsOf.get(c.entity_id) ?? []), { name: c.name, email: c.email, bounced: c.bounced_at !== null }]);
	const all: RespondentRow[] = rows.map((r) => {
		const focal = contactsOf.get(r.id) ?? [];
		return {
			code: r.code,
			name: r.name,
			kind: r.kind,
			region: r.region_code,
			countryIso3: r.country_iso3,
			countryIso2: r.country_iso2,
			state: trackingState({ state: r.response_state, revision: r.revision }, r.first_opened_at),
			lastActivity: latest(r.last_opened_at, r.first_opened_at, r.updated_at, r.submitted_at),
			contacts: focal,
			bounces: focal.filter((c) => c.bounced).length,
			onBehalf: r.entered_by_user_id !== null
		};
	});
	return selectRespondents(all, query);
}

/** The respondents page: one page of the list, and the names and choices its filters offer (a regional office: its region only). */
export async function respondentsView(db: Db, slug: string, region: 'all' | string, query: RespondentQuery) {
	const [list, regions] = await Promise.all([listRespondents(db, slug, region, query), listRegions(db)]);
	return {
		list,
		query,
		regions: Object.fromEntries(regions.filter((r) => region === 'all' || r.code === region).map((r) => [r.code, r.name])),
		kinds: [...REGISTRY_KINDS],
		states: [...RESPONDENT_STATES],
		scoped: region !== 'all'
	};
}
