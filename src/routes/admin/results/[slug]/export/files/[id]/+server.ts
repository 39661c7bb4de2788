import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/instance';
import { attachmentHeader, downloadResponseFile } from '$lib/server/analysis/exports/response-files.ts';
import { downloaderOf } from '$lib/server/access/audit/download-audit.ts';
import { errorFrom } from '$lib/server/http/errors';
import { guarded } from '$lib/server/http/guarded';

/**
 * A respondent's uploaded file (raw-data rights only: the hooks refuse others on the whole
 * export prefix, and so does this). Always an attachment, never sniffed, sandboxed if a
 * browser opens it anyway, and never typed as HTML or SVG (analysis/exports/response-files.ts).
 */
export const GET: RequestHandler = guarded('responses.read_raw', async ({ params, getClientAddress }, user) => {
	try {
		const file = await downloadResponseFile(getDb(), params.slug, params.id, downloaderOf(user, getClientAddress()));
		return new Response(file.bytes, {
			headers: {
				'content-type': file.contentType,
				'content-disposition': attachmentHeader(file.name),
				'x-content-type-options': 'nosniff',
				'content-security-policy': 'sandbox',
				'cache-control': 'private, no-store'
			}
		});
	} catch (e) {
		errorFrom(e);
	}
});
