import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/instance';
import { requirePermission } from '$lib/server/access/guard.ts';
import { exportAuditCsv, parseAuditFilters } from '$lib/server/access/audit/audit.ts';
import { InvalidInputError } from '$lib/domain/errors';

export const GET: RequestHandler = async ({ locals, url, getClientAddress }) => {
	const actor = requirePermission(locals, 'audit.read');
	try {
		const csv = await exportAuditCsv(getDb(), actor, parseAuditFilters(url.searchParams), getClientAddress());
		return new Response(csv, {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`,
				'cache-control': 'no-store'
			}
		});
	} catch (e) {
		if (e instanceof InvalidInputError) error(400, { message: e.message, code: e.code });
		throw e;
	}
};
