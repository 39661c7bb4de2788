import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/instance';
import { requirePermission } from '$lib/server/access/guard.ts';
import { exportSecretariatTexts } from '$lib/server/analysis/report-secretariat-edit';
import { InvalidInputError, NotFoundError } from '$lib/domain/errors';

/** GET ?lang=fr&format=xliff|xliff12|xlsx: the Secretariat's texts of this edition's report for translators. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	requirePermission(locals, 'analysis.manage');
	try {
		const file = await exportSecretariatTexts(getDb(), params.slug, url.searchParams.get('lang') ?? '', url.searchParams.get('format') ?? 'xliff');
		return new Response(file.body as BodyInit, {
			headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.filename}"`, 'cache-control': 'no-store' }
		});
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: e.message });
		if (e instanceof InvalidInputError) error(400, { message: e.message });
		throw e;
	}
};
