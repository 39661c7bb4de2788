import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/instance';
import { exportTranslations } from '$lib/server/translation/files.ts';
import { InvalidInputError, NotFoundError } from '$lib/domain/errors';

/** GET ?lang=fr&format=xliff|xlsx: the file for translators (the route rule requires questionnaires.author). */
export const GET: RequestHandler = async ({ params, url }) => {
	try {
		const file = await exportTranslations(getDb(), params.slug, url.searchParams.get('lang') ?? '', url.searchParams.get('format') ?? 'xliff');
		return new Response(file.body as BodyInit, {
			headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.filename}"`, 'cache-control': 'no-store' }
		});
	} catch (e) {
		if (e instanceof NotFoundError) error(404, { message: e.message });
		if (e instanceof InvalidInputError) error(400, { message: e.message });
		throw e;
	}
};
