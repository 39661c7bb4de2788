/**
 * The six official languages of the Union, in the UN's order, on an equal footing.
 * Our codes are the application's (Paraglide's); survey-core names Chinese `zh-cn`.
 */
export const LOCALES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const BASE_LOCALE: Locale = 'en';

/** Each language named in itself, for the language switcher. */
export const LOCALE_NATIVE_NAMES: Record<Locale, string> = {
	ar: 'العربية',
	zh: '中文',
	en: 'English',
	fr: 'Français',
	ru: 'Русский',
	es: 'Español'
};

const SURVEY_CORE_LOCALE: Record<Locale, string> = {
	ar: 'ar',
	zh: 'zh-cn',
	en: 'en',
	fr: 'fr',
	ru: 'ru',
	es: 'es'
};

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Falls back to English for anything that is not one of the six. */
export function toLocale(value: unknown): Locale {
	return isLocale(value) ? value : BASE_LOCALE;
}

export function surveyCoreLocale(locale: Locale): string {
	return SURVEY_CORE_LOCALE[locale];
}

/** The key under which a questionnaire's JSON stores a language's text. */
export function questionnaireLocaleKey(locale: Locale): string {
	return locale === BASE_LOCALE ? 'default' : SURVEY_CORE_LOCALE[locale];
}

export function textDirection(locale: Locale): 'rtl' | 'ltr' {
	return locale === 'ar' ? 'rtl' : 'ltr';
}
