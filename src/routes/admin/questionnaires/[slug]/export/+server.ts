import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/instance';
import { requirePermission } from '$lib/server/access/guard.ts';
import { exportJson } from '$lib/server/authoring/library.ts';
import { errorFrom } from '$lib/server/http/errors';

/** GET ?v=draft | v<N>: the questionnaire JSON as a download. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const user = requirePermission(locals, 'questionnaires.author');
	try {
		const { filename, text } = await exportJson(getDb(), user, params.slug, url.searchParams.get('v') ?? 'draft');
		return new Response(text, {
			headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' }
		});
	} catch (e) {
		errorFrom(e);
	}
};
