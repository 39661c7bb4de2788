import type { Db } from '../db/create-db.ts';
import { regionScope, type Actor } from '../../domain/access/permissions.ts';
import { EDITION_STATES, type EditionState } from '../../domain/invitation/edition-lifecycle.ts';
import { listEditions } from '../distribution/editions/editions.ts';
import { editionFigures, type HomeEdition } from './home.ts';

/**
 * The Editions area (`/admin/editions`): every edition, archived ones included (the home
 * shows only those still being run), so each stays reachable by clicking. Filtered by
 * state through the query string; figures in the reader's region scope, as on the home.
 */
export interface EditionsList {
	state: EditionState | null;
	/** How many editions each state has, for the filter links. */
	counts: Record<EditionState, number>;
	editions: HomeEdition[];
}

/** A state from the query string; anything else means "every state" (a stale bookmark still opens). */
export function parseEditionState(value: string | null): EditionState | null {
	return (EDITION_STATES as readonly string[]).includes(value ?? '') ? (value as EditionState) : null;
}

export async function listEditionsFor(db: Db, user: Actor, state: EditionState | null, now = new Date()): Promise<EditionsList> {
	const region = regionScope(user, 'tracking.read');
	const all = await listEditions(db);
	const counts = Object.fromEntries(EDITION_STATES.map((s) => [s, all.filter((e) => e.state === s).length])) as Record<EditionState, number>;
	const editions = region ? await editionFigures(db, all, region, now, (e) => state === null || e.state === state) : [];
	return { state, counts, editions };
}
