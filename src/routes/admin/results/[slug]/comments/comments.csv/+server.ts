import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/instance';
import { viewerFor } from '$lib/server/analysis/results.ts';
import { exportComments } from '$lib/server/analysis/comments.ts';
import { downloaderOf } from '$lib/server/access/audit/download-audit.ts';
import { errorFrom } from '$lib/server/http/errors';

/** The open answers matching the page's filters, as CSV (raw-data rights only; audited with the filters). */
export const GET: RequestHandler = async ({ params, url, locals, getClientAddress }) => {
	if (!locals.user) error(401, { message: 'sign in first' });
	const filter = {
		question: url.searchParams.get('question'),
		region: url.searchParams.get('region'),
		language: url.searchParams.get('language'),
		theme: url.searchParams.get('theme')
	};
	try {
		const csv = await exportComments(getDb(), params.slug, viewerFor(locals.user), filter, downloaderOf(locals.user, getClientAddress()));
		return new Response(new Uint8Array(csv), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="${params.slug}-comments.csv"`,
				'cache-control': 'private, no-store'
			}
		});
	} catch (e) {
		errorFrom(e);
	}
};
