import type { Db } from '../../db/create-db.ts';
import { listComments, listThemes } from '../comments.ts';
import { viewerFor } from '../results.ts';

/** How many answers the quotation picker lists at once (filter by theme for the rest). */
export const QUOTABLE_LIMIT = 200;

export interface QuotableAnswer {
	text: string;
	themes: string[];
}

/**
 * The open answers an analyst may quote in section 9, stripped of everything that could identify who
 * wrote them: no response, entity, region, language or question, only the text and its themes. Open
 * answers are raw data: listComments refuses viewers without raw-data rights.
 */
export async function quotableAnswers(
	db: Db,
	slug: string,
	user: { role: string; region_code: string | null },
	theme: string | null
): Promise<{ answers: QuotableAnswer[]; total: number; themes: { id: string; name: string }[]; theme: string | null }> {
	const themes = await listThemes(db, slug);
	const chosen = theme && themes.some((t) => t.id === theme) ? theme : null;
	const comments = await listComments(db, slug, viewerFor(user), { theme: chosen });
	return {
		answers: comments.slice(0, QUOTABLE_LIMIT).map((c) => ({ text: c.text, themes: c.themes })),
		total: comments.length,
		themes,
		theme: chosen
	};
}
