// Time until the first question can be answered on a slow network: Chromium's network
// emulation (250 kbit/s down and up, 300 ms round trip latency), cold cache, ours vs the
// same questionnaire in stock SurveyJS, both through one gzip proxy.
//   node bench/slow-network.ts [runs]           (after `npx vite build`; runs default 3)
// "Answerable" = the first radio input of the first question is laid out, visible and
// enabled, seen in a requestAnimationFrame callback (frames do not run while render-blocking
// CSS is pending), timed with performance.now() from the start of the navigation.
// Exits 0 after printing (PASS or MISS); non-zero only when the measurement itself failed.
import { setUp } from './lib/harness.ts';
import { loadOnce, type Target, type Throttle } from './lib/measure.ts';

const RUNS = Math.max(1, Number(process.argv[2] ?? 3) || 3);
const THROTTLE: Throttle = {
	downloadThroughput: 250_000 / 8, // 250 kbit/s in bytes/s
	uploadThroughput: 250_000 / 8,
	latency: 300 // ms, added by Chromium to each request (request sent → response headers)
};
// Issue 16 item 5: ≤ 0.70 s (the physical floor on this link is about 0.68 s: connection,
// request and the document's transfer); the earlier target was 2 s.
const TARGET_MS = 700;

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
	const bench = await setUp();
	try {
		const targets: Target[] = [
			{ name: 'ours', url: bench.ours, questionSelector: '.question' },
			{ name: 'reference', url: bench.reference, questionSelector: '.sd-question' }
		];
		const times: Record<string, number[]> = { ours: [], reference: [] };
		const wall: Record<string, number[]> = { ours: [], reference: [] };
		console.log(`Slow network — time until the first question can be answered; Chromium ${bench.browser.version()}`);
		console.log(
			`emulation: ${(THROTTLE.downloadThroughput * 8) / 1000} kbit/s down, ${(THROTTLE.uploadThroughput * 8) / 1000} kbit/s up, ${THROTTLE.latency} ms latency; cold cache (new context, cache disabled); ${RUNS} runs each, alternating`
		);
		for (let i = 1; i <= RUNS; i++) {
			for (const t of targets) {
				const l = await loadOnce(bench.browser, t, { throttle: THROTTLE, record: false, timeoutMs: 180_000 });
				times[t.name]!.push(l.answerableMs);
				wall[t.name]!.push(l.answerableWallMs);
				console.log(
					`  run ${i} ${t.name.padEnd(9)} ${fmt(l.answerableMs)} (wall clock from page.goto: ${fmt(l.answerableWallMs)}; document: first byte ${fmt(l.documentTtfbMs)} after its request, last byte at ${fmt(l.documentDoneMs)}; first radio value=${l.answerableValue})`
				);
			}
		}
		console.log('\n             min      median   max      (performance.now() in the page)');
		for (const t of targets) {
			const xs = times[t.name]!;
			console.log(
				`  ${t.name.padEnd(9)}  ${fmt(Math.min(...xs)).padEnd(8)} ${fmt(median(xs)).padEnd(8)} ${fmt(Math.max(...xs)).padEnd(8)}  (wall clock median ${fmt(median(wall[t.name]!))})`
			);
		}
		const ours = median(times.ours!);
		const ref = median(times.reference!);
		console.log(`  ratio reference/ours (medians): ${(ref / ours).toFixed(1)}×`);
		console.log(
			`  target ours ≤ ${fmt(TARGET_MS)}: ${Math.max(...times.ours!) <= TARGET_MS ? 'PASS' : 'MISS'} (median ${fmt(ours)}, max ${fmt(Math.max(...times.ours!))}; PASS needs every run within)`
		);
	} finally {
		await bench.stop();
	}
}

main().then(
	() => process.exit(0),
	(e) => {
		console.error(`slow-network: the measurement failed: ${e instanceof Error ? e.stack : e}`);
		process.exit(1);
	}
);
