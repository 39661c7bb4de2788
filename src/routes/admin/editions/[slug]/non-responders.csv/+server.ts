import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/instance';
import { editionTracking, nonRespondersCsv } from '$lib/server/distribution/invitations/tracking.ts';
import { auditDownload, downloaderOf } from '$lib/server/access/audit/download-audit.ts';
import { NotFoundError } from '$lib/domain/errors';
import { regionScope } from '$lib/server/access/guard.ts';

/** The non-responders of an edition as CSV, to follow up: `tracking.read`, a regional office's own region only. */
export const GET: RequestHandler = async ({ params, locals, getClientAddress }) => {
	if (!locals.user) error(401, { message: 'sign in first' });
	const scope = regionScope(locals.user, 'tracking.read');
	if (scope === null) error(403, { message: 'Your role does not give access to this page.', code: 'forbidden' });
	try {
		const tracking = await editionTracking(getDb(), params.slug, scope);
		const csv = nonRespondersCsv(tracking);
		// Names and focal points' e-mail addresses leave the platform: audited like microdata.
		await auditDownload(getDb(), downloaderOf(locals.user, getClientAddress()), {
			edition: params.slug,
			file: 'non-responders.csv',
			rows: tracking.nonResponders.length
		});
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
