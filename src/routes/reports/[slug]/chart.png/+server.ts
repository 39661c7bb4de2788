import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/instance';
import { publishedResults } from '$lib/server/analysis/publication.ts';
import { renderMeanBarChart } from '$lib/server/analysis/report/charts.ts';
import { REPORT_TEXT } from '$lib/server/analysis/report/report-text.ts';
import { isSuppressed } from '$lib/domain/analysis/suppression';
import { toLocale } from '$lib/domain/locales';
import { toHttpError } from '../../../admin/results/[slug]/analysis-errors';

const SCALE_MAX = 5;

/** The public dashboard's section chart: the latest release's (suppressed) figures only. */
export const GET: RequestHandler = async ({ params, url }) => {
	const locale = toLocale(url.searchParams.get('lang'));
	try {
		const { results } = await publishedResults(getDb(), params.slug);
		if (!results) error(404, { message: 'no results released yet' });
		const names = REPORT_TEXT[locale].sectionNames;
		const data = results.catalogue.sections.map((s) => {
			const f = results.overall.sections[s]!;
			return { label: names[s] ?? s, value: isSuppressed(f) ? null : f.mean };
		});
		return new Response(new Uint8Array(renderMeanBarChart(data, { max: SCALE_MAX, rtl: locale === 'ar' })), { headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=300' } });
	} catch (e) {
		toHttpError(e);
	}
};
