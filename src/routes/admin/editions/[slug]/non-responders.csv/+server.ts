import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/instance';
import { editionTracking, nonRespondersCsv } from '$lib/server/services/invitation-tracking';
import { NotFoundError } from '$lib/domain/errors';

/** The non-responders of an edition as CSV, to follow up. Signed-in users only (coordinator role later). */
export const GET: RequestHandler = async ({ params, locals }) => {
	if (!locals.user) error(401, { message: 'sign in first' });
	try {
		const csv = nonRespondersCsv(await editionTracking(getDb(), params.slug));
		return new Response(csv, {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${params.slug}-non-responders.csv"`,
				'cache-control': 'no-store'
			}
		});
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: e.message });
		throw e;
	}
};
