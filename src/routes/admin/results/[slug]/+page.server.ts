import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { listRegions } from '$lib/server/repositories/reference';
import { canGenerateReports, canReadReports, editionResults, viewerFor } from '$lib/server/services/analysis-service';
import { generateCouncilReport, listReports } from '$lib/server/services/analysis-report-service';
import { buildResultsView } from '$lib/server/reports/results-view';
import { compareWaves, importWave } from '$lib/server/services/analysis-wave-service';
import { publicationOf, setPublication } from '$lib/server/services/analysis-publication-service';
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
		const [results, regions, waves] = await Promise.all([editionResults(db, params.slug, viewer, request), listRegions(db), compareWaves(db, params.slug, viewer)]);
		const regionNames = Object.fromEntries(regions.map((r) => [r.code, r.name[locale] ?? r.name.en ?? r.code]));
		return {
			locale,
			edition: { ...results.edition, title: results.surveyTitle ? localize(results.surveyTitle, surveyCoreLocale(locale)) : results.edition.title },
			minCount: results.minCount,
			rawData: viewer.rawData,
			region: viewer.region === null ? null : (regionNames[viewer.region] ?? viewer.region),
			respondents: results.overall.respondents,
			lastSubmittedAt: results.lastSubmittedAt,
			rates: results.rates.map((r) => ({ ...r, label: regionNames[r.region] ?? r.region })),
			view: buildResultsView(results, locale, regionNames),
			request,
			dimensions: [...DIMENSIONS],
			reports: canReadReports(locals.user.role) ? await listReports(db, params.slug) : null,
			canGenerate: canGenerateReports(locals.user.role),
			waves,
			publication: await publicationOf(db, params.slug),
			languages: LOCALES.map((l) => ({ code: l, name: LOCALE_NATIVE_NAMES[l] }))
		};
	} catch (e) {
		toHttpError(e);
	}
};

export const actions: Actions = {
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
			const { items } = await importWave(getDb(), params.slug, { label: String(form.get('label') ?? ''), filename: file.name, content: Buffer.from(await file.arrayBuffer()) }, locals.user.email);
			return { imported: items };
		} catch (e) {
			if (e instanceof DomainError) return fail(400, { message: e.message, details: 'details' in e ? [...(e.details as string[])] : [] });
			throw e;
		}
	}
};
