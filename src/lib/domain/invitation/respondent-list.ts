import { z } from 'zod';

/**
 * The edition's respondents list (one row per invited entity): what the query string may ask
 * (search, filters, sort, page) and the pure filtering, sorting and paging of the rows. The
 * query string carries all of it so the list works without JavaScript and a view can be linked.
 */
export const RESPONDENT_STATES = ['invited', 'opened', 'in_progress', 'submitted'] as const;
export type RespondentState = (typeof RESPONDENT_STATES)[number];
export const RESPONDENT_SORTS = ['code', 'name', 'region', 'kind', 'state', 'activity', 'bounces'] as const;
export type RespondentSort = (typeof RESPONDENT_SORTS)[number];
/** Enough to scan by eye, few enough to keep a page light on a slow connection. */
export const RESPONDENTS_PAGE_SIZE = 50;

/** A bad value falls back to "no filter" rather than refusing the page: a stale bookmark still opens. */
const querySchema = z.object({
	q: z.string().trim().max(100).catch(''),
	state: z.enum(RESPONDENT_STATES).optional().catch(undefined),
	region: z
		.string()
		.regex(/^[A-Z0-9-]{1,20}$/)
		.optional()
		.catch(undefined),
	kind: z
		.string()
		.regex(/^[a-z_]{1,40}$/)
		.optional()
		.catch(undefined),
	sort: z.enum(RESPONDENT_SORTS).catch('code'),
	dir: z.enum(['asc', 'desc']).catch('asc'),
	page: z.coerce.number().int().min(1).max(100_000).catch(1)
});
export type RespondentQuery = z.infer<typeof querySchema>;

export function parseRespondentQuery(params: URLSearchParams): RespondentQuery {
	const present = Object.fromEntries([...params.entries()].filter(([, v]) => v.trim() !== ''));
	return querySchema.parse({ q: '', sort: 'code', dir: 'asc', page: 1, ...present });
}

export interface RespondentContact {
	name: string;
	email: string;
	bounced: boolean;
}

export interface RespondentRow {
	code: string;
	name: string;
	kind: string;
	region: string | null;
	countryIso3: string | null;
	/** For the country's name in the reader's language. */
	countryIso2: string | null;
	state: RespondentState;
	/** The latest of: link first opened, answers saved, submitted (ISO-8601), null if nothing yet. */
	lastActivity: string | null;
	contacts: RespondentContact[];
	bounces: number;
	onBehalf: boolean;
}

export interface RespondentPage {
	rows: RespondentRow[];
	total: number;
	page: number;
	pages: number;
}

const STATE_ORDER: Record<RespondentState, number> = { invited: 0, opened: 1, in_progress: 2, submitted: 3 };

const KEYS: Record<RespondentSort, (r: RespondentRow) => string | number> = {
	code: (r) => r.code,
	name: (r) => r.name.toLocaleLowerCase(),
	region: (r) => r.region ?? '',
	kind: (r) => r.kind,
	state: (r) => STATE_ORDER[r.state],
	activity: (r) => r.lastActivity ?? '',
	bounces: (r) => r.bounces
};

function matches(r: RespondentRow, q: RespondentQuery): boolean {
	if (q.state && r.state !== q.state) return false;
	if (q.region && r.region !== q.region) return false;
	if (q.kind && r.kind !== q.kind) return false;
	if (!q.q) return true;
	const needle = q.q.toLocaleLowerCase();
	return [r.code, r.name, ...r.contacts.map((c) => c.email)].some((s) => s.toLocaleLowerCase().includes(needle));
}

/** Filters, sorts (ties by code, so pages are stable) and cuts one page; a page past the end shows the last one. */
export function selectRespondents(rows: RespondentRow[], q: RespondentQuery, pageSize = RESPONDENTS_PAGE_SIZE): RespondentPage {
	const key = KEYS[q.sort];
	const sign = q.dir === 'desc' ? -1 : 1;
	const kept = rows.filter((r) => matches(r, q));
	kept.sort((a, b) => {
		const [x, y] = [key(a), key(b)];
		return (x < y ? -sign : x > y ? sign : 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
	});
	const pages = Math.max(1, Math.ceil(kept.length / pageSize));
	const page = Math.min(q.page, pages);
	return { rows: kept.slice((page - 1) * pageSize, page * pageSize), total: kept.length, page, pages };
}

/** The query string of a view with some parameters changed (defaults left out, page reset unless given). */
export function respondentQueryString(q: RespondentQuery, change: Partial<RespondentQuery> = {}): string {
	const next = { ...q, page: 1, ...change };
	const params = new URLSearchParams();
	if (next.q) params.set('q', next.q);
	if (next.state) params.set('state', next.state);
	if (next.region) params.set('region', next.region);
	if (next.kind) params.set('kind', next.kind);
	if (next.sort !== 'code') params.set('sort', next.sort);
	if (next.dir !== 'asc') params.set('dir', next.dir);
	if (next.page > 1) params.set('page', String(next.page));
	return params.toString();
}
