import type { Db } from '../../db/create-db.ts';
import type { Edition } from '../../db/schema/database.ts';
import { ConflictError, NotFoundError } from '../../../domain/errors.ts';
import { checkEditionDates, parseUtcInstant } from '../../../domain/invitation/edition-dates.ts';
import { findEditionBySlug } from './editions-repository.ts';
import { appendAudit } from '../../access/audit/audit-repository.ts';
import { nowIso } from '../../db/ids.ts';

/** A date to set: a string to parse, '' or null to clear, undefined to keep. */
export interface EditionDatesInput {
	opens?: string | null;
	closes?: string | null;
}

const parsed = (value: string | null | undefined, current: string | null, name: string): string | null =>
	value === undefined ? current : value === null || value.trim() === '' ? null : parseUtcInstant(value, name);

/** Sets an edition's opening and closing dates under the rules of domain/invitation/edition-dates.ts; audited with both before and after. */
export async function setEditionDates(db: Db, slug: string, input: EditionDatesInput, actor: string, now = nowIso()): Promise<Edition> {
	const edition = await findEditionBySlug(db, slug);
	if (!edition) throw new NotFoundError(`no edition "${slug}"`);
	const next = { opensAt: parsed(input.opens, edition.opens_at, 'Opens'), closesAt: parsed(input.closes, edition.closes_at, 'Closes') };
	const planned = await db.selectFrom('reminder_schedule').select('id').where('edition_id', '=', edition.id).where('queued_at', 'is', null).executeTakeFirst();
	checkEditionDates(edition.state, next, now, planned !== undefined);
	if (next.opensAt === edition.opens_at && next.closesAt === edition.closes_at) return edition;
	return db.transaction().execute(async (trx) => {
		const changed = await trx
			.updateTable('edition')
			.set({ opens_at: next.opensAt, closes_at: next.closesAt })
			.where('id', '=', edition.id)
			.where('state', '=', edition.state)
			.executeTakeFirst();
		if (Number(changed.numUpdatedRows) === 0) throw new ConflictError(`edition ${slug} changed meanwhile`);
		await appendAudit(trx, {
			actor,
			action: 'edition.dates',
			targetType: 'edition',
			targetId: edition.id,
			details: { from: { opensAt: edition.opens_at, closesAt: edition.closes_at }, to: next }
		});
		return { ...edition, opens_at: next.opensAt, closes_at: next.closesAt };
	});
}
