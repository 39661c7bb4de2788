import type { Db } from '../../db/create-db.ts';
import type { Edition } from '../../db/schema/database.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { findEditionBySlug } from '../editions/editions-repository.ts';
import { invitedContacts, invitedEntities } from './invited-repository.ts';
import {
	breakdown,
	officeFor,
	submissionsByDay,
	totals,
	trackingState,
	type InvitationStatusRow,
	type OfficeArea,
	type TrackingCounts
} from '../../../domain/invitation/tracking.ts';
import { toCsv } from '../../../domain/csv.ts';

export interface Tracking {
	edition: Edition;
	total: TrackingCounts;
	byRegion: TrackingCounts[];
	byKind: TrackingCounts[];
	byOffice: TrackingCounts[];
	bySector: TrackingCounts[];
	overTime: ReturnType<typeof submissionsByDay>;
	/** Responses entered (at least partly) by a coordinator on an entity's behalf. */
	onBehalf: number;
	nonResponders: (InvitationStatusRow & { office: string; contacts: string })[];
}

async function statusRows(db: Db, editionId: string, region: 'all' | string): Promise<(InvitationStatusRow & { contacts: string; onBehalf: boolean })[]> {
	const [rows, sectors, contacts] = await Promise.all([
		invitedEntities(db, editionId, region),
		db
			.selectFrom('entity_sector as s')
			.innerJoin('invitation as i', 'i.entity_id', 's.entity_id')
			.select(['s.entity_id', 's.sector'])
			.where('i.edition_id', '=', editionId)
			.execute(),
		invitedContacts(db, editionId, region)
	]);
	const sectorsOf = new Map<string, string[]>();
	for (const s of sectors) sectorsOf.set(s.entity_id, [...(sectorsOf.get(s.entity_id) ?? []), s.sector]);
	const contactsOf = new Map<string, string[]>();
	for (const c of contacts) contactsOf.set(c.entity_id, [...(contactsOf.get(c.entity_id) ?? []), c.bounced_at ? `${c.email} (bounced)` : c.email]);
	return rows.map((r) => ({
		code: r.code,
		name: r.name,
		kind: r.kind,
		region: r.region_code,
		countryIso3: r.country_iso3,
		sectors: sectorsOf.get(r.id) ?? [],
		state: trackingState({ state: r.response_state, revision: r.revision }, r.first_opened_at),
		submittedAt: r.submitted_at,
		contacts: (contactsOf.get(r.id) ?? []).join('; '),
		onBehalf: r.entered_by_user_id !== null
	}));
}

async function offices(db: Db): Promise<OfficeArea[]> {
	const rows = await db.selectFrom('office').select(['code', 'kind', 'region_code', 'serves_json']).execute();
	return rows.map((o) => ({ code: o.code, kind: o.kind, region: o.region_code, serves: o.serves_json ? (JSON.parse(o.serves_json) as string[]) : null }));
}

/**
 * Invited / opened / in progress / submitted by region, category, office and Sector, with
 * the non-responders. `region`: a regional office's scope (`regionScope`), 'all' for everyone else;
 * every figure and list is then computed from that region's entities only.
 */
export async function editionTracking(db: Db, slug: string, region: 'all' | string = 'all'): Promise<Tracking> {
	const edition = await findEditionBySlug(db, slug);
	if (!edition) throw new NotFoundError(`no edition "${slug}"`);
	const [rows, officeList] = await Promise.all([statusRows(db, edition.id, region), offices(db)]);
	const withOffice = rows.map((r) => ({ ...r, office: officeFor(r.countryIso3, r.region, officeList) }));
	return {
		edition,
		total: totals(rows),
		byRegion: breakdown(rows, (r) => [r.region ?? '-']),
		byKind: breakdown(rows, (r) => [r.kind]),
		byOffice: breakdown(withOffice, (r) => [r.office]),
		bySector: breakdown(rows, (r) => (r.sectors.length ? r.sectors : ['none'])),
		overTime: submissionsByDay(rows),
		onBehalf: rows.filter((r) => r.onBehalf).length,
		nonResponders: withOffice.filter((r) => r.state !== 'submitted')
	};
}

/** The non-responders as CSV (UTF-8 with a BOM so that Excel reads accents), formula starts neutralised. */
export function nonRespondersCsv(t: Tracking): string {
	const rows = t.nonResponders.map((r) => [r.code, r.name, r.kind, r.region, r.countryIso3, r.office, r.sectors.join(' '), r.state, r.contacts]);
	return '\uFEFF' + toCsv(['code', 'name', 'kind', 'region', 'country', 'office', 'sectors', 'state', 'contacts'], rows);
}
