import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { requirePermission } from '$lib/server/access/guard.ts';
import { parseAuditFilters, searchAudit } from '$lib/server/access/audit/audit.ts';
import { InvalidInputError } from '$lib/domain/errors';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, 'audit.read');
	try {
		const filters = parseAuditFilters(url.searchParams);
		const result = await searchAudit(getDb(), actor, filters);
		const query = new URLSearchParams(url.searchParams);
		query.delete('page');
		return { filters, ...result, query: query.toString() };
	} catch (e) {
		if (e instanceof InvalidInputError) error(400, { message: e.message, code: e.code });
		throw e;
	}
};
