import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { listRegions } from '$lib/server/repositories/reference';
import { publishedResults } from '$lib/server/services/analysis-publication-service';
import { buildResultsView } from '$lib/server/reports/results-view';
import { localize } from '$lib/domain/analysis/catalogue';
import { LOCALES, LOCALE_NATIVE_NAMES, surveyCoreLocale, toLocale } from '$lib/domain/locales';
import { toHttpError } from '../../admin/results/[slug]/analysis-errors';

/** The public, suppressed dashboard; no sign-in, any of the six languages with ?lang=. */
export const load: PageServerLoad = async ({ params, url }) => {
	const locale = toLocale(url.searchParams.get('lang'));
	try {
		const db = getDb();
		const [results, regions] = await Promise.all([publishedResults(db, params.slug, 'region'), listRegions(db)]);
		const regionNames = Object.fromEntries(regions.map((r) => [r.code, r.name[locale] ?? r.name.en ?? r.code]));
		return {
			locale,
			dir: (locale === 'ar' ? 'rtl' : 'ltr') as 'rtl' | 'ltr',
			slug: params.slug,
			title: results.surveyTitle ? localize(results.surveyTitle, surveyCoreLocale(locale)) : results.edition.title,
			publishedAt: results.publishedAt.slice(0, 10),
			minCount: results.minCount,
			respondents: results.overall.respondents,
			rates: results.rates.map((r) => ({ ...r, label: regionNames[r.region] ?? r.region })),
			view: buildResultsView(results, locale, regionNames),
			languages: LOCALES.map((l) => ({ code: l, name: LOCALE_NATIVE_NAMES[l] }))
		};
	} catch (e) {
		toHttpError(e);
	}
};
