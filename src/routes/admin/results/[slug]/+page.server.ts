import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db/instance';
import { requireUser } from '$lib/server/access/guard.ts';
import { edgeFailure, errorFrom, failFrom } from '$lib/server/http/errors';
import { field, parseForm } from '$lib/server/http/form';
import { guarded } from '$lib/server/http/guarded';
import { resultsPage } from '$lib/server/analysis/pages.ts';
import { ReleaseRefusedError, releaseResults } from '$lib/server/analysis/releases.ts';
import { generateCouncilReports } from '$lib/server/analysis/report/report-service.ts';
import { importWave } from '$lib/server/analysis/waves/waves.ts';
import { setPublication } from '$lib/server/analysis/releases/publication.ts';
import { LOCALES } from '$lib/domain/locales';

/** A refused release names its cells; past this many the page says how many more. */
const REFUSED_CELLS_SHOWN = 20;

export const load: PageServerLoad = async ({ params, url, locals }) => {
	// The layout redirects too, but layout and page loads run in parallel.
	const user = requireUser(locals);
	const request = { by: url.searchParams.get('by'), rows: url.searchParams.get('rows'), columns: url.searchParams.get('columns') };
	try {
		return await resultsPage(getDb(), params.slug, user, request);
	} catch (e) {
		errorFrom(e);
	}
};

const reportForm = z.object({ locale: field.text() });
const publishForm = z.object({ publish: field.text() });
const waveForm = z.object({ label: field.text(), file: field.file() });

/** The services check each role again; the page has always answered refusals of reports, publication and waves with 400. */
export const actions: Actions = {
	release: guarded('signed-in', async ({ params }, user) => {
		try {
			return { released: (await releaseResults(getDb(), params.slug, user)).number };
		} catch (e) {
			const { status, message } = edgeFailure(e);
			const refused =
				e instanceof ReleaseRefusedError
					? {
							minCount: e.minCount,
							cells: e.violations.slice(0, REFUSED_CELLS_SHOWN).map((v) => ({ cell: v.cell, changed: v.changed, release: v.release })),
							more: Math.max(0, e.violations.length - REFUSED_CELLS_SHOWN)
						}
					: undefined;
			return fail(status === 403 ? 403 : 409, { releaseMessage: message, ...(refused ? { refused } : {}) });
		}
	}),
	report: guarded('analysis.manage', async ({ params, request }, user) => {
		const parsed = await parseForm(request, reportForm, { status: 400 });
		if (!parsed.ok) return parsed.failure;
		const locales = parsed.data.locale === 'all' ? [...LOCALES] : [parsed.data.locale];
		try {
			// One report per language, all from one load of the release (report-service.ts).
			await generateCouncilReports(getDb(), params.slug, locales, user.email);
		} catch (e) {
			return failFrom(e, {}, { refusal: 400 });
		}
		return { generated: locales.length };
	}),
	publish: guarded('signed-in', async ({ params, request }, user) => {
		const parsed = await parseForm(request, publishForm, { status: 400 });
		if (!parsed.ok) return parsed.failure;
		const publish = parsed.data.publish === '1';
		try {
			await setPublication(getDb(), params.slug, publish, user);
		} catch (e) {
			return failFrom(e, {}, { refusal: 400 });
		}
		return { published: publish };
	}),
	wave: guarded('analysis.manage', async ({ params, request }, user) => {
		const parsed = await parseForm(request, waveForm, { status: 400 });
		if (!parsed.ok) return parsed.failure;
		const { file, label } = parsed.data;
		if (!file) return fail(400, { message: 'Choose a CSV or XLSX file.' });
		try {
			const { items } = await importWave(getDb(), params.slug, { label, filename: file.name, content: Buffer.from(await file.arrayBuffer()) }, user.email);
			return { imported: items };
		} catch (e) {
			return failFrom(e, {}, { refusal: 400 });
		}
	})
};
