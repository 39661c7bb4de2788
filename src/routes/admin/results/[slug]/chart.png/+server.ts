import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db/instance';
import { viewerFor } from '$lib/server/analysis/results.ts';
import { resultsForViewer } from '$lib/server/analysis/releases.ts';
import { renderMeanBarChart } from '$lib/server/analysis/report/charts.ts';
import { REPORT_TEXT } from '$lib/server/analysis/report/report-text.ts';
import { isSuppressed } from '$lib/domain/analysis/suppression';
import { toLocale } from '$lib/domain/locales';
import { toHttpError } from '../analysis-errors';

const SCALE_MAX = 5;

/** The section index chart, drawn on the server from the figures the viewer may see. */
export const GET: RequestHandler = async ({ params, locals }) => {
	if (!locals.user) error(401, { message: 'sign in first' });
	const locale = toLocale(locals.user.language);
	try {
		// Live for raw-data rights, the latest release for everyone else.
		const { results } = await resultsForViewer(getDb(), params.slug, viewerFor(locals.user));
		if (!results) error(404, { message: 'no results released yet' });
		const names = REPORT_TEXT[locale].sectionNames;
		const data = results.catalogue.sections.map((s) => {
			const f = results.overall.sections[s]!;
			return { label: names[s] ?? s, value: isSuppressed(f) ? null : f.mean };
		});
		const png = renderMeanBarChart(data, { max: SCALE_MAX, rtl: locale === 'ar' });
		return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png', 'cache-control': 'private, no-store' } });
	} catch (e) {
		toHttpError(e);
	}
};
