// bench/analysis: the pure aggregation over synthetic submitted responses of the 2026
// questionnaire: one overall aggregate, a breakdown by each dimension, and the same
// with minimum-count suppression; against a baseline pass in the same run that only
// reads every rating once (the least any aggregation must do).
import { readFileSync } from 'node:fs';
import { buildCatalogue } from '../src/lib/domain/analysis/catalogue.ts';
import { aggregate, scaleAnswer, type Respondent } from '../src/lib/domain/analysis/aggregate.ts';
import { breakdown, DIMENSIONS } from '../src/lib/domain/analysis/dimensions.ts';
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

/** Median of `runs` timings of fn, in ms. */
function time(fn: () => unknown, runs = 5): number {
	const t: number[] = [];
	for (let i = 0; i < runs; i++) {
		const s = performance.now();
		fn();
		t.push(performance.now() - s);
	}
	return t.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

console.log('responses  baseline(read every rating)  aggregate  ratio  5 breakdowns  ratio');
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
	const breakdowns = time(() => DIMENSIONS.map((d) => breakdown(catalogue, data, d)), 3);
	console.log(
		`${String(n).padStart(9)}  ${baseline.toFixed(1).padStart(12)} ms  ${overall.toFixed(1).padStart(14)} ms  ${(overall / baseline).toFixed(2).padStart(5)}  ${breakdowns.toFixed(1).padStart(9)} ms  ${(breakdowns / baseline).toFixed(2).padStart(5)}`
	);
}
