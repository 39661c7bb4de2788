import { m } from '../../../paraglide/messages.js';
import { LOCALES, type Locale } from '../../../domain/locales.ts';

/**
 * The Council report's and the results pages' fixed words (table columns, section and criterion
 * names, table titles), from the message catalogues (keys rt_*, messages/*.json, kept complete in the
 * six languages by tests/messages.test.ts) through the compiled Paraglide bundle, like every other
 * generated sentence of the report (council-words.ts, chart-text.ts). Question wording comes from the
 * questionnaire itself.
 */
export interface ReportText {
	mandateText: string;
	sections: string;
	criteria: string;
	questions: string;
	themes: string;
	themesNone: string;
	wave: (label: string) => string;
	waveCols: { current: string; change: string; beyond: string; yes: string; no: string };
	theme: string;
	comments: string;
	col: {
		item: string;
		region: string;
		invited: string;
		submitted: string;
		rate: string;
		n: string;
		na: string;
		mean: string;
		ci: string;
		satisfied: string;
		dissatisfied: string;
		total: string;
	};
	suppressed: (k: number) => string;
	sectionNames: Record<string, string>;
	criterionNames: Record<string, string>;
}

const SECTION_KEYS = ['profile', 'services', 'sectors', 'engagement', 'overall'] as const;
const CRITERION_KEYS = ['coherence', 'relevance', 'control', 'efficiency', 'effectiveness', 'impact', 'sustainability'] as const;
const COLUMNS = ['item', 'region', 'invited', 'submitted', 'rate', 'n', 'na', 'mean', 'ci', 'satisfied', 'dissatisfied', 'total'] as const;

/** A message by its key, for the keys built from a list (rt_col_*, rt_section_*, rt_criterion_*). */
const byKey = (key: string, locale: Locale): string => (m as unknown as Record<string, (p: object, o: { locale: Locale }) => string>)[key]!({}, { locale });
const named = (prefix: string, keys: readonly string[], locale: Locale) => Object.fromEntries(keys.map((k) => [k, byKey(`${prefix}${k}`, locale)]));

function reportText(locale: Locale): ReportText {
	const o = { locale };
	return {
		mandateText: m.rt_mandate_text({}, o),
		sections: m.rt_sections({}, o),
		criteria: m.rt_criteria({}, o),
		questions: m.rt_questions({}, o),
		themes: m.rt_themes({}, o),
		themesNone: m.rt_themes_none({}, o),
		wave: (label) => m.rt_wave({ label }, o),
		waveCols: { current: m.rt_wave_current({}, o), change: m.rt_wave_change({}, o), beyond: m.rt_wave_beyond({}, o), yes: m.rt_yes({}, o), no: m.rt_no({}, o) },
		theme: m.rt_theme({}, o),
		comments: m.rt_comments({}, o),
		col: named('rt_col_', COLUMNS, locale) as ReportText['col'],
		suppressed: (k) => m.rt_suppressed({ k }, o),
		sectionNames: named('rt_section_', SECTION_KEYS, locale),
		criterionNames: named('rt_criterion_', CRITERION_KEYS, locale)
	};
}

export const REPORT_TEXT: Record<Locale, ReportText> = Object.fromEntries(LOCALES.map((l) => [l, reportText(l)])) as Record<Locale, ReportText>;
