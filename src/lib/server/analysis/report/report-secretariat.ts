import type { Locale } from '../../../domain/locales.ts';
import { emptySecretariatTexts, type SecretariatTextsForLanguage } from '../../../domain/report/secretariat-texts.ts';
import { textsForLanguage } from '../../../domain/report/secretariat-strings.ts';
import type { SecretariatTextsVersion } from '../report-secretariat-texts.ts';

/** The Secretariat's texts in one language, from the latest version (incomplete: the report is a draft). */
export function secretariatFor(latest: SecretariatTextsVersion, locale: Locale): SecretariatTextsForLanguage {
	if (latest.version === 0) return { texts: emptySecretariatTexts(), quotations: [], complete: false, version: 0, documentDate: null, originalLanguage: null };
	return { ...textsForLanguage(latest.stored, locale), version: latest.version, documentDate: latest.documentDate, originalLanguage: latest.originalLanguage };
}
