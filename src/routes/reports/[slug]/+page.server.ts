import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { listRegions } from '$lib/server/distribution/reference-repository.ts';
import { publishedResults } from '$lib/server/analysis/publication.ts';
import { buildResultsView } from '$lib/server/analysis/report/results-view.ts';
import { localize } from '$lib/domain/analysis/catalogue';
import { LOCALES, LOCALE_NATIVE_NAMES, surveyCoreLocale, toLocale } from '$lib/domain/locales';
import { toHttpError } from '../../admin/results/[slug]/analysis-errors';

/** The public, suppressed dashboard from the latest results release; no sign-in, any of the six languages with ?lang=. */
export const load: PageServerLoad = async ({ params, url }) => {
	const locale = toLocale(url.searchParams.get('lang'));
	try {
		const db = getDb();
		const [{ publishedAt, release, results }, regions] = await Promise.all([publishedResults(db, params.slug, 'region'), listRegions(db)]);
		const regionNames = Object.fromEntries(regions.map((r) => [r.code, r.name[locale] ?? r.name.en ?? r.code]));
		const common = { locale, dir: (locale === 'ar' ? 'rtl' : 'ltr') as 'rtl' | 'ltr', slug: params.slug, publishedAt: publishedAt.slice(0, 10), languages: LOCALES.map((l) => ({ code: l, name: LOCALE_NATIVE_NAMES[l] })) };
		if (!release || !results) return { ...common, title: null, release: null, results: null };
		return {
			...common,
			title: results.surveyTitle ? localize(results.surveyTitle, surveyCoreLocale(locale)) : results.edition.title,
			release: { number: release.number, releasedAt: release.releasedAt.slice(0, 10) },
			results: {
				minCount: results.minCount,
				respondents: results.overall.respondents,
				rates: results.rates.map((r) => ({ ...r, label: regionNames[r.region] ?? r.region })),
				view: buildResultsView(results, locale, regionNames)
			}
		};
	} catch (e) {
		toHttpError(e);
	}
};
