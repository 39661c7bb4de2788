/**
 * Response tracking for an edition, as pure functions of one row per invitation:
 * counts and rates by region, category, office and Sector, and the non-responders.
 */
export type TrackingState = 'invited' | 'opened' | 'in_progress' | 'submitted';

/** Where an invited entity stands: submitted, answering (a saved revision), opened its link, or not yet. */
export function trackingState(response: { state: string | null; revision: number | null } | null, firstOpenedAt: string | null): TrackingState {
	if (response?.state === 'submitted') return 'submitted';
	if ((response?.revision ?? 0) > 0) return 'in_progress';
	return firstOpenedAt ? 'opened' : 'invited';
}

export interface InvitationStatusRow {
	code: string;
	name: string;
	kind: string;
	region: string | null;
	countryIso3: string | null;
	sectors: string[];
	state: TrackingState;
	submittedAt: string | null;
}

export interface TrackingCounts {
	key: string;
	invited: number;
	opened: number;
	inProgress: number;
	submitted: number;
	/** submitted / invited, 0..1; null when nobody is invited. */
	rate: number | null;
}

export interface OfficeArea {
	code: string;
	kind: 'regional' | 'area';
	region: string;
	serves: readonly string[] | null;
}

/** The office that follows an entity: the area office serving its country, else its region's regional office. */
export function officeFor(countryIso3: string | null, region: string | null, offices: readonly OfficeArea[]): string {
	const area = countryIso3 ? offices.find((o) => o.kind === 'area' && o.serves?.includes(countryIso3)) : undefined;
	if (area) return area.code;
	return offices.find((o) => o.kind === 'regional' && o.region === region)?.code ?? '-';
}

function emptyCounts(key: string): TrackingCounts {
	return { key, invited: 0, opened: 0, inProgress: 0, submitted: 0, rate: null };
}

/**
 * Counts are cumulative, as the Council reads them: a submitted response was also
 * opened; "in progress" is started and not submitted.
 */
function add(c: TrackingCounts, state: TrackingState): void {
	c.invited++;
	if (state !== 'invited') c.opened++;
	if (state === 'in_progress') c.inProgress++;
	if (state === 'submitted') c.submitted++;
	c.rate = c.submitted / c.invited;
}

/** Counts by the keys `keysOf` gives each row (a row may count under several keys, e.g. Sectors). */
export function breakdown<R extends InvitationStatusRow>(rows: readonly R[], keysOf: (r: R) => string[]): TrackingCounts[] {
	const groups = new Map<string, TrackingCounts>();
	for (const r of rows) {
		for (const key of keysOf(r)) {
			const c = groups.get(key) ?? emptyCounts(key);
			add(c, r.state);
			groups.set(key, c);
		}
	}
	return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export function totals(rows: readonly InvitationStatusRow[]): TrackingCounts {
	const c = emptyCounts('all');
	for (const r of rows) add(c, r.state);
	return c;
}

/** Submissions per UTC day, cumulative, for "submissions over time". */
export function submissionsByDay(rows: readonly InvitationStatusRow[]): { day: string; submitted: number; cumulative: number }[] {
	const perDay = new Map<string, number>();
	for (const r of rows) if (r.submittedAt) perDay.set(r.submittedAt.slice(0, 10), (perDay.get(r.submittedAt.slice(0, 10)) ?? 0) + 1);
	let cumulative = 0;
	return [...perDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, submitted]) => ({ day, submitted, cumulative: (cumulative += submitted) }));
}
