import { getLocale } from '../paraglide/runtime.js';
import { isLocale, BASE_LOCALE, type Locale } from '../domain/locales.ts';

/** The request's language (the hooks set it per signed-in user), one of the six. */
export function currentLocale(): Locale {
	const locale = getLocale();
	return isLocale(locale) ? locale : BASE_LOCALE;
}

/** The BCP 47 tag for Intl: Arabic keeps Western digits, as UN Arabic documents do. */
export function localeTag(locale: Locale): string {
	return locale === 'ar' ? 'ar-u-nu-latn' : locale === 'zh' ? 'zh-CN' : locale;
}

const FSI = '\u2068'; // FIRST STRONG ISOLATE
const PDI = '\u2069'; // POP DIRECTIONAL ISOLATE
/**
 * A code or figure isolated from the text around it, so "RO-AFR" or "12 %" never
 * reorders an Arabic sentence. For text where an element cannot go (page titles,
 * attributes, plain text); in markup prefer <bdi>.
 */
export function bidiIsolate(text: string | number): string {
	return `${FSI}${text}${PDI}`;
}
