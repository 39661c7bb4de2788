import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/database.ts';
import { LOCALE_NATIVE_NAMES } from '../../domain/locales.ts';
import { extractStrings, type Json } from '../../domain/translation/strings.ts';
import { incompleteLanguages } from '../../domain/translation/status.ts';
import { stateIndex } from './drafts.ts';

export type IncompleteLanguage = ReturnType<typeof incompleteLanguages>[number];

/**
 * The launch gate: what keeps a published version from opening. A language is complete
 * when every string has a human translation of the current English (draft or reviewed):
 * missing texts, texts whose English changed, and machine translations keep it incomplete.
 */
export async function translationGaps(db: Kysely<Database>, questionnaireId: string): Promise<IncompleteLanguage[]> {
	const q = await db.selectFrom('questionnaire').select('definition_json').where('id', '=', questionnaireId).executeTakeFirstOrThrow();
	return incompleteLanguages(extractStrings(JSON.parse(q.definition_json) as Json), await stateIndex(db, questionnaireId));
}

export function describeGaps(gaps: readonly IncompleteLanguage[]): string {
	return gaps
		.map((g) => {
			const parts = [
				g.missing && `${g.missing} missing`,
				g.needsReview && `${g.needsReview} need review`,
				g.machine && `${g.machine} machine-translated`
			].filter(Boolean);
			return `${LOCALE_NATIVE_NAMES[g.locale]} (${g.locale}): ${parts.join(', ')}`;
		})
		.join('; ');
}
