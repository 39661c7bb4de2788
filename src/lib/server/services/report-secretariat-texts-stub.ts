import type { Db } from '../db/create-db.ts';
import { emptySecretariatTexts, type SecretariatTextsForLanguage } from '../../domain/report/secretariat-texts.ts';

/**
 * Stand-in for the Secretariat's stored texts (issue 15 item 3, built on branch ws-translate as
 * `loadSecretariatTexts` in server/analysis/report-secretariat-texts.ts): nothing written yet, so every
 * report is a draft that shows where the Secretariat's text goes. Replaced by the real loader on merge.
 */
export async function loadSecretariatTexts(_db: Db, _editionSlug: string, _language: string): Promise<SecretariatTextsForLanguage> {
	return { texts: emptySecretariatTexts(), complete: false, version: 0, documentDate: null, originalLanguage: null };
}
