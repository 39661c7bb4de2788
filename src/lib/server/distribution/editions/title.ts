import type { Db } from '../../db/create-db.ts';
import { InvalidInputError, NotFoundError } from '../../../domain/errors.ts';
import { findEditionBySlug } from './editions-repository.ts';
import { appendAudit } from '../../access/audit/audit-repository.ts';

/** Longest title kept: it heads every page of the edition and the Council's report. */
export const EDITION_TITLE_MAX = 200;

/**
 * Renames an edition (its slug, in links already sent, never changes); audited with the
 * title before and after. An archived edition keeps its title: it is a record.
 */
export async function renameEdition(db: Db, slug: string, title: string, actor: string): Promise<string> {
	const next = title.trim().replace(/\s+/g, ' ');
	if (next === '') throw new InvalidInputError('enter a title');
	if (next.length > EDITION_TITLE_MAX) throw new InvalidInputError(`a title has at most ${EDITION_TITLE_MAX} characters`);
	const edition = await findEditionBySlug(db, slug);
	if (!edition) throw new NotFoundError(`no edition "${slug}"`);
	if (edition.state === 'archived') throw new InvalidInputError('an archived edition keeps its title');
	if (next === edition.title) return next;
	await db.transaction().execute(async (trx) => {
		await trx.updateTable('edition').set({ title: next }).where('id', '=', edition.id).execute();
		await appendAudit(trx, { actor, action: 'edition.title', targetType: 'edition', targetId: edition.id, details: { from: edition.title, to: next } });
	});
	return next;
}
