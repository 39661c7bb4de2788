import type { Db } from '../../db/create-db.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { appendAudit } from './audit-repository.ts';
import { findEditionBySlug } from '../../distribution/editions/editions.ts';

/**
 * Raw-data downloads (microdata, codebook, open answers, non-responders with their
 * contacts) leave the platform for good, so each one is written to the audit log:
 * who, which file, when (the entry's time), which edition, how many rows.
 */
export const DOWNLOAD_ACTION = 'data.download';

/** Who downloads: a signed-in user, or the command line (`cli`, no user, no address). */
export interface Downloader {
	email: string;
	id: string | null;
	ip: string | null;
}

export const CLI_DOWNLOADER: Downloader = { email: 'cli', id: null, ip: null };

export function downloaderOf(user: { email: string; id: string }, ip: string | null): Downloader {
	return { email: user.email, id: user.id, ip };
}

export interface Download {
	edition: string;
	file: string;
	rows: number;
	/** The filters a partial download was cut by (open answers). */
	filter?: Record<string, string>;
}

/** Called once the file is built, before it is sent: a download that failed leaves no entry. */
export async function auditDownload(db: Db, who: Downloader, d: Download): Promise<void> {
	const edition = await findEditionBySlug(db, d.edition);
	if (!edition) throw new NotFoundError(`no edition "${d.edition}"`);
	await appendAudit(db, {
		actor: who.email,
		actorUserId: who.id,
		action: DOWNLOAD_ACTION,
		targetType: 'edition',
		targetId: edition.id,
		details: { edition: edition.slug, file: d.file, rows: d.rows, ...(d.filter ? { filter: d.filter } : {}) },
		ip: who.ip
	});
}
