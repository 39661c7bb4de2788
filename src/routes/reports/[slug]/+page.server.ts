import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { errorFrom } from '$lib/server/http/errors';
import { PUBLIC_BREAKDOWNS, publicDashboard } from '$lib/server/analysis/pages.ts';
import { toLocale } from '$lib/domain/locales';

/** The public, suppressed dashboard from the latest results release; no sign-in, any of the six languages with ?lang=. */
export const load: PageServerLoad = async ({ params, url }) => {
	const locale = toLocale(url.searchParams.get('lang'));
	// Member category is a breakdown of its own beside region, office and Sector (Resolution 25 names the categories).
	const asked = url.searchParams.get('by');
	const by = PUBLIC_BREAKDOWNS.find((d) => d === asked) ?? 'region';
	try {
		return await publicDashboard(getDb(), params.slug, by, locale);
	} catch (e) {
		errorFrom(e);
	}
};
