import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/instance';
import { viewerFor } from '$lib/server/analysis/results.ts';
import { exportFile } from '$lib/server/analysis/exports/export.ts';
import { downloaderOf } from '$lib/server/access/audit/download-audit.ts';
import { errorFrom } from '$lib/server/http/errors';

/** Microdata, codebook and statistics scripts (raw-data rights only; the service refuses others and audits each). `?partial=1` adds responses in progress. */
export const GET: RequestHandler = async ({ params, locals, url, getClientAddress }) => {
	if (!locals.user) error(401, { message: 'sign in first' });
	try {
		const partial = url.searchParams.get('partial') === '1';
		const file = await exportFile(getDb(), params.slug, viewerFor(locals.user), params.file, downloaderOf(locals.user, getClientAddress()), { partial });
		return new Response(new Uint8Array(file.content), {
			headers: { 'content-type': file.type, 'content-disposition': `attachment; filename="${file.filename}"`, 'cache-control': 'private, no-store' }
		});
	} catch (e) {
		errorFrom(e);
	}
};
