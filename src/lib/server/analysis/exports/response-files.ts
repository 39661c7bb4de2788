import type { Db } from '../../db/create-db.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { downloadType } from '../../../domain/survey/kinds/file-rules.ts';
import { auditDownload, type Downloader } from '../../access/audit/download-audit.ts';

/**
 * A respondent's uploaded file, for analysts only (issue 18 item 3; docs/authoring.md
 * "File upload"): raw data like the microdata, so the route is behind responses.read_raw
 * and each download is audited. The file must belong to a response of the edition in the
 * URL; anything else is "not found", which tells nothing about other editions' files.
 */
export interface ResponseFileDownload {
	name: string;
	/** What the browser is told: the sniffed type when harmless (an image, a PDF), else application/octet-stream. */
	contentType: string;
	bytes: Uint8Array<ArrayBuffer>;
}

export async function downloadResponseFile(db: Db, editionSlug: string, id: string, who: Downloader): Promise<ResponseFileDownload> {
	const row = await db
		.selectFrom('response_file')
		.innerJoin('response', 'response.id', 'response_file.response_id')
		.innerJoin('edition', 'edition.id', 'response.edition_id')
		.select(['response_file.name', 'response_file.type', 'response_file.content'])
		.where('response_file.id', '=', id)
		.where('edition.slug', '=', editionSlug)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('no such file');
	await auditDownload(db, who, { edition: editionSlug, file: `upload:${id}`, rows: 1 });
	return { name: row.name, contentType: downloadType(row.type), bytes: new Uint8Array(row.content) };
}

/** A Content-Disposition header for any file name: an ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachmentHeader(name: string): string {
	const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
