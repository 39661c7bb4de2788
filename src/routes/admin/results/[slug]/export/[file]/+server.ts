import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/instance';
import { viewerFor } from '$lib/server/services/analysis-service';
import { exportFile } from '$lib/server/services/analysis-export';
import { downloaderOf } from '$lib/server/services/download-audit';
import { toHttpError } from '../../analysis-errors';

/** Microdata and codebook downloads (raw-data rights only; the service refuses others and audits each). */
export const GET: RequestHandler = async ({ params, locals, getClientAddress }) => {
	if (!locals.user) error(401, { message: 'sign in first' });
	try {
		const file = await exportFile(getDb(), params.slug, viewerFor(locals.user), params.file, downloaderOf(locals.user, getClientAddress()));
		return new Response(new Uint8Array(file.content), {
			headers: { 'content-type': file.type, 'content-disposition': `attachment; filename="${file.filename}"`, 'cache-control': 'private, no-store' }
		});
	} catch (e) {
		toHttpError(e);
	}
};
