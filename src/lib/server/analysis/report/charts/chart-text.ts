import { m } from '../../../../paraglide/messages.js';
import type { Locale } from '../../../../domain/locales.ts';

/**
 * The charts' words (keys ch_* of messages/*.json, kept complete by tests/messages.test.ts), from the
 * compiled Paraglide bundle like the rest of the report (council-words.ts, report-text.ts): one way
 * for every generated word. The CLI reads the same bundle, which `vite build` (or `npm run check`) compiles.
 */
type Message = (params: Record<string, string | number>, options: { locale: Locale }) => string;

export function chartText(locale: Locale, key: `ch_${string}`, params: Record<string, string | number> = {}): string {
	const message = (m as unknown as Record<string, Message | undefined>)[key];
	if (!message) throw new Error(`no message "${key}" in the catalogues`);
	return message(params, { locale });
}
