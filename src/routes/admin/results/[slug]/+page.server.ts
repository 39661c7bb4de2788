import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { listRegions } from '$lib/server/distribution/reference-repository.ts';
import { canGenerateReports, canReadReports, viewerFor } from '$lib/server/analysis/results.ts';
import { listReleases, ReleaseRefusedError, releaseResults, resultsForViewer } from '$lib/server/analysis/releases.ts';

/** A refused release names its cells; past this many the page says how many more. */
const REFUSED_CELLS_SHOWN = 20;
import { generateCouncilReport, listReports } from '$lib/server/analysis/report/report-service.ts';
import { buildResultsView } from '$lib/server/analysis/report/results-view.ts';
import { importWave } from '$lib/server/analysis/waves.ts';
import { publicationOf, setPublication } from '$lib/server/analysis/publication.ts';
import { DIMENSIONS } from '$lib/domain/analysis/dimensions';
import { LOCALES, LOCALE_NATIVE_NAMES, surveyCoreLocale, toLocale } from '$lib/domain/locales';
import { localize } from '$lib/domain/analysis/catalogue';
import { DomainError } from '$lib/domain/errors';
import { toHttpError } from './analysis-errors';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	// The layout redirects too, but layout and page loads run in parallel.
	if (!locals.user) redirect(303, '/login');
	const locale = toLocale(locals.user.language);
	const request = { by: url.searchParams.get('by'), rows: url.searchParams.get('rows'), columns: url.searchParams.get('columns') };
	try {
		const db = getDb();
		const viewer = viewerFor(locals.user);
		// Readers without raw-data rights get the latest release, never a live query.
		const [{ edition, release, results, waves }, regions] = await Promise.all([resultsForViewer(db, params.slug, viewer, request), listRegions(db)]);
		const regionNames = Object.fromEntries(regions.map((r) => [r.code, r.name[locale] ?? r.name.en ?? r.code]));
		const common = {
			locale,
			rawData: viewer.rawData,
			region: viewer.region === null ? null : (regionNames[viewer.region] ?? viewer.region),
			release,
			releases: viewer.rawData ? await listReleases(db, params.slug) : [],
			request,
			dimensions: [...DIMENSIONS],
			reports: canReadReports(locals.user.role) ? await listReports(db, params.slug) : null,
			canGenerate: canGenerateReports(locals.user.role),
			languages: LOCALES.map((l) => ({ code: l, name: LOCALE_NATIVE_NAMES[l] }))
		};
		if (!results) return { ...common, edition, results: null, publication: await publicationOf(db, params.slug) };
		return {
			...common,
			edition: { ...edition, title: results.surveyTitle ? localize(results.surveyTitle, surveyCoreLocale(locale)) : edition.title },
			results: {
				minCount: results.minCount,
				respondents: results.overall.respondents,
				lastSubmittedAt: results.lastSubmittedAt,
				rates: results.rates.map((r) => ({ ...r, label: regionNames[r.region] ?? r.region })),
				view: buildResultsView(results, locale, regionNames),
				waves
			},
			publication: await publicationOf(db, params.slug)
		};
	} catch (e) {
		toHttpError(e);
	}
};

export const actions: Actions = {
	release: async ({ params, locals }) => {
		if (!locals.user) redirect(303, '/login');
		try {
			const release = await releaseResults(getDb(), params.slug, locals.user);
			return { released: release.number };
		} catch (e) {
			if (e instanceof ReleaseRefusedError)
				return fail(409, {
					releaseMessage: e.message,
					refused: {
						minCount: e.minCount,
						cells: e.violations.slice(0, REFUSED_CELLS_SHOWN).map((v) => ({ cell: v.cell, changed: v.changed, release: v.release })),
						more: Math.max(0, e.violations.length - REFUSED_CELLS_SHOWN)
					}
				});
			if (e instanceof DomainError) return fail(e.code === 'forbidden' ? 403 : 409, { releaseMessage: e.message });
			throw e;
		}
	},
	report: async ({ params, request, locals }) => {
		if (!locals.user) redirect(303, '/login');
		if (!canGenerateReports(locals.user.role)) return fail(403, { message: 'Only analysts and administrators generate Council reports.' });
		const choice = String((await request.formData()).get('locale') ?? '');
		const locales = choice === 'all' ? [...LOCALES] : [choice];
		try {
			for (const l of locales) await generateCouncilReport(getDb(), params.slug, l, locals.user.email);
		} catch (e) {
			if (e instanceof DomainError) return fail(400, { message: e.message });
			throw e;
		}
		return { generated: locales.length };
	},
	publish: async ({ params, request, locals }) => {
		if (!locals.user) redirect(303, '/login');
		const publish = (await request.formData()).get('publish') === '1';
		try {
			await setPublication(getDb(), params.slug, publish, locals.user);
		} catch (e) {
			if (e instanceof DomainError) return fail(e.code === 'forbidden' ? 403 : 400, { message: e.message });
			throw e;
		}
		return { published: publish };
	},
	wave: async ({ params, request, locals }) => {
		if (!locals.user) redirect(303, '/login');
		if (!canGenerateReports(locals.user.role)) return fail(403, { message: 'Only analysts and administrators import previous editions.' });
		const form = await request.formData();
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { message: 'Choose a CSV or XLSX file.' });
		try {
			const { items } = await importWave(
				getDb(),
				params.slug,
				{ label: String(form.get('label') ?? ''), filename: file.name, content: Buffer.from(await file.arrayBuffer()) },
				locals.user.email
			);
			return { imported: items };
		} catch (e) {
			if (e instanceof DomainError) return fail(400, { message: e.message, details: 'details' in e ? [...(e.details as string[])] : [] });
			throw e;
		}
	}
};
