import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/instance';
import { viewerFor } from '$lib/server/analysis/results.ts';
import { resultsForViewer } from '$lib/server/analysis/releases.ts';
import { meanIntervalChart } from '$lib/server/analysis/report/charts/charts.ts';
import { buildResultsView, sectionChartInput } from '$lib/server/analysis/report/results-view.ts';
import { toLocale } from '$lib/domain/locales';
import { errorFrom } from '$lib/server/http/errors';

/** The section chart (means with 95% intervals), drawn on the server from the figures the viewer may see. */
export const GET: RequestHandler = async ({ params, locals }) => {
	if (!locals.user) error(401, { message: 'sign in first' });
	const locale = toLocale(locals.user.language);
	try {
		// Live for raw-data rights, the latest release for everyone else.
		const { results } = await resultsForViewer(getDb(), params.slug, viewerFor(locals.user));
		if (!results) error(404, { message: 'no results released yet' });
		const { png } = await meanIntervalChart(sectionChartInput(buildResultsView(results, locale, {}).sections), locale);
		return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png', 'cache-control': 'private, no-store' } });
	} catch (e) {
		errorFrom(e);
	}
};
