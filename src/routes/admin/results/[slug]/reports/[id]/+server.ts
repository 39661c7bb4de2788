import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/instance';
import { canReadReports } from '$lib/server/analysis/results.ts';
import { reportFile } from '$lib/server/analysis/report/report-service.ts';
import { errorFrom } from '$lib/server/http/errors';

/** A stored Council report. Endpoints do not run the admin layout's guard: check here. */
export const GET: RequestHandler = async ({ params, locals }) => {
	if (!locals.user) error(401, { message: 'sign in first' });
	if (!canReadReports(locals.user.role)) error(403, { message: 'your role does not read Council reports' });
	try {
		const file = await reportFile(getDb(), params.slug, params.id);
		return new Response(new Uint8Array(file.content), {
			headers: { 'content-type': file.type, 'content-disposition': `attachment; filename="${file.filename}"`, 'cache-control': 'private, no-store' }
		});
	} catch (e) {
		errorFrom(e);
	}
};
