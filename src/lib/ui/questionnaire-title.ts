import type { Locale } from '../domain/locales.ts';
import { localizedTexts } from '../domain/translation/strings.ts';
import type { Json } from '../domain/translation/strings.ts';
import { currentLocale } from './locale.ts';

/**
 * A questionnaire's title in the reader's language (its SurveyJS `title`, `{ default, fr, zh-cn… }`),
 * falling back to English, then to the slug: the slug is an address, not a heading.
 */
export function questionnaireTitle(definition: string | object | null | undefined, slug: string, locale: Locale = currentLocale()): string {
	let json: unknown;
	try {
		json = typeof definition === 'string' ? JSON.parse(definition) : definition;
	} catch {
		return slug; // a draft whose JSON does not parse still has its address
	}
	const title = json && typeof json === 'object' && !Array.isArray(json) ? ((json as Record<string, Json>).title ?? undefined) : undefined;
	const texts = localizedTexts(title);
	return texts?.[locale]?.trim() || texts?.en?.trim() || slug;
}
