import type { CouncilSection } from '../../../domain/report/council-outline.ts';
import { isSuppressed, type Masked } from '../../../domain/analysis/suppression.ts';
import type { ScaleSummary } from '../../../domain/analysis/stats.ts';
import type { IndexSummary } from '../../../domain/analysis/aggregate.ts';
import { renderMeanBarChart } from './charts.ts';
import type { ReportModel } from './council-docx.ts';

/**
 * The one place where the Council report asks for its charts, section by section (3 to 8). The chart
 * functions themselves live in charts.ts; richer ones (diverging stacked bars of the distribution, dot
 * plots with intervals, paired dots for the comparison) plug in here without touching the document.
 */
export interface ReportChart {
	title: string;
	png: Buffer;
}

const SCALE_MAX = 5;
const meanOf = (f: Masked<ScaleSummary | IndexSummary> | null) => (f === null || isSuppressed(f) ? null : f.mean);

export function sectionCharts(
	section: CouncilSection,
	model: ReportModel,
	titles: { overallBy: (dimension: string) => string; dimension: Record<'category' | 'region' | 'office', string> }
): ReportChart[] {
	const rtl = model.locale === 'ar';
	const bars = (title: string, data: { label: string; value: number | null }[]): ReportChart[] =>
		data.length ? [{ title, png: renderMeanBarChart(data, { max: SCALE_MAX, rtl }) }] : [];
	switch (section) {
		case 'overall':
			return bars(
				model.itemsTitle,
				model.items.map((i) => ({ label: i.label, value: meanOf(i.figure) }))
			);
		case 'category':
		case 'region':
		case 'office':
			return bars(
				titles.overallBy(titles.dimension[section]),
				model.groups[section].map((g) => ({ label: g.label, value: meanOf(g.overall) }))
			);
		case 'criterion':
			return bars(
				model.criteriaTitle,
				model.criteria.map((c) => ({ label: c.label, value: meanOf(c.figure) }))
			);
		case 'comparison':
			return model.wave
				? bars(
						model.wave.title,
						model.wave.rows.flatMap((r) => [
							{ label: `${r.label} (${model.wave!.label})`, value: r.previous },
							{ label: r.label, value: r.current }
						])
					)
				: [];
		default:
			return [];
	}
}
