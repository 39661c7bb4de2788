// bench/report: the Council report for 100,000 responses in the six languages (issue 16,
// item 6; target ≤ 5 s). A fresh SQLite database through the real migrations and bootstrap
// (the 2026 edition, regions, questionnaire); a results release of N synthetic submitted
// responses built by the release code (buildSnapshot: one pass over the responses, then
// suppression) and stored as releaseResults stores it; then generateCouncilReport, the
// function the report route calls: the six languages in one generation (laid out in worker threads),
// then one by one (each on this thread, the figure before the threads). The baseline in the same run
// is one language. Run: node bench/report.ts (N=100000; CLOCK=cpu gives the process's CPU time,
// the worker threads' included, so it shows the work, not the parallel gain).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '../src/lib/server/db/create-db.ts';
import { migrateToLatest } from '../src/lib/server/db/migrate.ts';
import { newId, nowIso } from '../src/lib/server/db/ids.ts';
import { bootstrap } from '../src/lib/server/platform/bootstrap.ts';
import { loadConfig } from '../src/lib/server/platform/config.ts';
import { loadEditionData } from '../src/lib/server/analysis/data.ts';
import { buildSnapshot } from '../src/lib/server/analysis/releases/snapshot.ts';
import { listRegions } from '../src/lib/server/distribution/reference.ts';
import { generateCouncilReport, generateCouncilReports } from '../src/lib/server/analysis/report/report-service.ts';
import { LOCALES } from '../src/lib/domain/locales.ts';
import type { Respondent } from '../src/lib/domain/analysis/aggregate.ts';
import { seededRandom, syntheticAnswers } from '../src/lib/domain/analysis/synthetic.ts';

const N = Number(process.env.N ?? 100000);
const SLUG = 'rp-2026';
const TARGET_MS = 5000;
const MIN_COUNT = 5;
const CPU_CLOCK = process.env.CLOCK === 'cpu';
const now = () => {
	if (!CPU_CLOCK) return performance.now();
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
};
async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
	const s = now();
	const value = await fn();
	return [value, now() - s];
}

const dir = mkdtempSync(join(tmpdir(), 'rps-bench-report-'));
const db = createDb(join(dir, 'survey.db'));
try {
	await migrateToLatest(db);
	await bootstrap(db, loadConfig({ DATABASE_URL: 'unused', ADMIN_PASSWORD: 'a long enough password', PUBLIC_URL: 'http://survey.test' }), () => {});
	const data = await loadEditionData(db, SLUG);
	const { catalogue } = data;
	const regions = (await listRegions(db)).map((r) => r.code);
	const choices = (name: string) =>
		catalogue.choices
			.find((c) => c.name === name)
			?.choices.map((c) => c.value)
			.filter((v) => v !== 'none') ?? [];
	const [categories, sectors, offices] = [
		choices('respondent_category'),
		choices('sectors_involved'),
		catalogue.choices.find((c) => c.name === 'offices_dealt_with')
	];
	// The responses live only while the release is built, as in the server (the report reads the stored release).
	const release = () => {
		const random = seededRandom(2026);
		const respondents: Respondent[] = Array.from({ length: N }, (_, i) => {
			const category = categories[i % categories.length]!;
			return {
				id: String(i),
				answers: syntheticAnswers(catalogue, random, { fixed: { respondent_category: category } }),
				region: regions[i % regions.length]!,
				category,
				sectors: category === 'member_state' ? [] : sectors.filter(() => random() < 0.4),
				language: LOCALES[i % LOCALES.length]!
			};
		});
		const rates = regions.map((region) => ({
			region,
			invited: Math.ceil(N / regions.length / 0.85),
			opened: 0,
			started: 0,
			submitted: Math.ceil(N / regions.length)
		}));
		const total = rates.reduce((t, r) => ({ ...t, invited: t.invited + r.invited, submitted: t.submitted + r.submitted }), {
			region: 'total',
			invited: 0,
			opened: 0,
			started: 0,
			submitted: 0
		});
		const groupRate = (keys: string[]) => keys.map((key) => ({ key, invited: Math.round(N / keys.length / 0.85), submitted: Math.round(N / keys.length) }));

		// The release: what releaseResults computes and stores (its queries aside).
		return timed(() =>
			JSON.stringify(
				buildSnapshot({
					data: { ...data, respondents, lastSubmittedAt: nowIso() },
					minCount: MIN_COUNT,
					rates: [...rates, total],
					regionCodes: regions,
					officeCodes: offices?.choices.map((c) => c.value) ?? [],
					waves: [],
					themes: [
						{ name: 'Funding', count: 120 },
						{ name: 'Language', count: 80 },
						{ name: 'Staff', count: null }
					],
					groupRates: { category: groupRate(categories), sector: groupRate(sectors) }
				})
			)
		);
	};
	const [viewsJson, releaseMs] = await release();
	await db
		.insertInto('analysis_release')
		.values({
			id: newId(),
			edition_id: data.edition.id,
			number: 1,
			released_at: nowIso(),
			released_by: 'bench',
			respondents: N,
			min_count: MIN_COUNT,
			last_submitted_at: nowIso(),
			views_json: viewsJson,
			views_sha256: createHash('sha256').update(viewsJson).digest('hex'),
			basis_json: JSON.stringify({ figures: [], lines: [] })
		})
		.execute();

	const [, baselineMs] = await timed(() => generateCouncilReport(db, SLUG, 'en', 'bench'));
	// The six languages as the route and the CLI ask for them: one load, laid out in worker threads.
	const [, sixMs] = await timed(() => generateCouncilReports(db, SLUG, LOCALES, 'bench'));
	// The same six one by one (each on this thread): the single-thread figure of before, in the same run.
	const perLanguage: string[] = [];
	const [, oneByOneMs] = await timed(async () => {
		for (const locale of LOCALES) {
			const [, ms] = await timed(() => generateCouncilReport(db, SLUG, locale, 'bench'));
			perLanguage.push(`${locale} ${ms.toFixed(0)}`);
		}
	});
	const sizes = await db.selectFrom('analysis_report').select(['locale', 'content_base64']).execute();
	const kb = Math.round(sizes.reduce((s, r) => s + (r.content_base64.length * 3) / 4, 0) / sizes.length / 1024);
	console.log(
		`clock: ${CPU_CLOCK ? 'CPU time of this process' : 'wall'}; ${N} responses; release snapshot ${Math.round(viewsJson.length / 1024)} KB; a report about ${kb} KB`
	);
	console.log(`release (aggregation + suppression + JSON)      ${releaseMs.toFixed(0).padStart(7)} ms`);
	console.log(`baseline: the report in one language (en, first) ${baselineMs.toFixed(0).padStart(6)} ms`);
	console.log(
		`the report in six languages, one generation     ${sixMs.toFixed(0).padStart(6)} ms  target ≤ ${TARGET_MS} ms  ${sixMs <= TARGET_MS ? 'ok' : 'MISS'}; ratio to one language ${(sixMs / baselineMs).toFixed(1)}`
	);
	console.log(
		`the six one by one, on this thread (as before)  ${oneByOneMs.toFixed(0).padStart(6)} ms  (${perLanguage.join(', ')} ms); one generation / one by one ${(sixMs / oneByOneMs).toFixed(2)}`
	);
	console.log(
		`release + six languages                        ${(releaseMs + sixMs).toFixed(0).padStart(7)} ms  ${releaseMs + sixMs <= TARGET_MS ? 'ok' : 'MISS'}`
	);
} finally {
	await db.destroy();
	rmSync(dir, { recursive: true, force: true });
}
// bootstrap started the background work (timers): stop with the process.
process.exit(0);
