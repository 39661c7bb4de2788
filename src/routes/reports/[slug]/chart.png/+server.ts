import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/instance';
import { publishedResults } from '$lib/server/analysis/releases/publication.ts';
import { meanIntervalChart } from '$lib/server/analysis/report/charts/charts.ts';
import { buildResultsView, sectionChartInput } from '$lib/server/analysis/report/results-view.ts';
import { toLocale } from '$lib/domain/locales';
import { errorFrom } from '$lib/server/http/errors';

/** The public dashboard's section chart (means with 95% intervals): the latest release's (suppressed) figures only. */
export const GET: RequestHandler = async ({ params, url }) => {
	const locale = toLocale(url.searchParams.get('lang'));
	try {
		const { results } = await publishedResults(getDb(), params.slug);
		if (!results) error(404, { message: 'no results released yet' });
		const { png } = await meanIntervalChart(sectionChartInput(buildResultsView(results, locale, {}).sections), locale);
		return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=300' } });
	} catch (e) {
		errorFrom(e);
	}
};
