// bench/analysis: the pure aggregation over synthetic submitted responses of the 2026
// questionnaire: one overall aggregate, a breakdown by each dimension, and the same
// with minimum-count suppression; against a baseline pass in the same run that only
// reads every rating once (the least any aggregation must do). The one pass
// (domain/analysis/one-pass.ts) computes the overall result and every breakdown (region,
// category, office, Sector, language; each with its section and criterion indices) reading
// each response once; "release" is all a results release computes (the above, the ten
// cross-tabulations and each region's own breakdowns). Target (issue 16): ≤ 1 s for 100,000.
import { readFileSync } from 'node:fs';
import { buildCatalogue } from '../src/lib/domain/analysis/catalogue.ts';
import { aggregate, scaleAnswer, type Respondent } from '../src/lib/domain/analysis/aggregate.ts';
import { breakdown, crossTab, DIMENSIONS } from '../src/lib/domain/analysis/dimensions.ts';
import { aggregateAll } from '../src/lib/domain/analysis/one-pass.ts';
import { seededRandom, syntheticAnswers } from '../src/lib/domain/analysis/synthetic.ts';

const COUNTS = (process.env.COUNTS ?? '1200,10000,100000').split(',').map(Number);
const REGIONS = ['AFR', 'AMS', 'ARB', 'ASP', 'CIS', 'EUR'];
const KINDS = ['member_state', 'sector_member', 'associate', 'academia', 'rto'];
const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

const catalogue = buildCatalogue(JSON.parse(readFileSync(new URL('../surveys/regional-presence-2026.json', import.meta.url), 'utf8')));

function respondents(n: number): Respondent[] {
	const random = seededRandom(2026);
	return Array.from({ length: n }, (_, i) => ({
		id: String(i),
		answers: syntheticAnswers(catalogue, random),
		region: REGIONS[i % REGIONS.length]!,
		category: KINDS[i % KINDS.length]!,
		sectors: i % 3 === 0 ? [] : ['itu_d'],
		language: LANGS[i % LANGS.length]!
	}));
}

/**
 * Median of `runs` timings of fn, in ms: wall-clock time, or with CLOCK=cpu this process's
 * CPU time (user + system), which a shared, loaded machine disturbs much less.
 */
const CPU_CLOCK = process.env.CLOCK === 'cpu';
function now(): number {
	if (!CPU_CLOCK) return performance.now();
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
}
function time(fn: () => unknown, runs = 5): number {
	const t: number[] = [];
	for (let i = 0; i < runs; i++) {
		const s = now();
		fn();
		t.push(now() - s);
	}
	return t.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const TARGET_MS = 1000;
const pad = (x: number | string, n: number) => (typeof x === 'number' ? x.toFixed(1) : x).padStart(n);
console.log('responses  baseline  aggregate  ratio  5 breakdowns (old)  ratio  one pass, all breakdowns  ratio  speed-up  target  | release: old  one pass');
for (const n of COUNTS) {
	const data = respondents(n);
	const baseline = time(() => {
		let sum = 0;
		for (const r of data)
			for (const item of catalogue.scales) {
				const v = scaleAnswer(item, r.answers);
				if (typeof v === 'number') sum += v;
			}
		return sum;
	});
	const overall = time(() => aggregate(catalogue, data));
	const old = time(() => DIMENSIONS.map((d) => breakdown(catalogue, data, d)), 3);
	const onePass = time(() => {
		const all = aggregateAll(catalogue, data);
		// Finished results, as the callers read them.
		return DIMENSIONS.map((d) => all.breakdown(d));
	});
	// What buildSnapshot computes, without the suppression both paths share.
	const releaseOld =
		n > 10000
			? null
			: time(() => {
					const out = [aggregate(catalogue, data), ...DIMENSIONS.map((d) => breakdown(catalogue, data, d))];
					for (const a of DIMENSIONS) for (const b of DIMENSIONS) if (a !== b) out.push(crossTab(catalogue, data, a, b));
					for (const code of REGIONS) {
						const own = data.filter((r) => r.region === code);
						out.push(aggregate(catalogue, own), ...DIMENSIONS.map((d) => breakdown(catalogue, own, d)));
					}
					return out;
				}, 1);
	const releaseOne = time(() => {
		const all = aggregateAll(catalogue, data, { crossTabs: true, partOf: (r) => r.region });
		const out: unknown[] = [all.overall, ...DIMENSIONS.map((d) => all.breakdown(d))];
		for (const a of DIMENSIONS) for (const b of DIMENSIONS) if (a !== b) out.push(all.crossTab(a, b));
		for (const code of REGIONS) out.push(all.part(code).overall, ...DIMENSIONS.map((d) => all.part(code).breakdown(d)));
		return out;
	}, 3);
	console.log(`clock: ${CPU_CLOCK ? 'CPU time of this process' : 'wall'}`);
	console.log(
		`${pad(String(n), 9)}  ${pad(baseline, 5)} ms  ${pad(overall, 6)} ms  ${pad(overall / baseline, 5)}  ${pad(old, 15)} ms  ${pad(old / baseline, 5)}  ${pad(onePass, 21)} ms  ${pad(onePass / baseline, 5)}  ${pad(old / onePass, 7)}×  ${onePass <= TARGET_MS || n < 100000 ? (n < 100000 ? '    -' : '   ok') : ' MISS'}  | ${pad(releaseOld === null ? '(skipped)' : releaseOld.toFixed(0) + ' ms', 12)}  ${pad(releaseOne.toFixed(0) + ' ms', 8)}`
	);
}
