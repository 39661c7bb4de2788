import type { Kysely } from 'kysely';
import type { Database, Edition } from '../db/schema/database.ts';
import { InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { isLocale, type Locale } from '../../domain/locales.ts';
import { emptySecretariatTexts, type SecretariatTextsForLanguage } from '../../domain/report/secretariat-texts.ts';
import { emptyStoredTexts, textsForLanguage, type StoredSecretariatTexts } from '../../domain/report/secretariat-strings.ts';

/** The latest version of an edition's Secretariat texts, as stored. */
export interface SecretariatTextsVersion {
	edition: Edition;
	/** 0 when nothing has been written yet. */
	version: number;
	stored: StoredSecretariatTexts;
	documentDate: string | null;
	originalLanguage: string | null;
	savedBy: string | null;
	savedAt: string | null;
}

export async function requireEdition(db: Kysely<Database>, editionSlug: string): Promise<Edition> {
	const edition = await db.selectFrom('edition').selectAll().where('slug', '=', editionSlug).executeTakeFirst();
	if (!edition) throw new NotFoundError(`no edition "${editionSlug}"`);
	return edition;
}

/** By slug, or by the edition a caller has already loaded (the Council report loads it once for all languages). */
export async function latestSecretariatTexts(db: Kysely<Database>, editionOrSlug: string | Edition): Promise<SecretariatTextsVersion> {
	const edition = typeof editionOrSlug === 'string' ? await requireEdition(db, editionOrSlug) : editionOrSlug;
	const row = await db
		.selectFrom('report_secretariat_text')
		.selectAll()
		.where('edition_id', '=', edition.id)
		.orderBy('version', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (!row) return { edition, version: 0, stored: emptyStoredTexts(), documentDate: null, originalLanguage: null, savedBy: null, savedAt: null };
	return {
		edition,
		version: row.version,
		stored: { texts: JSON.parse(row.texts_json), states: JSON.parse(row.states_json) } as StoredSecretariatTexts,
		documentDate: row.document_date,
		originalLanguage: row.original_language,
		savedBy: row.created_by,
		savedAt: row.created_at
	};
}

/**
 * What the Council report generator needs of the Secretariat's texts in one language: the
 * latest version's texts, whether they are complete in that language (complete: the report
 * is final; otherwise a draft), the document date and original language.
 */
export async function loadSecretariatTexts(db: Kysely<Database>, editionSlug: string, language: string): Promise<SecretariatTextsForLanguage> {
	if (!isLocale(language)) throw new InvalidInputError(`"${language}" is not one of the six languages`);
	const latest = await latestSecretariatTexts(db, editionSlug);
	if (latest.version === 0) return { texts: emptySecretariatTexts(), quotations: [], complete: false, version: 0, documentDate: null, originalLanguage: null };
	const { texts, quotations, complete } = textsForLanguage(latest.stored, language as Locale);
	return { texts, quotations, complete, version: latest.version, documentDate: latest.documentDate, originalLanguage: latest.originalLanguage };
}
