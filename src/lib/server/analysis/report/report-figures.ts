import { localize, type Catalogue } from '../../../domain/analysis/catalogue.ts';
import type { IndexSummary } from '../../../domain/analysis/aggregate.ts';
import type { ScaleSummary } from '../../../domain/analysis/stats.ts';
import type { PublishedResult } from '../../../domain/analysis/suppression.ts';
import { surveyCoreLocale, type Locale } from '../../../domain/locales.ts';
import type { LabelledFigure } from './docx/council-docx.ts';
import { REPORT_TEXT } from './report-text.ts';

/** A question's label in the report: its title, and its row's title for a matrix row. */
export function labels(catalogue: Catalogue, surveyLocale: string) {
	const item = (key: string) => {
		const s = catalogue.scales.find((i) => i.key === key)!;
		return s.rowTitle === null ? localize(s.title, surveyLocale) : `${localize(s.title, surveyLocale)}: ${localize(s.rowTitle, surveyLocale)}`;
	};
	return { item };
}

/** A group's figures, each with its label in the report's language. */
export function figures(result: PublishedResult, catalogue: Catalogue, locale: Locale) {
	const t = REPORT_TEXT[locale];
	const { item } = labels(catalogue, surveyCoreLocale(locale));
	return {
		items: catalogue.scales.map((s): LabelledFigure<ScaleSummary> => ({
			label: item(s.key),
			figure: result.scales[s.key]!,
			group: t.sectionNames[s.section] ?? s.section
		})),
		sections: catalogue.sections.map((s): LabelledFigure<IndexSummary> => ({ label: t.sectionNames[s] ?? s, figure: result.sections[s]! })),
		criteria: catalogue.criteria.map((c): LabelledFigure<IndexSummary> => ({ label: t.criterionNames[c] ?? c, figure: result.criteria[c]! }))
	};
}
