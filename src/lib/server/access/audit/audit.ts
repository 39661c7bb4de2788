import { sql } from 'kysely';
import type { Db } from '../../db/create-db.ts';
import { InvalidInputError } from '../../../domain/errors.ts';
import { toCsv } from '../../../domain/csv.ts';
import { authorize, type AuditedActor } from '../authorize.ts';
import { appendAudit } from './audit-repository.ts';

/** The audit viewer and its CSV export, for administrators. */
export const AUDIT_PAGE_SIZE = 100;
/** An export holds at most this many lines; narrow the filters for more. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

export interface AuditFilters {
	action: string;
	actor: string;
	target: string;
	from: string;
	to: string;
	page: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the filters from a query string; a malformed value is refused, not ignored. */
export function parseAuditFilters(params: URLSearchParams): AuditFilters {
	const text = (name: string) => (params.get(name) ?? '').trim().slice(0, 200);
	const filters = {
		action: text('action'),
		actor: text('actor'),
		target: text('target'),
		from: text('from'),
		to: text('to'),
		page: Number(params.get('page') ?? '1')
	};
	for (const name of ['from', 'to'] as const) {
		if (filters[name] && (!DATE.test(filters[name]) || Number.isNaN(Date.parse(filters[name])))) {
			throw new InvalidInputError(`${name} must be a date (YYYY-MM-DD)`, [], 'bad_date');
		}
	}
	if (!Number.isInteger(filters.page) || filters.page < 1 || filters.page > 100_000)
		throw new InvalidInputError('page must be a positive whole number', [], 'bad_page');
	return filters;
}

/** LIKE with the user's % and _ taken literally (ESCAPE is portable SQL). */
const likeContains = (value: string) => `%${value.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

function filtered(db: Db, f: AuditFilters) {
	let q = db.selectFrom('audit_log').selectAll();
	// "auth." matches every auth.* action; a full name matches itself.
	if (f.action)
		q = f.action.endsWith('.')
			? q.where(sql<boolean>`lower(action) like ${likeContains(f.action.toLowerCase()).slice(1)} escape '\\'`)
			: q.where('action', '=', f.action);
	if (f.actor) q = q.where(sql<boolean>`lower(actor) like ${likeContains(f.actor.toLowerCase())} escape '\\'`);
	if (f.target) q = q.where('target_id', '=', f.target);
	if (f.from) q = q.where('at', '>=', `${f.from}T00:00:00.000Z`);
	if (f.to) q = q.where('at', '<=', `${f.to}T23:59:59.999Z`);
	return q.orderBy('at', 'desc').orderBy('id', 'desc');
}

export async function searchAudit(db: Db, actor: AuditedActor, f: AuditFilters) {
	await authorize(db, actor, 'audit.read');
	const rows = await filtered(db, f)
		.limit(AUDIT_PAGE_SIZE + 1)
		.offset((f.page - 1) * AUDIT_PAGE_SIZE)
		.execute();
	const actions = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
	return { rows: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE, actions: actions.map((a) => a.action) };
}

/** The filtered log as CSV; the export itself is audited. */
export async function exportAuditCsv(db: Db, actor: AuditedActor, f: AuditFilters, ip: string | null): Promise<string> {
	await authorize(db, actor, 'audit.read');
	const rows = await filtered(db, f).limit(AUDIT_EXPORT_MAX_ROWS).execute();
	await appendAudit(db, { actor: actor.email, actorUserId: actor.id, action: 'audit.export', details: { ...f, page: undefined, rows: rows.length }, ip });
	return toCsv(
		['at', 'actor', 'actor_user_id', 'action', 'target_type', 'target_id', 'ip', 'details'],
		rows.map((r) => [r.at, r.actor, r.actor_user_id, r.action, r.target_type, r.target_id, r.ip, r.details_json])
	);
}
